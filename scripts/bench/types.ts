// One benchmark measurement against a baseline measured in the same run.
export type BenchResult = {
  name: string;
  baseline: string;
  value: number;
  baselineValue: number;
  unit: string;
  /** Cost relative to the baseline: baselineValue / value for throughputs (1 = same cost). */
  ratio: number;
};
