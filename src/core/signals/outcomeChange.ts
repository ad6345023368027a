import {
  isReliableChangeSignals,
  minimumReliableChange,
} from "../stats/reliableChange.js";
import {
  firstAndLast,
  formatScore,
  improvement,
  isOnClinicalSide,
  scoredSeries,
  type Scored,
} from "./series.js";
import type {
  ClientSignalInput,
  InstrumentSignalParams,
  Signal,
} from "./types.js";

/** First-versus-last change of one outcome instrument, classified (clinical-facts 3.1 and 3.2). */
export interface OutcomeChange {
  readonly first: Scored;
  readonly last: Scored;
  /** Positive = better for the client, whatever the instrument's direction. */
  readonly improvement: number;
  readonly reliablyImproved: boolean;
  readonly reliablyDeteriorated: boolean;
  readonly minReliableChange: number;
}

/**
 * Classifies the change from the first to the latest score of the same version group.
 * Source: Jacobson & Truax 1991 (3.1); NHS Talking Therapies first and last scores (3.2, thresholds ⚠).
 * @example
 * outcomeChange(input, phq9Params); // PHQ-9 18 → 11: { improvement: 7, reliablyImproved: true, ... }
 */
export function outcomeChange(
  input: ClientSignalInput,
  params: InstrumentSignalParams,
): OutcomeChange | null {
  if (params.role !== "outcome" || params.reliableChange === undefined)
    return null;
  const pair = firstAndLast(
    scoredSeries(input.checkIns, params.instrumentId),
    params,
  );
  if (pair === null) return null;
  const change = improvement(
    params.direction,
    pair.first.total,
    pair.last.total,
  );
  const reliable = isReliableChangeSignals(change, params.reliableChange);
  return {
    ...pair,
    improvement: change,
    reliablyImproved: reliable && change > 0,
    reliablyDeteriorated: reliable && change < 0,
    minReliableChange: minimumReliableChange(params.reliableChange),
  };
}

function base(change: OutcomeChange, params: InstrumentSignalParams) {
  const { first, last } = change;
  return {
    instrumentId: params.instrumentId,
    sessionIndex: last.sessionIndex,
    at: last.at,
    scores: `${params.label} went from ${formatScore(first.total)} (session ${first.sessionIndex}) to ${formatScore(last.total)} (session ${last.sessionIndex})`,
    evidence: {
      first: first.total,
      last: last.total,
      improvement: change.improvement,
      minReliableChange: change.minReliableChange,
    },
  };
}

/**
 * Reliable improvement and reliable deterioration between first and latest scores (3.1, 3.2).
 * @example
 * reliableChangeSignals(input, phq9Params); // PHQ-9 12 → 19: [{ kind: "reliable-deterioration", severity: "high" }]
 */
export function reliableChangeSignals(
  input: ClientSignalInput,
  params: InstrumentSignalParams,
): Signal[] {
  const change = outcomeChange(input, params);
  if (
    change === null ||
    !(change.reliablyImproved || change.reliablyDeteriorated)
  )
    return [];
  const b = base(change, params);
  const worse = change.reliablyDeteriorated;
  const kind = worse ? "reliable-deterioration" : "reliable-improvement";
  return [
    {
      kind,
      severity: worse ? "high" : "low",
      causeKey: `${kind}:${params.instrumentId}`,
      instrumentId: b.instrumentId,
      sessionIndex: b.sessionIndex,
      at: b.at,
      rule: `${kind}.first-vs-last`,
      explanation: `${b.scores}: ${formatScore(Math.abs(change.improvement))} points ${worse ? "worse" : "better"}; rule: a change of at least ${formatScore(change.minReliableChange)} points is reliable.`,
      evidence: b.evidence,
    },
  ];
}

/**
 * Recovery (NHS Talking Therapies, clinical-facts 3.2): at caseness at the first score and not at the
 * latest; "reliable recovery" when also reliably improved. Per instrument (the measure pair is not combined).
 * @example
 * recoverySignals(input, phq9Params); // PHQ-9 15 → 7 with caseness 10: [{ kind: "recovery", evidence: { reliable: true } }]
 */
export function recoverySignals(
  input: ClientSignalInput,
  params: InstrumentSignalParams,
): Signal[] {
  const change = outcomeChange(input, params);
  const cut = params.caseness;
  if (change === null || cut === undefined) return [];
  const wasCase = isOnClinicalSide(params.direction, cut, change.first.total);
  if (!wasCase || isOnClinicalSide(params.direction, cut, change.last.total))
    return [];
  const b = base(change, params);
  const side = params.direction === "higherIsWorse" ? `≥ ${cut}` : `< ${cut}`;
  return [
    {
      kind: "recovery",
      severity: "low",
      causeKey: `recovery:${params.instrumentId}`,
      instrumentId: b.instrumentId,
      sessionIndex: b.sessionIndex,
      at: b.at,
      rule: change.reliablyImproved ? "recovery.reliable" : "recovery.caseness",
      explanation: `${b.scores}: from caseness (${side}) to below it${change.reliablyImproved ? ", with reliable improvement (reliable recovery)" : ", without reliable improvement"}; rule: recovery is caseness at the first score and not at the last.`,
      evidence: {
        ...b.evidence,
        caseness: cut,
        reliable: change.reliablyImproved,
      },
    },
  ];
}
