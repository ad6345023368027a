import { describe, expect, it } from "vitest";
import { fitLinearMixedModel } from "./fitLinearMixedModel.js";
import type { LmmGroup } from "./linearMixedModelTypes.js";

/** Balanced one-way random-intercept data: REML equals the ANOVA estimator when that is positive. */
const GROUPS: number[][] = [
  [10, 12, 11, 13],
  [15, 14, 16, 17],
  [9, 8, 10, 9],
  [12, 13, 15, 12],
  [18, 16, 17, 19],
];

function oneWay(rows: number[][]): LmmGroup[] {
  return rows.map((y) => ({ y, X: y.map(() => [1]), Z: y.map(() => [1]) }));
}

describe("fitLinearMixedModel", () => {
  it("reproduces the hand-computed ANOVA (REML) estimates for a balanced random-intercept design", () => {
    // group means 11.5, 15.5, 9, 13, 17.5; grand mean 13.3
    // SSW = 5 + 5 + 2 + 6 + 5 = 23, MSW = 23 / 15 = 1.5333
    // SSB = 4·Σ(mean − 13.3)² = 4·44.3 = 177.2, MSB = 177.2 / 4 = 44.3; τ = (44.3 − 1.5333) / 4 = 10.6917
    const fit = fitLinearMixedModel(oneWay(GROUPS), {
      method: "REML",
      tolerance: 1e-10,
      maxIterations: 50_000,
    });
    expect(fit.converged).toBe(true);
    expect(fit.beta[0]).toBeCloseTo(13.3, 6);
    expect(fit.sigma2).toBeCloseTo(23 / 15, 5);
    expect(fit.G[0]![0]).toBeCloseTo(10.691667, 4);
    // Var(β̂) = MSB / (groups · n) = 44.3 / 20
    expect(fit.betaCovariance[0]![0]).toBeCloseTo(44.3 / 20, 4);
  });

  it("gives the ML between-group variance ((SSB/m) − MSW)/n, smaller than REML", () => {
    const fit = fitLinearMixedModel(oneWay(GROUPS), {
      method: "ML",
      tolerance: 1e-10,
      maxIterations: 50_000,
    });
    expect(fit.sigma2).toBeCloseTo(23 / 15, 5);
    expect(fit.G[0]![0]).toBeCloseTo((177.2 / 5 - 23 / 15) / 4, 4);
  });

  it("throws on malformed groups", () => {
    expect(() => fitLinearMixedModel([])).toThrow(RangeError);
    expect(() =>
      fitLinearMixedModel([{ y: [1, 2], X: [[1]], Z: [[1], [1]] }]),
    ).toThrow(RangeError);
  });
});
