import { CholeskyDecomposition, Matrix } from "ml-matrix";
import type { VarianceState } from "./linearMixedModelEm.js";

function toVector(state: VarianceState): number[] {
  return [...state.G.to1DArray(), state.sigma2];
}

function fromVector(values: readonly number[], q: number): VarianceState {
  const G = Matrix.from1DArray(q, q, values.slice(0, q * q));
  return { G: G.add(G.transpose()).div(2), sigma2: values[q * q]! };
}

function isInParameterSpace(state: VarianceState): boolean {
  return (
    state.sigma2 > 0 && new CholeskyDecomposition(state.G).isPositiveDefinite()
  );
}

/**
 * SQUAREM extrapolation (Varadhan & Roland 2008, Scand J Stat 35:335–353, scheme S3) from three
 * successive EM states; returns null when the jump leaves the parameter space (the caller keeps θ2).
 */
export function squaremJump(
  theta0: VarianceState,
  theta1: VarianceState,
  theta2: VarianceState,
): VarianceState | null {
  const q = theta0.G.rows;
  const [a, b, c] = [toVector(theta0), toVector(theta1), toVector(theta2)];
  const r = b.map((x, i) => x - a[i]!);
  const v = c.map((x, i) => x - 2 * b[i]! + a[i]!);
  const normV = Math.hypot(...v);
  if (normV === 0) return null;
  const alpha = Math.min(-1, -Math.hypot(...r) / normV);
  const jumped = fromVector(
    a.map((x, i) => x - 2 * alpha * r[i]! + alpha * alpha * v[i]!),
    q,
  );
  return isInParameterSpace(jumped) ? jumped : null;
}
