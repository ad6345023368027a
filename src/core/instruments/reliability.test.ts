import { describe, expect, it } from "vitest";
import {
  alphaFromCovariance,
  oneFactorLoadings,
  omegaFromCovariance,
  reliability,
} from "./reliability.js";

describe("Cronbach's alpha", () => {
  // Items (1,2,3) and (2,3,5): var 1 and 7/3, cov 3/2; total var 1 + 7/3 + 3 = 19/3;
  // alpha = 2 · (1 − (10/3)/(19/3)) = 18/19.
  it("matches a hand computation", () => {
    const r = reliability([
      [1, 2],
      [2, 3],
      [3, 5],
    ]);
    expect(r).toMatchObject({ n: 3, items: 2 });
    expect(r.alpha).toBeCloseTo(18 / 19, 10);
  });

  it("drops incomplete rows and reports n", () => {
    const r = reliability([
      [1, 2],
      [2, null],
      [2, 3],
      [Number.NaN, 1],
      [3, 5],
    ]);
    expect(r.n).toBe(3);
    expect(r.alpha).toBeCloseTo(18 / 19, 10);
  });

  it("returns null rather than a number it cannot estimate", () => {
    expect(reliability([[1, 2]]).alpha).toBeNull();
    expect(reliability([])).toEqual({
      n: 0,
      items: 0,
      alpha: null,
      omega: null,
    });
    expect(
      alphaFromCovariance([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe("McDonald's omega (one factor)", () => {
  // Exact one-factor covariance: λ = (.8, .7, .6, .5), ψ = 1 − λ²; omega = 2.6² / (2.6² + 2.26) = 6.76 / 9.02.
  const loadings = [0.8, 0.7, 0.6, 0.5];
  const cov = loadings.map((a, i) =>
    loadings.map((b, j) => (i === j ? 1 : a * b)),
  );

  it("recovers the loadings of an exact one-factor covariance", () => {
    oneFactorLoadings(cov).forEach((l, i) =>
      expect(l).toBeCloseTo(loadings[i] ?? 0, 4),
    );
  });

  it("matches the hand-computed omega, which exceeds alpha for unequal loadings", () => {
    expect(omegaFromCovariance(cov)).toBeCloseTo(6.76 / 9.02, 4);
    // alpha = 4/3 · (1 − 4 / 9.02)
    expect(alphaFromCovariance(cov)).toBeCloseTo((4 / 3) * (1 - 4 / 9.02), 10);
  });

  it("equals alpha when the items are parallel", () => {
    const parallel = [
      [1, 0.5],
      [0.5, 1],
    ];
    expect(omegaFromCovariance(parallel)).toBeCloseTo(2 / 3, 6);
    expect(alphaFromCovariance(parallel)).toBeCloseTo(2 / 3, 10);
  });

  it("is computed from rapport-alliance style responses", () => {
    const r = reliability([
      [8, 7, 9, 8],
      [6, 6, 7, 6],
      [9, 9, 10, 9],
      [5, 6, 6, 5],
      [7, 8, 8, 7],
    ]);
    expect(r.n).toBe(5);
    expect(r.omega).toBeGreaterThan(0.8);
    expect(r.omega).toBeLessThanOrEqual(1);
  });
});
