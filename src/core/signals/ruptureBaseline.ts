import type { Scored } from "./series.js";

export interface Baseline {
  readonly mean: number;
  /** Sample SD (n − 1) of the baseline totals, before the floor. */
  readonly rawSd: number;
  /** max(rawSd, floor): the SD the drop is measured in. */
  readonly sd: number;
  readonly n: number;
  /** Mean of each subscale over the baseline check-ins that all carry it. */
  readonly subscaleMeans: Readonly<Record<string, number>>;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function sampleSd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(
    values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1),
  );
}

function subscaleMeans(points: readonly Scored[]): Record<string, number> {
  const keys = Object.keys(points[0]?.subscales ?? {}).filter((k) =>
    points.every((p) => p.subscales[k] !== undefined),
  );
  return Object.fromEntries(
    keys.map((k) => [k, mean(points.map((p) => p.subscales[k]!))]),
  );
}

/**
 * The client's own alliance baseline: mean and SD of earlier check-ins, the SD floored at the pack's
 * floor (clinical-facts 4.3 step 1); null until `minCheckIns` (at least 2) are available.
 * @example
 * personalBaseline([34, 35, 36].map(asCheckIn), 3, 1.5); // { mean: 35, rawSd: 1, sd: 1.5, n: 3, ... }
 */
export function personalBaseline(
  points: readonly Scored[],
  minCheckIns: number,
  sdFloor: number,
): Baseline | null {
  if (points.length < Math.max(2, minCheckIns)) return null;
  const totals = points.map((p) => p.total);
  const rawSd = sampleSd(totals);
  return {
    mean: mean(totals),
    rawSd,
    sd: Math.max(rawSd, sdFloor),
    n: points.length,
    subscaleMeans: subscaleMeans(points),
  };
}
