// Plain-language lines saying how a score was reached: which rule, which numbers, which source.
import type { Pack } from "./packSchema.js";
import type { ScoreResult } from "./score.js";
import type { ValueRange } from "./itemValues.js";

function totalLine(pack: Pack, r: ScoreResult, range: ValueRange): string {
  const how = `${pack.scoring.method} of ${pack.scoring.items.length} items, range ${range.min}–${range.max}`;
  return `${pack.questionnaire.title}: total ${String(r.total)} (${how}; ${pack.scoring.source}).`;
}

function proratingLine(pack: Pack, r: ScoreResult): string | undefined {
  if (!r.prorated) return undefined;
  const rule = pack.scoring.missing;
  const rounding =
    rule.rule === "prorate" && rule.round === "integer"
      ? ", rounded to a whole number"
      : "";
  return `Unanswered ${r.missingItems.join(", ")}: total prorated from the answered items${rounding} (${rule.source}).`;
}

function interpretationLines(pack: Pack, r: ScoreResult): string[] {
  const { bands, cutoff, reverse } = pack.scoring;
  const lines: string[] = [];
  if (reverse)
    lines.push(
      `Reverse-scored items: ${reverse.items.join(", ")} (${reverse.source}).`,
    );
  if (r.band && bands)
    lines.push(
      `Band: ${r.band.label} (${r.band.min}–${r.band.max}; ${bands.source}).`,
    );
  if (r.clinical !== null && cutoff) {
    lines.push(
      `${r.clinical ? "In" : "Not in"} the clinical range: ${cutoff.description} (${cutoff.source}).`,
    );
  }
  return lines;
}

/** The explanation lines of a scored (or refused) response. */
export function explain(
  pack: Pack,
  r: ScoreResult,
  range: ValueRange,
): string[] {
  const head = r.valid
    ? [totalLine(pack, r, range)]
    : [
        `${pack.questionnaire.title}: not scored.`,
        ...(r.reasons ?? []).map((x) => x.message),
      ];
  const risk = r.riskItems.map(
    (h) =>
      `Risk item ${h.linkId} answered ${h.value}: review at once, whatever the total (${h.source}).`,
  );
  const notice = pack.notice ? [pack.notice] : [];
  const body = r.valid
    ? [proratingLine(pack, r), ...interpretationLines(pack, r)]
    : [];
  return [
    ...head,
    ...body.filter((l): l is string => l !== undefined),
    ...risk,
    ...notice,
  ];
}
