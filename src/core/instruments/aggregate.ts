// Sums or averages item scores, reversing where the pack says and prorating missing items by
// the pack's own rule (mean substitution: the answered items' mean stands in for a missing one).
import type { Pack } from "./packSchema.js";
import type { MissingRule } from "./scoringSchema.js";
import { scoredItemRange } from "./itemValues.js";

export interface Aggregate {
  readonly value: number | null;
  readonly missing: readonly string[];
  readonly prorated: boolean;
}

/** The item's contribution: the paper value, or min + max − value for a reverse-scored item. */
export function itemScore(pack: Pack, linkId: string, value: number): number {
  if (!pack.scoring.reverse?.items.includes(linkId)) return value;
  const { min, max } = scoredItemRange(pack, linkId);
  return min + max - value;
}

function prorate(
  sum: number,
  answered: number,
  count: number,
  rule: MissingRule,
): number {
  const full = (sum * count) / answered;
  return rule.rule === "prorate" && rule.round === "integer"
    ? Math.round(full)
    : full;
}

/** Aggregates the given items; value is null only when none of them was answered. */
export function aggregate(
  pack: Pack,
  linkIds: readonly string[],
  method: "sum" | "mean",
  values: ReadonlyMap<string, number>,
): Aggregate {
  const answered = linkIds.filter((id) => values.has(id));
  const missing = linkIds.filter((id) => !values.has(id));
  if (answered.length === 0) return { value: null, missing, prorated: false };
  const sum = answered.reduce(
    (s, id) => s + itemScore(pack, id, values.get(id) ?? 0),
    0,
  );
  const prorated = missing.length > 0;
  if (method === "mean")
    return { value: sum / answered.length, missing, prorated };
  const value = prorated
    ? prorate(sum, answered.length, linkIds.length, pack.scoring.missing)
    : sum;
  return { value, missing, prorated };
}
