/**
 * How much change counts as reliable for one instrument. `points` is a service convention in raw
 * points (NHS Talking Therapies: PHQ-9 ≥ 6, GAD-7 ≥ 4); `jacobson-truax` derives it from the
 * instrument's SD and reliability (Jacobson & Truax 1991).
 */
export type ReliableChangeCriterion =
  | { readonly kind: "points"; readonly minChange: number }
  | {
      readonly kind: "jacobson-truax";
      readonly sd: number;
      readonly reliability: number;
    };

/** Critical |RC| for p < .05, two-sided (Jacobson & Truax 1991, section 3.1). */
export const RCI_CRITICAL_Z = 1.96;

/**
 * Jacobson–Truax standard error of the difference: S_diff = √(2·SE²), SE = SD·√(1 − r).
 * Source: Jacobson & Truax 1991, J Consult Clin Psychol 59:12–19 (clinical-facts 3.1).
 * @example
 * jacobsonTruaxSdiff(7.5, 0.8); // 4.743 (Jacobson's example SD of 7.5)
 */
export function jacobsonTruaxSdiff(sd: number, reliability: number): number {
  if (!(sd > 0) || !(reliability >= 0 && reliability < 1)) {
    throw new RangeError(
      `needs sd > 0 and 0 ≤ reliability < 1, got ${sd}, ${reliability}`,
    );
  }
  const se = sd * Math.sqrt(1 - reliability);
  return Math.sqrt(2 * se * se);
}

/**
 * Jacobson–Truax reliable change index RC = (post − pre) / S_diff; reliable when |RC| > 1.96.
 * Source: Jacobson & Truax 1991 (clinical-facts 3.1).
 * @example
 * jacobsonTruaxRci(18, 9, 5, 0.84); // (9 − 18) / 2.828 = −3.18 for a PHQ-9 going 18 → 9
 */
export function jacobsonTruaxRci(
  pre: number,
  post: number,
  sd: number,
  reliability: number,
): number {
  return (post - pre) / jacobsonTruaxSdiff(sd, reliability);
}

/**
 * Whether a raw change (in either direction) is reliable under the criterion: |change| ≥ minChange
 * for a points convention (NHS Talking Therapies, clinical-facts 3.2 ⚠), |RC| > 1.96 for Jacobson–Truax.
 * Named apart from the instrument engine's `reliableChange` so it can be swapped for it later.
 * @example
 * isReliableChangeSignals(-6, { kind: "points", minChange: 6 }); // true: PHQ-9 drop of 6
 */
export function isReliableChangeSignals(
  change: number,
  criterion: ReliableChangeCriterion,
): boolean {
  switch (criterion.kind) {
    case "points":
      return Math.abs(change) >= criterion.minChange;
    case "jacobson-truax":
      return (
        Math.abs(change) /
          jacobsonTruaxSdiff(criterion.sd, criterion.reliability) >
        RCI_CRITICAL_Z
      );
  }
}

/**
 * The smallest raw change that the criterion counts as reliable (for explanations).
 * @example
 * minimumReliableChange({ kind: "jacobson-truax", sd: 7.5, reliability: 0.8 }); // 1.96 · 4.743 = 9.30
 */
export function minimumReliableChange(
  criterion: ReliableChangeCriterion,
): number {
  switch (criterion.kind) {
    case "points":
      return criterion.minChange;
    case "jacobson-truax":
      return (
        RCI_CRITICAL_Z * jacobsonTruaxSdiff(criterion.sd, criterion.reliability)
      );
  }
}
