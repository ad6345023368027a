import { predictBand, type PredictionBand } from "../stats/predictBand.js";
import {
  firstAndLast,
  formatScore,
  scoredSeries,
  sessionsFromIntake,
} from "./series.js";
import type {
  ClientSignalInput,
  Direction,
  InstrumentSignalParams,
  SignalOptions,
  Signal,
} from "./types.js";

function isWorseThanBand(
  direction: Direction,
  band: PredictionBand,
  score: number,
): boolean {
  return direction === "higherIsWorse"
    ? score > band.upper
    : score < band.lower;
}

function bandEdge(direction: Direction, band: PredictionBand): number {
  return direction === "higherIsWorse" ? band.upper : band.lower;
}

/**
 * Not on track: the latest score lies outside the expected-trajectory prediction band on the worse
 * side (clinical-facts 3.3): beyond the red level (one-sided 95%) is high, beyond yellow (90%) medium.
 * Session t counts from the intake (the first score of the version group) as session 1.
 * @example
 * notOnTrackSignals(input, { ...phq9Params, trajectoryModel }, DEFAULT_SIGNAL_OPTIONS.notOnTrack);
 * // PHQ-9 intake 18, 19 at session 6: [{ kind: "not-on-track", severity: "high", ... }]
 */
export function notOnTrackSignals(
  input: ClientSignalInput,
  params: InstrumentSignalParams,
  levels: SignalOptions["notOnTrack"],
): Signal[] {
  const model = params.trajectoryModel;
  if (params.role !== "outcome" || model === undefined) return [];
  const pair = firstAndLast(
    scoredSeries(input.checkIns, params.instrumentId),
    params,
  );
  if (pair === null) return [];
  const session = sessionsFromIntake(pair.first, pair.last);
  if (session < 2) return [];
  const red = predictBand(model, pair.first.total, session, levels.redLevel);
  const yellow = predictBand(
    model,
    pair.first.total,
    session,
    levels.yellowLevel,
  );
  const score = pair.last.total;
  const band = isWorseThanBand(params.direction, red, score)
    ? red
    : isWorseThanBand(params.direction, yellow, score)
      ? yellow
      : null;
  if (band === null) return [];
  return [
    {
      kind: "not-on-track",
      severity: band === red ? "high" : "medium",
      causeKey: `not-on-track:${params.instrumentId}`,
      instrumentId: params.instrumentId,
      sessionIndex: pair.last.sessionIndex,
      at: pair.last.at,
      rule: band === red ? "not-on-track.red" : "not-on-track.yellow",
      explanation: `${params.label} was ${formatScore(score)} at session ${session} of care; expected ${band.expected.toFixed(1)} for an intake of ${formatScore(pair.first.total)}, with ${Math.round(band.level * 100)}% of clients expected on the better side of ${bandEdge(params.direction, band).toFixed(1)}; rule: outside the one-sided ${Math.round(band.level * 100)}% prediction band (${model.source}).`,
      evidence: {
        score,
        intake: pair.first.total,
        session,
        expected: band.expected,
        bandEdge: bandEdge(params.direction, band),
        level: band.level,
        modelSource: model.source,
      },
    },
  ];
}
