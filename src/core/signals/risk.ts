import type {
  InstrumentSignalParams,
  ScoredCheckIn,
  Signal,
  SignalParams,
} from "./types.js";

function riskSignalsFor(
  checkIn: ScoredCheckIn,
  params: InstrumentSignalParams | undefined,
): Signal[] {
  const label = params?.label ?? checkIn.instrumentId;
  return checkIn.riskItems.map((item) => ({
    kind: "risk",
    severity: "critical",
    causeKey: `risk:${checkIn.instrumentId}:${item.linkId}:s${checkIn.sessionIndex}`,
    instrumentId: checkIn.instrumentId,
    sessionIndex: checkIn.sessionIndex,
    at: checkIn.at,
    rule: "risk.item-answer",
    explanation:
      `${label} risk item ${item.linkId} was answered ${item.answer} on ${checkIn.at.slice(0, 10)} (session ${checkIn.sessionIndex})` +
      `${checkIn.total === null ? "" : `, total ${checkIn.total}`}; rule: a triggering answer on a ` +
      "declared risk item raises a risk alert whatever the total and the response's date.",
    evidence: {
      linkId: item.linkId,
      answer: item.answer,
      total: checkIn.total,
    },
  }));
}

/**
 * Risk: every check-in's triggering answers on declared risk items (e.g. PHQ-9 item 9), latest or
 * not, are critical signals on the timeline, whatever the total (clinical-facts, Rapport's
 * decisions). The check-in carries only the answers the one rule (riskAlerts.ts) found triggering;
 * alerts for them are raised by planRiskAlerts, once per answer, not from these signals.
 * @example
 * riskSignals([{ ...phq9, sessionIndex: 3, riskItems: [{ linkId: "phq9-9", answer: 1 }] }], params);
 * // [{ kind: "risk", severity: "critical", causeKey: "risk:phq-9:phq9-9:s3", ... }]
 */
export function riskSignals(
  checkIns: readonly ScoredCheckIn[],
  params: SignalParams,
): Signal[] {
  return checkIns.flatMap((c) =>
    riskSignalsFor(c, params.instruments[c.instrumentId]),
  );
}
