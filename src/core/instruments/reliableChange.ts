// Jacobson & Truax (1991), J Consult Clin Psychol 59(1):12–19: reliable change and clinical
// significance (clinical-facts.md §3.1).

/** The z beyond which change is reliable (p < .05, two-sided). */
export const RELIABLE_Z = 1.96;

export type Direction = "higherIsWorse" | "higherIsBetter";

/**
 * Standard error of measurement, SE = SD · √(1 − r) (Jacobson & Truax 1991).
 * @example standardError(7.7, 0.9) // ≈ 2.435 (CORE-10 counselling norms SD 7.7, α .90)
 */
export function standardError(sd: number, reliability: number): number {
  assertSdAndReliability(sd, reliability);
  return sd * Math.sqrt(1 - reliability);
}

/**
 * Standard error of the difference, S_diff = √(2 · SE²) (Jacobson & Truax 1991).
 * @example standardErrorOfDifference(7.7, 0.9) // ≈ 3.444
 */
export function standardErrorOfDifference(
  sd: number,
  reliability: number,
): number {
  return Math.sqrt(2 * standardError(sd, reliability) ** 2);
}

/**
 * Reliable change index RC = (post − pre) / S_diff; |RC| > 1.96 is reliable (Jacobson & Truax 1991).
 * @example reliableChangeIndex(20, 12, 7.7, 0.9) // ≈ −2.32 (CORE-10 fell 8 points)
 */
export function reliableChangeIndex(
  pre: number,
  post: number,
  sd: number,
  reliability: number,
): number {
  return (post - pre) / standardErrorOfDifference(sd, reliability);
}

/**
 * The smallest raw change that is reliable, 1.96 · S_diff (suddengains::define_crit1_cutoff).
 * @example reliableChangeThreshold(7.7, 0.9) // ≈ 6.75 CORE-10 points
 */
export function reliableChangeThreshold(
  sd: number,
  reliability: number,
): number {
  return RELIABLE_Z * standardErrorOfDifference(sd, reliability);
}

export interface Norms {
  readonly mean: number;
  readonly sd: number;
}

export interface ClinicalCutoffs {
  /** Two SDs beyond the clinical mean, in the healthy direction. */
  readonly a: number;
  /** Two SDs from the functional mean, towards the clinical one (needs functional norms). */
  readonly b?: number;
  /** The point equally likely to belong to either population (needs functional norms). */
  readonly c?: number;
}

/**
 * Clinical-significance cut-offs a, b and c (Jacobson & Truax 1991; clinical-facts.md §3.1).
 * @example clinicalCutoffs({ mean: 40, sd: 7.5 }, { mean: 60, sd: 7.5 }, "higherIsBetter") // { a: 55, b: 45, c: 50 }
 */
export function clinicalCutoffs(
  clinical: Norms,
  functional: Norms | undefined,
  direction: Direction,
): ClinicalCutoffs {
  const healthy = direction === "higherIsBetter" ? 1 : -1;
  const a = clinical.mean + healthy * 2 * clinical.sd;
  if (!functional) return { a };
  const b = functional.mean - healthy * 2 * functional.sd;
  const c =
    (functional.sd * clinical.mean + clinical.sd * functional.mean) /
    (functional.sd + clinical.sd);
  return { a, b, c };
}

export type JacobsonTruaxClass =
  "recovered" | "improved" | "unchanged" | "deteriorated";

export interface ChangeInput {
  readonly pre: number;
  readonly post: number;
  /** Minimum raw change that counts as reliable (e.g. 1.96 · S_diff, or a service convention). */
  readonly threshold: number;
  /** Cut-off between clinical and functional ranges; the healthy side excludes the cut-off itself when higher is worse. */
  readonly cutoff?: number;
  readonly direction: Direction;
}

function onHealthySide(
  score: number,
  cutoff: number,
  direction: Direction,
): boolean {
  return direction === "higherIsWorse" ? score < cutoff : score >= cutoff;
}

/**
 * Recovered = reliable improvement and crossed the cut-off; improved = reliable improvement only;
 * deteriorated = reliable worsening (Jacobson & Truax 1991; clinical-facts.md §3.1).
 * @example classifyChange({ pre: 18, post: 8, threshold: 6, cutoff: 10, direction: "higherIsWorse" }) // "recovered" (PHQ-9)
 */
export function classifyChange(input: ChangeInput): JacobsonTruaxClass {
  const { pre, post, threshold, cutoff, direction } = input;
  const improvement = direction === "higherIsWorse" ? pre - post : post - pre;
  if (improvement <= -threshold) return "deteriorated";
  if (improvement < threshold) return "unchanged";
  const crossed =
    cutoff !== undefined &&
    !onHealthySide(pre, cutoff, direction) &&
    onHealthySide(post, cutoff, direction);
  return crossed ? "recovered" : "improved";
}

function assertSdAndReliability(sd: number, reliability: number): void {
  if (!(sd > 0) || !(reliability >= 0 && reliability < 1)) {
    throw new RangeError(
      `Need sd > 0 and 0 ≤ reliability < 1; got sd ${sd}, reliability ${reliability}`,
    );
  }
}
