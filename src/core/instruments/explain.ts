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

function reverseLine(pack: Pack): string | undefined {
  const reverse = pack.scoring.reverse;
  if (!reverse) return undefined;
  const answers =
    reverse.answers === "option-position"
      ? "; their answers are option positions, as for every item, and Rapport reverses them"
      : "";
  return `Reverse-scored items: ${reverse.items.join(", ")}${answers} (${reverse.source}).`;
}

function interpretationLines(pack: Pack, r: ScoreResult): string[] {
  const { bands, cutoff, caseness } = pack.scoring;
  const lines: string[] = [];
  const reverse = reverseLine(pack);
  if (reverse) lines.push(reverse);
  if (r.band && bands)
    lines.push(
      `Band: ${r.band.label} (${r.band.min}–${r.band.max}; ${bands.source}).`,
    );
  if (r.clinical !== null && cutoff) {
    lines.push(
      `${r.clinical ? "Past" : "Not past"} the cut-off: ${cutoff.description} (${cutoff.source}).`,
    );
  }
  if (r.caseness !== null && caseness)
    lines.push(
      `${r.caseness ? "At" : "Not at"} caseness: ${caseness.description} (${caseness.source}).`,
    );
  for (const f of r.flags)
    lines.push(
      `Item ${f.linkId} answered ${f.value}: ${f.message} (${f.source}).`,
    );
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
