// Installed instrument packs, one row per organisation, instrument and version.
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import type { InstrumentPackTable } from "../db/schema.js";

export async function insertPackRow(
  db: Db,
  row: InstrumentPackTable,
): Promise<void> {
  await db.insertInto("instrument_packs").values(row).execute();
}

const instrumentPacks = preparedQuery(
  (db, a: { organisationId: string; instrumentId: string }) =>
    db
      .selectFrom("instrument_packs")
      .selectAll()
      .where("organisation_id", "=", a.organisationId)
      .where("instrument_id", "=", a.instrumentId)
      .orderBy("instrument_id")
      .orderBy("installed_at"),
);

export async function listPackRows(
  db: Db,
  organisationId: string,
  instrumentId?: string,
): Promise<InstrumentPackTable[]> {
  // One instrument's packs are read on every check-in submission: prepared once.
  if (instrumentId)
    return (await instrumentPacks(db, { organisationId, instrumentId })).rows;
  let query = db
    .selectFrom("instrument_packs")
    .selectAll()
    .where("organisation_id", "=", organisationId);
  if (instrumentId) query = query.where("instrument_id", "=", instrumentId);
  return query.orderBy("instrument_id").orderBy("installed_at").execute();
}
