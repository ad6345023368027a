/** One group's (one client's) data: outcome y, fixed-effect design rows X, random-effect design rows Z. */
export interface LmmGroup {
  readonly y: readonly number[];
  readonly X: readonly (readonly number[])[];
  readonly Z: readonly (readonly number[])[];
}

export type LmmMethod = "REML" | "ML";

export interface LmmOptions {
  readonly method: LmmMethod;
  /** EM stops when no variance parameter moves by more than this, relative to its size. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export const DEFAULT_LMM_OPTIONS: LmmOptions = {
  method: "REML",
  tolerance: 1e-7,
  maxIterations: 20_000,
};

/** A fitted y = Xβ + Zb + e, b ~ N(0, G), e ~ N(0, σ²I). */
export interface LmmFit {
  readonly method: LmmMethod;
  readonly beta: readonly number[];
  /** (Σ X'V⁻¹X)⁻¹: the covariance of β̂, used for the fixed-effect part of a prediction variance. */
  readonly betaCovariance: readonly (readonly number[])[];
  readonly G: readonly (readonly number[])[];
  readonly sigma2: number;
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly nGroups: number;
  readonly nObservations: number;
}
