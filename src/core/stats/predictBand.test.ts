import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { predictBand } from "./predictBand.js";
import type { TrajectoryModel } from "./trajectoryModel.js";

const MODEL: TrajectoryModel = {
  instrumentId: "phq-9",
  fixedEffects: {
    intercept: 1,
    intake: 0.9,
    lnSession: -2,
    intakeByLnSession: -0.1,
  },
  fixedEffectCovariance: [
    [0.04, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0.01, 0],
    [0, 0, 0, 0],
  ],
  randomEffects: { tau00: 4, tau01: -0.5, tau11: 1.5 },
  residualVariance: 4,
  method: "REML",
  nClients: 100,
  nObservations: 800,
  minSession: 2,
  maxSession: 12,
  converged: true,
  source: "reference model, not fitted to your clinic",
};

describe("predictBand", () => {
  it("matches a hand computation at intake 18, session 4, one-sided 95%", () => {
    // ln 4 = 1.386294; expected = 1 + 16.2 + (−2 − 1.8)·1.386294 = 11.932083
    // var = 0.04 + 0.01·1.921812 + 4 + 2·1.386294·(−0.5) + 1.921812·1.5 + 4
    //     = 0.04 + 0.019218 + 4 − 1.386294 + 2.882718 + 4 = 9.555642
    const band = predictBand(MODEL, 18, 4, 0.95);
    expect(band.expected).toBeCloseTo(11.932083, 5);
    expect(band.sd).toBeCloseTo(Math.sqrt(9.555642), 4);
    expect(band.upper).toBeCloseTo(
      11.932083 + 1.644854 * Math.sqrt(9.555642),
      3,
    );
    expect(band.source).toBe("reference model, not fitted to your clinic");
  });

  it("holds sessions past the fitted range at the last fitted session", () => {
    expect(predictBand(MODEL, 18, 30, 0.9).expected).toBe(
      predictBand(MODEL, 18, 12, 0.9).expected,
    );
  });

  it("widens with the level and always contains the expected score", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 1, max: 20 }),
        (intake, session) => {
          const yellow = predictBand(MODEL, intake, session, 0.9);
          const red = predictBand(MODEL, intake, session, 0.95);
          expect(red.upper).toBeGreaterThan(yellow.upper);
          expect(yellow.lower).toBeLessThan(yellow.expected);
        },
      ),
    );
  });

  it("throws on a session below 1 or a level outside (0.5, 1)", () => {
    expect(() => predictBand(MODEL, 18, 0, 0.9)).toThrow(RangeError);
    expect(() => predictBand(MODEL, 18, 3, 0.4)).toThrow(RangeError);
  });
});
