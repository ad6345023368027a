import type {
  InstrumentSignalParams,
  ScoredCheckIn,
  Signal,
  SignalParams,
} from "./types.js";

function latestPerInstrument(
  checkIns: readonly ScoredCheckIn[],
): ScoredCheckIn[] {
  const latest = new Map<string, ScoredCheckIn>();
  for (const c of checkIns) {
    const seen = latest.get(c.instrumentId);
    if (
      seen === undefined ||
      c.sessionIndex > seen.sessionIndex ||
      (c.sessionIndex === seen.sessionIndex && c.at > seen.at)
    ) {
      latest.set(c.instrumentId, c);
    }
  }
  return [...latest.values()];
}

function riskSignalsFor(
  checkIn: ScoredCheckIn,
  params: InstrumentSignalParams | undefined,
): Signal[] {
  const minAnswer = params?.riskMinAnswer ?? 1;
  const label = params?.label ?? checkIn.instrumentId;
  return checkIn.riskItems
    .filter((item) => item.answer >= minAnswer)
    .map((item) => ({
      kind: "risk",
      severity: "critical",
      causeKey: `risk:${checkIn.instrumentId}:${item.linkId}:s${checkIn.sessionIndex}`,
      instrumentId: checkIn.instrumentId,
      sessionIndex: checkIn.sessionIndex,
      at: checkIn.at,
      rule: "risk.item-answer",
      explanation:
        `${label} risk item ${item.linkId} was answered ${item.answer} at session ${checkIn.sessionIndex}` +
        `${checkIn.total === null ? "" : ` (total ${checkIn.total})`}; rule: any answer ≥ ${minAnswer} on a ` +
        "declared risk item raises a risk alert whatever the total.",
      evidence: {
        linkId: item.linkId,
        answer: item.answer,
        minAnswer,
        total: checkIn.total,
      },
    }));
}

/**
 * Risk: a non-zero answer on a declared risk item (e.g. PHQ-9 item 9) of each instrument's latest
 * check-in raises a critical signal at once, whatever the total (clinical-facts, Rapport's decisions).
 * @example
 * riskSignals([{ ...phq9, sessionIndex: 3, riskItems: [{ linkId: "phq9-9", answer: 1 }] }], params);
 * // [{ kind: "risk", severity: "critical", causeKey: "risk:phq-9:phq9-9:s3", ... }]
 */
export function riskSignals(
  checkIns: readonly ScoredCheckIn[],
  params: SignalParams,
): Signal[] {
  return latestPerInstrument(checkIns).flatMap((c) =>
    riskSignalsFor(c, params.instruments[c.instrumentId]),
  );
}
