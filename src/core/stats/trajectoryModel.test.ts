import { describe, expect, it } from "vitest";
import {
  simulateTrajectories,
  type TrajectoryGeneratingParameters,
} from "./simulateTrajectories.js";
import { fitTrajectoryModel } from "./trajectoryModel.js";

const TRUTH: TrajectoryGeneratingParameters = {
  intakeMean: 16,
  intakeSd: 5,
  gamma00: 1,
  gamma01: 0.9,
  gamma10: -2,
  gamma11: -0.1,
  tau00: 4,
  tau01: -0.6,
  tau11: 1.5,
  sigma2: 4,
  subgroups: [],
  minSessions: 6,
  maxSessions: 14,
};

/*
 * Tolerances come from 20 replicate fits of 400 clients (empirical SDs: τ00 0.76, τ01 0.33,
 * τ11 0.26, σ² 0.13); with 1,000 clients the SDs shrink by √2.5, so the bounds below sit at about
 * 3 SD. Fixed effects must fall within 3.5 model-based standard errors.
 */
describe("fitTrajectoryModel parameter recovery (1,000 simulated clients, seed 2024)", () => {
  const model = fitTrajectoryModel(
    "sim",
    simulateTrajectories(TRUTH, 1000, 2024),
    "simulated",
  );

  it("converges", () => {
    expect(model.converged).toBe(true);
    expect(model.nClients).toBe(1000);
    expect(model.minSession).toBe(2);
    expect(model.maxSession).toBe(14);
  });

  it("recovers the fixed effects within 3.5 standard errors", () => {
    const estimates = [
      model.fixedEffects.intercept,
      model.fixedEffects.intake,
      model.fixedEffects.lnSession,
      model.fixedEffects.intakeByLnSession,
    ];
    const truth = [TRUTH.gamma00, TRUTH.gamma01, TRUTH.gamma10, TRUTH.gamma11];
    estimates.forEach((estimate, i) => {
      const se = Math.sqrt(model.fixedEffectCovariance[i]![i]!);
      expect(Math.abs(estimate - truth[i]!)).toBeLessThan(3.5 * se);
    });
  });

  it("recovers the variance components (τ00 ±1.5, τ01 ±0.65, τ11 ±0.5, σ² ±0.25)", () => {
    expect(Math.abs(model.randomEffects.tau00 - TRUTH.tau00)).toBeLessThan(1.5);
    expect(Math.abs(model.randomEffects.tau01 - TRUTH.tau01)).toBeLessThan(
      0.65,
    );
    expect(Math.abs(model.randomEffects.tau11 - TRUTH.tau11)).toBeLessThan(0.5);
    expect(Math.abs(model.residualVariance - TRUTH.sigma2)).toBeLessThan(0.25);
  });
});
