import { fitLinearMixedModel } from "./fitLinearMixedModel.js";
import {
  DEFAULT_LMM_OPTIONS,
  type LmmGroup,
  type LmmMethod,
  type LmmOptions,
} from "./linearMixedModelTypes.js";

/** One client's outcome series: intake score (session 1) and later scores by session number (≥ 2). */
export interface ClientTrajectory {
  readonly intake: number;
  readonly scores: readonly {
    readonly session: number;
    readonly score: number;
  }[];
}

/**
 * Expected-trajectory model of clinical-facts 3.3 (after Finch, Lambert & Schaalje 2001):
 * y_it = γ00 + γ01·I + (γ10 + γ11·I)·ln t + u0 + u1·ln t + e, (u0, u1) ~ N(0, T), e ~ N(0, σ²).
 */
export interface TrajectoryModel {
  readonly instrumentId: string;
  readonly fixedEffects: {
    readonly intercept: number;
    readonly intake: number;
    readonly lnSession: number;
    readonly intakeByLnSession: number;
  };
  /** Covariance of (γ00, γ01, γ10, γ11) in that order. */
  readonly fixedEffectCovariance: readonly (readonly number[])[];
  readonly randomEffects: {
    readonly tau00: number;
    readonly tau01: number;
    readonly tau11: number;
  };
  readonly residualVariance: number;
  readonly method: LmmMethod;
  readonly nClients: number;
  readonly nObservations: number;
  /** Sessions used in the fit; predictions beyond maxSession use maxSession (design choice). */
  readonly minSession: number;
  readonly maxSession: number;
  readonly converged: boolean;
  /** Where the model came from, shown with every band, e.g. "reference model, not fitted to your clinic". */
  readonly source: string;
}

/** The fixed-effect row (1, I, ln t, I·ln t) of the model for intake I at session t. */
export function trajectoryDesignRow(intake: number, session: number): number[] {
  const lt = Math.log(session);
  return [1, intake, lt, intake * lt];
}

function toGroup(client: ClientTrajectory): LmmGroup {
  return {
    y: client.scores.map((s) => s.score),
    X: client.scores.map((s) => trajectoryDesignRow(client.intake, s.session)),
    Z: client.scores.map((s) => [1, Math.log(s.session)]),
  };
}

/**
 * Fits the expected-trajectory mixed model to clients' post-intake scores (sessions ≥ 2; the intake
 * enters as covariate, so it is not also an outcome). Source: clinical-facts 3.3, steps 1–2.
 * @example
 * fitTrajectoryModel("phq-9", [{ intake: 18, scores: [{ session: 2, score: 16 }, { session: 3, score: 13 }] }, ...], "clinic data");
 */
export function fitTrajectoryModel(
  instrumentId: string,
  clients: readonly ClientTrajectory[],
  source: string,
  options: LmmOptions = DEFAULT_LMM_OPTIONS,
): TrajectoryModel {
  const usable = clients
    .map((c) => ({
      intake: c.intake,
      scores: c.scores.filter((s) => s.session >= 2),
    }))
    .filter((c) => c.scores.length > 0);
  const fit = fitLinearMixedModel(usable.map(toGroup), options);
  const sessions = usable.flatMap((c) => c.scores.map((s) => s.session));
  const [g00, g01, g10, g11] = fit.beta;
  return {
    instrumentId,
    fixedEffects: {
      intercept: g00!,
      intake: g01!,
      lnSession: g10!,
      intakeByLnSession: g11!,
    },
    fixedEffectCovariance: fit.betaCovariance,
    randomEffects: {
      tau00: fit.G[0]![0]!,
      tau01: fit.G[0]![1]!,
      tau11: fit.G[1]![1]!,
    },
    residualVariance: fit.sigma2,
    method: fit.method,
    nClients: usable.length,
    nObservations: fit.nObservations,
    minSession: Math.min(...sessions),
    maxSession: Math.max(...sessions),
    converged: fit.converged,
    source,
  };
}
