import { Matrix, solve } from "ml-matrix";
import {
  groupCrossProducts,
  type GroupCrossProducts,
} from "./linearMixedModelCrossProducts.js";
import { emStep, type VarianceState } from "./linearMixedModelEm.js";
import { squaremJump } from "./squarem.js";
import type { LmmMethod } from "./linearMixedModelTypes.js";
import {
  DEFAULT_LMM_OPTIONS,
  type LmmFit,
  type LmmGroup,
  type LmmOptions,
} from "./linearMixedModelTypes.js";

function sumMatrices(
  groups: readonly GroupCrossProducts[],
  pick: (cp: GroupCrossProducts) => Matrix,
): Matrix {
  const first = pick(groups[0]!);
  const sum = Matrix.zeros(first.rows, first.columns);
  for (const cp of groups) sum.add(pick(cp));
  return sum;
}

/** Starting values: OLS β; half the OLS residual variance to σ², the other half spread over G's diagonal. */
function initialState(
  groups: readonly GroupCrossProducts[],
  q: number,
): VarianceState {
  const beta = solve(
    sumMatrices(groups, (cp) => cp.XtX),
    sumMatrices(groups, (cp) => cp.Xty),
  );
  const n = groups.reduce((sum, cp) => sum + cp.n, 0);
  const rss = groups.reduce((sum, cp) => {
    const fitted = beta.transpose().mmul(cp.XtX).mmul(beta).get(0, 0);
    return sum + cp.yty - 2 * beta.transpose().mmul(cp.Xty).get(0, 0) + fitted;
  }, 0);
  const variance = Math.max(rss / n, 1e-8);
  return { G: Matrix.eye(q).mul(variance / (2 * q)), sigma2: variance / 2 };
}

function largestRelativeChange(a: VarianceState, b: VarianceState): number {
  const scale = Math.max(a.sigma2, ...a.G.diag().map(Math.abs), 1e-12);
  let largest = Math.abs(a.sigma2 - b.sigma2) / scale;
  for (let i = 0; i < a.G.rows; i++) {
    for (let j = 0; j < a.G.columns; j++) {
      largest = Math.max(
        largest,
        Math.abs(a.G.get(i, j) - b.G.get(i, j)) / scale,
      );
    }
  }
  return largest;
}

/**
 * Two EM steps, then a SQUAREM jump stabilised by a third EM step, kept only if the likelihood did
 * not fall. `emChange` is the relative size of the first plain EM step (the convergence test).
 */
function squaremCycle(
  cps: readonly GroupCrossProducts[],
  state: VarianceState,
  method: LmmMethod,
) {
  const s1 = emStep(cps, state, method);
  const s2 = emStep(cps, s1.next, method);
  const emChange = largestRelativeChange(state, s1.next);
  const jump = squaremJump(state, s1.next, s2.next);
  if (jump === null) return { next: s2.next, emChange, emSteps: 2 };
  const s3 = emStep(cps, jump, method);
  return {
    next: s3.logLik >= s2.logLik ? s3.next : s2.next,
    emChange,
    emSteps: 3,
  };
}

const toRows = (m: Matrix): number[][] => m.to2DArray();

/**
 * Fits y = Xβ + Zb + e with b ~ N(0, G) unstructured and e ~ N(0, σ²I) by EM (ML or REML).
 * Source: Laird & Ware 1982 (Biometrics 38:963–974); Laird, Lange & Stram 1987 (JASA 82:97–105).
 * @example
 * // random intercept and slope on ln(session) for PHQ-9 totals, one group per client
 * fitLinearMixedModel(clients.map((c) => ({ y: c.scores, X: c.rows, Z: c.rows.map((r) => [1, r[2]!]) })));
 */
export function fitLinearMixedModel(
  groups: readonly LmmGroup[],
  options: LmmOptions = DEFAULT_LMM_OPTIONS,
): LmmFit {
  const first = groups[0];
  if (first === undefined)
    throw new RangeError("fitLinearMixedModel needs at least one group");
  const p = first.X[0]?.length ?? 0;
  const q = first.Z[0]?.length ?? 0;
  const cps = groups.map((g) => groupCrossProducts(g, p, q));
  let state = initialState(cps, q);
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations && !converged) {
    const cycle = squaremCycle(cps, state, options.method);
    converged = cycle.emChange < options.tolerance;
    state = cycle.next;
    iterations += cycle.emSteps;
  }
  const final = emStep(cps, state, options.method);
  return {
    method: options.method,
    beta: final.beta.getColumn(0),
    betaCovariance: toRows(final.betaCovariance),
    G: toRows(state.G),
    sigma2: state.sigma2,
    logLik: final.logLik,
    iterations,
    converged,
    nGroups: groups.length,
    nObservations: cps.reduce((sum, cp) => sum + cp.n, 0),
  };
}
