// The scores a client sees on their progress page: outcome measures always, alliance ratings
// only when the therapist chose so for them. Read with no member: audited by the caller.
import type { AppContext } from "../context.js";
import { catalogue, latestOfEach } from "../instruments/instrumentCatalogue.js";
import { totalRange } from "../../core/instruments/itemValues.js";

export interface ProgressSeries {
  instrumentId: string;
  title: string;
  kind: "outcome" | "alliance";
  higherIsBetter: boolean;
  min: number;
  max: number;
  points: { at: string; total: number }[];
}

export async function progressSeries(
  context: AppContext,
  organisationId: string,
  clientId: string,
  showAlliance: boolean,
): Promise<ProgressSeries[]> {
  const packs = new Map(
    latestOfEach(await catalogue(context.db, organisationId)).map((e) => [
      e.pack.id,
      e.pack,
    ]),
  );
  const rows = await context.db
    .selectFrom("responses")
    .select(["instrument_id", "total", "submitted_at"])
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .where("valid", "=", 1)
    .orderBy("submitted_at")
    .execute();
  const series = new Map<string, ProgressSeries>();
  for (const row of rows) {
    const pack = packs.get(row.instrument_id);
    if (!pack || row.total === null) continue;
    if (
      pack.kind === "preference" ||
      (pack.kind === "alliance" && !showAlliance)
    )
      continue;
    let s = series.get(pack.id);
    if (!s) {
      const range = totalRange(pack);
      s = {
        instrumentId: pack.id,
        title: pack.questionnaire.title ?? pack.id,
        kind: pack.kind,
        higherIsBetter: pack.scoring.direction === "higherIsBetter",
        min: range.min,
        max: range.max,
        points: [],
      };
      series.set(pack.id, s);
    }
    s.points.push({ at: row.submitted_at, total: row.total });
  }
  return [...series.values()];
}
