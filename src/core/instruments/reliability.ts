// Internal consistency of an instrument on a clinic's own responses: Cronbach's alpha and
// McDonald's omega from a one-factor model (issue 4 §5; clinical-facts.md "Rapport's decisions").
import {
  EigenvalueDecomposition,
  Matrix,
  covariance,
  pseudoInverse,
} from "ml-matrix";

export interface Reliability {
  /** Complete responses used (rows with any missing value are dropped: listwise deletion). */
  readonly n: number;
  readonly items: number;
  /** null when it cannot be estimated (fewer than 2 items or 2 responses, or no variance). */
  readonly alpha: number | null;
  readonly omega: number | null;
}

/** One row per response, one column per item; null or NaN means "not answered". */
export type ResponseMatrix = readonly (readonly (number | null)[])[];

function completeRows(rows: ResponseMatrix): number[][] {
  return rows.filter((row) =>
    row.every((v) => v !== null && Number.isFinite(v)),
  ) as number[][];
}

/**
 * Cronbach's alpha from a covariance matrix: k/(k−1) · (1 − Σσᵢ² / Σσᵢⱼ).
 * @example alphaFromCovariance([[1, 0.5], [0.5, 1]]) // ≈ 0.667
 */
export function alphaFromCovariance(
  cov: readonly (readonly number[])[],
): number | null {
  const k = cov.length;
  const total = cov.flat().reduce((s, v) => s + v, 0);
  if (k < 2 || !(total > 0)) return null;
  const itemVariance = cov.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  return (k / (k - 1)) * (1 - itemVariance / total);
}

/** Loadings of one common factor by iterated principal-axis factoring of a covariance matrix. */
export function oneFactorLoadings(
  cov: readonly (readonly number[])[],
  iterations = 500,
): number[] {
  const s = new Matrix(cov.map((row) => [...row]));
  const variances = s.diag();
  const inverse = pseudoInverse(s);
  // Start from squared multiple correlations (in covariance units): σᵢ² − 1 / (S⁻¹)ᵢᵢ.
  let communality = variances.map((v, i) =>
    clamp(v - 1 / inverse.get(i, i), 0, v),
  );
  let loadings: number[] = [];
  for (let step = 0; step < iterations; step++) {
    const reduced = s.clone();
    communality.forEach((h, i) => reduced.set(i, i, h));
    loadings = firstComponent(reduced);
    const next = loadings.map((l, i) => clamp(l * l, 0, variances[i] ?? 0));
    const moved = Math.max(
      ...next.map((h, i) => Math.abs(h - (communality[i] ?? 0))),
    );
    communality = next;
    if (moved < 1e-10) break;
  }
  return loadings;
}

function firstComponent(m: Matrix): number[] {
  const eig = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const top = values.indexOf(Math.max(...values));
  const vector = eig.eigenvectorMatrix.getColumn(top);
  const scale = Math.sqrt(Math.max(values[top] ?? 0, 0));
  const sign = vector.reduce((s, v) => s + v, 0) < 0 ? -1 : 1;
  return vector.map((v) => sign * v * scale);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/**
 * McDonald's omega (total) of a one-factor model: (Σλ)² / ((Σλ)² + Σψ), ψᵢ = σᵢ² − λᵢ² (McDonald 1999).
 * @example omegaFromCovariance([[1, 0.5], [0.5, 1]]) // ≈ 0.667 (equal loadings: omega equals alpha)
 */
export function omegaFromCovariance(
  cov: readonly (readonly number[])[],
): number | null {
  if (cov.length < 2 || alphaFromCovariance(cov) === null) return null;
  const loadings = oneFactorLoadings(cov);
  const common = loadings.reduce((s, l) => s + l, 0) ** 2;
  const unique = cov.reduce(
    (s, row, i) => s + (row[i] ?? 0) - (loadings[i] ?? 0) ** 2,
    0,
  );
  return common + unique > 0 ? common / (common + unique) : null;
}

/**
 * Alpha and omega of an instrument from item responses (rows = responses, columns = items).
 * @example reliability([[3, 8, 7, 8], [6, 6, 7, 7], [9, 9, 10, 9]]) // rapport-alliance answers: { n: 3, items: 4, alpha, omega }
 */
export function reliability(rows: ResponseMatrix): Reliability {
  const complete = completeRows(rows);
  const items = rows[0]?.length ?? 0;
  if (complete.length < 2 || items < 2)
    return { n: complete.length, items, alpha: null, omega: null };
  const cov = covariance(complete).to2DArray();
  return {
    n: complete.length,
    items,
    alpha: alphaFromCovariance(cov),
    omega: omegaFromCovariance(cov),
  };
}
