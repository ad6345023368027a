// MITI 4.2.1 summary-score thresholds (Moyers et al. 2016; clinical-facts §5.1, table from PMC9461167).

export type ThresholdLevel = "below-fair" | "fair" | "good";

export interface ThresholdedScore {
  value: number | null;
  fair: number;
  good: number;
  level: ThresholdLevel | null;
}

/** Reflection:question ratio: fair 1:1, good 2:1 (MITI 4.2.1). */
export const REFLECTION_TO_QUESTION = { fair: 1, good: 2 } as const;
/** % complex reflections, CR / (SR + CR): fair 40%, good 50% (MITI 4.2.1). */
export const PERCENT_COMPLEX_REFLECTIONS = { fair: 40, good: 50 } as const;

export function thresholded(
  value: number | null,
  limits: { fair: number; good: number },
): ThresholdedScore {
  const level =
    value === null
      ? null
      : value >= limits.good
        ? "good"
        : value >= limits.fair
          ? "fair"
          : "below-fair";
  return { value, fair: limits.fair, good: limits.good, level };
}

/** numerator / denominator, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** 100 × part / whole, or null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}
