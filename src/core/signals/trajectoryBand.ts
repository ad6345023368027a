import type { ValueRange } from "../instruments/itemValues.js";
import { predictBand, type PredictionBand } from "../stats/predictBand.js";
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
  /** The instrument's total range, which every drawn value is kept within. */
  range: ValueRange;
  /** Whether any band edge (or expected value) fell outside the range and was clamped to it. */
  clamped: boolean;
}

const clamp = (value: number, range: ValueRange) =>
  Math.min(range.max, Math.max(range.min, value));

function edges(band: PredictionBand, range: ValueRange) {
  return { lower: clamp(band.lower, range), upper: clamp(band.upper, range) };
}

/**
 * The expected trajectory and its yellow and red prediction bands for one client's outcome
 * series, from session 1 (the intake) to `ahead` sessions past the latest score. The intake is
 * the series' first score, as for the not-on-track rule (clinical-facts 3.3, docs/signals.md).
 * The model is a normal one on the raw scale, which knows nothing of the instrument's bounds, so
 * every drawn value is clamped to the total's range (a PHQ-9 band never reads "-3.9 to 18.5");
 * `clamped` says when that happened, for the page to say so. The not-on-track rule is unaffected:
 * no score lies beyond the range.
 * @example
 * trajectoryBand(input, "phq-9", referenceModels().get("phq-9")!, DEFAULT_SIGNAL_OPTIONS.notOnTrack, 2, { min: 0, max: 27 });
 * // PHQ-9 intake 18: { intake: 18, points: [{ session: 1, expected ≈ 18, ... }, …], range: { min: 0, max: 27 }, clamped: … }
 */
export function trajectoryBand(
  input: ClientSignalInput,
  instrumentId: string,
  model: TrajectoryModel,
  levels: SignalOptions["notOnTrack"],
  ahead: number,
  range: ValueRange,
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
  let clamped = false;
  const points = Array.from({ length: last + ahead }, (_, i) => {
    const red = predictBand(model, intake.total, i + 1, levels.redLevel);
    const yellow = predictBand(model, intake.total, i + 1, levels.yellowLevel);
    // The red band holds the yellow one and the expected value.
    clamped ||= red.lower < range.min || red.upper > range.max;
    return {
      session: i + 1,
      expected: clamp(red.expected, range),
      yellow: edges(yellow, range),
      red: edges(red, range),
    };
  });
  return { intake: intake.total, scores, points, range, clamped };
}
