// Reads a total against the pack's bands, screening cut-off and caseness, and answers against
// its risk items and item flags.
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

export interface ItemFlagHit {
  readonly linkId: string;
  readonly value: number;
  readonly text: string;
  readonly message: string;
  readonly source: string;
}

function onClinicalSide(pack: Pack, threshold: number, total: number) {
  return pack.scoring.direction === "higherIsWorse"
    ? total >= threshold
    : total < threshold;
}

/** Whether the total is past the screening cut-off (higherIsWorse: ≥ cut-off; higherIsBetter: < cut-off). */
export function isClinical(pack: Pack, total: number): boolean | null {
  const cutoff = pack.scoring.cutoff;
  return cutoff ? onClinicalSide(pack, cutoff.value, total) : null;
}

/**
 * Whether the total is at caseness, the boundary recovery is measured against (NHS Talking
 * Therapies, clinical-facts.md §3.2), kept apart from the screening cut-off.
 * @example isAtCaseness(gad7, 9) // true: GAD-7 caseness is ≥ 8, though the screening cut-off is 10
 */
export function isAtCaseness(pack: Pack, total: number): boolean | null {
  const caseness = pack.scoring.caseness;
  return caseness ? onClinicalSide(pack, caseness.value, total) : null;
}

/**
 * Answers the pack flags whatever the total, e.g. a WHO-5 item answered 0 or 1.
 * @example itemFlagHits(who5, new Map([["q3", 1]])) // [{ linkId: "q3", value: 1, message: "…further assessment…" }]
 */
export function itemFlagHits(
  pack: Pack,
  values: ReadonlyMap<string, number>,
): ItemFlagHit[] {
  return (pack.scoring.itemFlags ?? []).flatMap((flag) =>
    flag.items.flatMap((linkId) => {
      const value = values.get(linkId);
      if (value === undefined || !flag.values.includes(value)) return [];
      const text = findItem(pack, linkId)?.text ?? linkId;
      return [
        { linkId, value, text, message: flag.message, source: flag.source },
      ];
    }),
  );
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
