// One benchmark measurement against a baseline measured in the same run.
export type BenchResult = {
  name: string;
  baseline: string;
  value: number;
  baselineValue: number;
  unit: string;
  /** value / baselineValue: for a throughput, 0.5 means half the baseline's rate (twice its cost). */
  ratio: number;
};

/** A throughput measured against a baseline throughput, in requests per second. */
export function requestRatio(
  name: string,
  baseline: string,
  value: number,
  baselineValue: number,
): BenchResult {
  return {
    name,
    baseline,
    value,
    baselineValue,
    unit: "req/s",
    ratio: value / baselineValue,
  };
}
