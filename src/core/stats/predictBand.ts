import { normalQuantile } from "./normalQuantile.js";
import {
  trajectoryDesignRow,
  type TrajectoryModel,
} from "./trajectoryModel.js";

export interface PredictionBand {
  readonly session: number;
  readonly expected: number;
  /** √(x'Cx + τ00 + 2·ln t·τ01 + ln²t·τ11 + σ²): fixed-effect, random-effect and residual variance. */
  readonly sd: number;
  readonly z: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly source: string;
}

function quadraticForm(
  matrix: readonly (readonly number[])[],
  x: readonly number[],
): number {
  return matrix.reduce(
    (sum, row, i) => sum + x[i]! * row.reduce((s, v, j) => s + v * x[j]!, 0),
    0,
  );
}

/**
 * Expected score and prediction band at a session for a client with the given intake score.
 * `level` is one-sided: 0.90 gives z = 1.28 ("Yellow"), 0.95 gives z = 1.645 ("Red").
 * Source: clinical-facts 3.3 steps 2–3 (z thresholds ⚠ a design choice there); sessions past the
 * fitted range use the last fitted session (design choice: no extrapolation of ln t).
 * @example
 * predictBand(referenceModels["phq-9"], 18, 6, 0.95); // { expected ≈ 10.5, upper ≈ 17, ... } for PHQ-9
 */
export function predictBand(
  model: TrajectoryModel,
  intake: number,
  session: number,
  level: number,
): PredictionBand {
  if (!(session >= 1))
    throw new RangeError(`session must be ≥ 1, got ${session}`);
  if (!(level > 0.5 && level < 1))
    throw new RangeError(`level must be in (0.5, 1), got ${level}`);
  const t = Math.min(session, model.maxSession);
  const x = trajectoryDesignRow(intake, t);
  const f = model.fixedEffects;
  const expected =
    f.intercept * x[0]! +
    f.intake * x[1]! +
    f.lnSession * x[2]! +
    f.intakeByLnSession * x[3]!;
  const lt = Math.log(t);
  const { tau00, tau01, tau11 } = model.randomEffects;
  const variance =
    quadraticForm(model.fixedEffectCovariance, x) +
    tau00 +
    2 * lt * tau01 +
    lt * lt * tau11 +
    model.residualVariance;
  const sd = Math.sqrt(variance);
  const z = normalQuantile(level);
  return {
    session,
    expected,
    sd,
    z,
    lower: expected - z * sd,
    upper: expected + z * sd,
    level,
    source: model.source,
  };
}
