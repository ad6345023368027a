import { outcomeChange } from "./outcomeChange.js";
import { formatScore, isOnClinicalSide, sessionsFromIntake } from "./series.js";
import type {
  ClientSignalInput,
  InstrumentSignalParams,
  Signal,
} from "./types.js";

/**
 * No improvement: no reliable improvement from the intake score by session k of care (clinical-facts
 * 3.3 step 4, "no reliable improvement by session k"; k is an organisation setting whose default is
 * a design choice). Catches the clients not-on-track misses: stable ones, who are not worse than the
 * band allows. Not raised for a reliable deterioration (its own signal), nor, where the pack declares
 * caseness, for a client below caseness at intake, who has little room to improve reliably (design
 * choice, docs/signals.md).
 * @example
 * noImprovementSignals(input, phq9Params, 6); // PHQ-9 16 → 14 at session 7: [{ kind: "no-improvement", severity: "medium" }]
 */
export function noImprovementSignals(
  input: ClientSignalInput,
  params: InstrumentSignalParams,
  bySession: number,
): Signal[] {
  const change = outcomeChange(input, params);
  if (change === null || change.reliablyImproved || change.reliablyDeteriorated)
    return [];
  const { first, last } = change;
  const session = sessionsFromIntake(first, last);
  if (session < bySession) return [];
  const cut = params.caseness;
  if (
    cut !== undefined &&
    !isOnClinicalSide(params.direction, cut, first.total)
  )
    return [];
  const casenessText =
    cut === undefined ? "" : `, starting at caseness (${formatScore(cut)})`;
  return [
    {
      kind: "no-improvement",
      severity: "medium",
      causeKey: `no-improvement:${params.instrumentId}`,
      instrumentId: params.instrumentId,
      sessionIndex: last.sessionIndex,
      at: last.at,
      rule: "no-improvement.by-session",
      explanation: `${params.label} went from ${formatScore(first.total)} to ${formatScore(last.total)} by session ${session} of care${casenessText}: a change of ${formatScore(change.improvement)} points, short of the ${formatScore(change.minReliableChange)} needed for reliable improvement; rule: no reliable improvement by session ${bySession} (the organisation's setting).`,
      evidence: {
        first: first.total,
        last: last.total,
        improvement: change.improvement,
        minReliableChange: change.minReliableChange,
        session,
        bySession,
        ...(cut === undefined ? {} : { caseness: cut }),
      },
    },
  ];
}
