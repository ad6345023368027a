import { predictBand } from "../stats/predictBand.js";
import type { TrajectoryModel } from "../stats/trajectoryModel.js";
import { scoredSeries, sessionsFromIntake } from "./series.js";
import type { ClientSignalInput, SignalOptions } from "./types.js";

export interface BandPoint {
  /** Session of care, the intake being session 1. */
  session: number;
  expected: number;
  yellow: { lower: number; upper: number };
  red: { lower: number; upper: number };
}

export interface TrajectoryBand {
  intake: number;
  scores: { session: number; total: number; at: string }[];
  points: BandPoint[];
}

/**
 * The expected trajectory and its yellow and red prediction bands for one client's outcome
 * series, from session 1 (the intake) to `ahead` sessions past the latest score. The intake is
 * the series' first score, as for the not-on-track rule (clinical-facts 3.3, docs/signals.md).
 * @example
 * trajectoryBand(input, "phq-9", referenceModels().get("phq-9")!, DEFAULT_SIGNAL_OPTIONS.notOnTrack, 2);
 * // PHQ-9 intake 18: { intake: 18, points: [{ session: 1, expected ≈ 18, ... }, …] }
 */
export function trajectoryBand(
  input: ClientSignalInput,
  instrumentId: string,
  model: TrajectoryModel,
  levels: SignalOptions["notOnTrack"],
  ahead: number,
): TrajectoryBand | null {
  const series = scoredSeries(input.checkIns, instrumentId);
  const intake = series[0];
  if (!intake) return null;
  const scores = series.map((c) => ({
    session: sessionsFromIntake(intake, c),
    total: c.total,
    at: c.at,
  }));
  const last = scores.at(-1)?.session ?? 1;
  const points = Array.from({ length: last + ahead }, (_, i) => {
    const red = predictBand(model, intake.total, i + 1, levels.redLevel);
    const yellow = predictBand(model, intake.total, i + 1, levels.yellowLevel);
    return {
      session: i + 1,
      expected: red.expected,
      yellow: { lower: yellow.lower, upper: yellow.upper },
      red: { lower: red.lower, upper: red.upper },
    };
  });
  return { intake: intake.total, scores, points };
}
