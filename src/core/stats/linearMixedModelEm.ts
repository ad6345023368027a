import { determinant, inverse, Matrix } from "ml-matrix";
import type { GroupCrossProducts } from "./linearMixedModelCrossProducts.js";
import type { LmmMethod } from "./linearMixedModelTypes.js";

/** Current variance parameters: G (random-effect covariance) and σ² (residual variance). */
export interface VarianceState {
  readonly G: Matrix;
  readonly sigma2: number;
}

export interface EmStepResult {
  readonly next: VarianceState;
  readonly beta: Matrix;
  readonly betaCovariance: Matrix;
  /** Log-likelihood (ML or REML) at the incoming state, with β profiled out. */
  readonly logLik: number;
}

/** K = (σ²I + G·Z'Z)⁻¹G, so that V⁻¹ = (I − Z K Z')/σ² (Woodbury) even when G is singular. */
function woodburyK(cp: GroupCrossProducts, state: VarianceState): Matrix {
  const q = state.G.rows;
  return inverse(
    Matrix.eye(q).mul(state.sigma2).add(state.G.mmul(cp.ZtZ)),
  ).mmul(state.G);
}

/** Generalised least squares for β given the variance state: β = (Σ X'V⁻¹X)⁻¹ Σ X'V⁻¹y. */
function generalisedLeastSquares(
  groups: readonly GroupCrossProducts[],
  Ks: readonly Matrix[],
  sigma2: number,
) {
  const p = groups[0]!.XtX.rows;
  const XtWX = Matrix.zeros(p, p);
  const XtWy = Matrix.zeros(p, 1);
  groups.forEach((cp, i) => {
    const XtZK = cp.XtZ.mmul(Ks[i]!);
    XtWX.add(cp.XtX.clone().sub(XtZK.mmul(cp.ZtX)));
    XtWy.add(cp.Xty.clone().sub(XtZK.mmul(cp.Zty)));
  });
  XtWX.div(sigma2);
  XtWy.div(sigma2);
  const betaCovariance = inverse(XtWX);
  return {
    beta: betaCovariance.mmul(XtWy),
    betaCovariance,
    logDetXtWX: Math.log(determinant(XtWX)),
  };
}

interface GroupMoments {
  readonly bbPlusVar: Matrix;
  readonly residualMoment: number;
  readonly logDetV: number;
  readonly quadratic: number;
}

/** E-step for one group: E[bb'|y] and E[e'e|y] (with the REML correction), and its likelihood terms. */
function groupMoments(
  cp: GroupCrossProducts,
  K: Matrix,
  beta: Matrix,
  C: Matrix,
  state: VarianceState,
  method: LmmMethod,
): GroupMoments {
  const Ztr = cp.Zty.clone().sub(cp.ZtX.mmul(beta));
  const betaXty = beta.transpose().mmul(cp.Xty).get(0, 0);
  const rr =
    cp.yty - 2 * betaXty + beta.transpose().mmul(cp.XtX).mmul(beta).get(0, 0);
  const b = K.mmul(Ztr);
  const ee =
    rr -
    2 * b.transpose().mmul(Ztr).get(0, 0) +
    b.transpose().mmul(cp.ZtZ).mmul(b).get(0, 0);
  const varB = K.clone().mul(state.sigma2);
  let traceVarE = state.sigma2 * K.mmul(cp.ZtZ).trace();
  if (method === "REML") {
    const KZtX = K.mmul(cp.ZtX);
    varB.add(KZtX.mmul(C).mmul(KZtX.transpose()));
    const XtZK = KZtX.transpose();
    const inner = cp.XtX.clone()
      .sub(XtZK.mmul(cp.ZtX).mul(2))
      .add(XtZK.mmul(cp.ZtZ).mmul(KZtX));
    traceVarE += C.mmul(inner).trace();
  }
  const q = state.G.rows;
  const logDetV =
    cp.n * Math.log(state.sigma2) +
    Math.log(
      determinant(Matrix.eye(q).add(state.G.mmul(cp.ZtZ).div(state.sigma2))),
    );
  const quadratic =
    (rr - Ztr.transpose().mmul(K).mmul(Ztr).get(0, 0)) / state.sigma2;
  return {
    bbPlusVar: b.mmul(b.transpose()).add(varB),
    residualMoment: ee + traceVarE,
    logDetV,
    quadratic,
  };
}

/**
 * One EM iteration for a linear mixed model (Laird & Ware 1982; REML form of Laird, Lange & Stram 1987).
 * Returns the updated variance state, the GLS β at the incoming state, and the incoming log-likelihood.
 */
export function emStep(
  groups: readonly GroupCrossProducts[],
  state: VarianceState,
  method: LmmMethod,
): EmStepResult {
  const Ks = groups.map((cp) => woodburyK(cp, state));
  const { beta, betaCovariance, logDetXtWX } = generalisedLeastSquares(
    groups,
    Ks,
    state.sigma2,
  );
  const q = state.G.rows;
  const sumB = Matrix.zeros(q, q);
  let sumE = 0;
  let nObs = 0;
  let logLik = 0;
  groups.forEach((cp, i) => {
    const m = groupMoments(cp, Ks[i]!, beta, betaCovariance, state, method);
    sumB.add(m.bbPlusVar);
    sumE += m.residualMoment;
    nObs += cp.n;
    logLik -= 0.5 * (m.logDetV + m.quadratic);
  });
  const p = beta.rows;
  const dof = method === "REML" ? nObs - p : nObs;
  logLik -=
    0.5 * dof * Math.log(2 * Math.PI) +
    (method === "REML" ? 0.5 * logDetXtWX : 0);
  const G = sumB.div(groups.length);
  const symmetric = G.clone().add(G.transpose()).div(2);
  return {
    next: { G: symmetric, sigma2: sumE / nObs },
    beta,
    betaCovariance,
    logLik,
  };
}
