// Reads a total against the pack's bands, clinical cut-off and risk items.
import type { Pack } from "./packSchema.js";
import type { Band } from "./scoringSchema.js";
import { findItem } from "./itemValues.js";

export interface RiskHit {
  readonly linkId: string;
  readonly value: number;
  readonly text: string;
  readonly source: string;
}

/** The band holding the total: the last band whose lower edge is at or below it. */
export function bandFor(pack: Pack, total: number): Band | null {
  const ranges = pack.scoring.bands?.ranges ?? [];
  return ranges.filter((b) => b.min <= total).at(-1) ?? null;
}

/** Whether the total is in the clinical range (higherIsWorse: ≥ cut-off; higherIsBetter: < cut-off). */
export function isClinical(pack: Pack, total: number): boolean | null {
  const cutoff = pack.scoring.cutoff;
  if (!cutoff) return null;
  return pack.scoring.direction === "higherIsWorse"
    ? total >= cutoff.value
    : total < cutoff.value;
}

/** Risk items whose answer is one of the pack's triggering answers, whatever the total. */
export function riskHits(
  pack: Pack,
  values: ReadonlyMap<string, number>,
): RiskHit[] {
  return (pack.scoring.risk ?? []).flatMap((risk) => {
    const value = values.get(risk.item);
    if (value === undefined || !risk.triggerValues.includes(value)) return [];
    const text = findItem(pack, risk.item)?.text ?? risk.item;
    return [{ linkId: risk.item, value, text, source: risk.source }];
  });
}

/** Derived scores (e.g. WHO-5 percentage = raw × 4), null when there is no total. */
export function derivedScores(
  pack: Pack,
  total: number | null,
): Record<string, number | null> {
  const value = (multiply = 1, divide = 1): number | null =>
    total === null ? null : (total * multiply) / divide;
  const entries = (pack.scoring.derived ?? []).map((d) => [
    d.id,
    value(d.multiply, d.divide),
  ]);
  return Object.fromEntries(entries) as Record<string, number | null>;
}
