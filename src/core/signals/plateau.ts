import { outcomeChange } from "./outcomeChange.js";
import { formatScore, sessionsFromIntake } from "./series.js";
import type {
  ClientSignalInput,
  InstrumentSignalParams,
  Signal,
} from "./types.js";

/**
 * Plateau: no reliable improvement from the first score by session k (clinical-facts 3.3 step 4; k is a
 * design choice, default 6). Not raised when the change is a reliable deterioration (its own signal).
 * @example
 * plateauSignals(input, phq9Params, 6); // PHQ-9 16 → 14 at session 7: [{ kind: "plateau", severity: "medium" }]
 */
export function plateauSignals(
  input: ClientSignalInput,
  params: InstrumentSignalParams,
  bySession: number,
): Signal[] {
  const change = outcomeChange(input, params);
  if (change === null || change.reliablyImproved || change.reliablyDeteriorated)
    return [];
  const session = sessionsFromIntake(change.first, change.last);
  if (session < bySession) return [];
  return [
    {
      kind: "plateau",
      severity: "medium",
      causeKey: `plateau:${params.instrumentId}`,
      instrumentId: params.instrumentId,
      sessionIndex: change.last.sessionIndex,
      at: change.last.at,
      rule: "plateau.no-reliable-improvement",
      explanation: `${params.label} went from ${formatScore(change.first.total)} to ${formatScore(change.last.total)} by session ${session} of care: a change of ${formatScore(change.improvement)} points, short of the ${formatScore(change.minReliableChange)} needed for reliable improvement; rule: no reliable improvement by session ${bySession}.`,
      evidence: {
        first: change.first.total,
        last: change.last.total,
        improvement: change.improvement,
        session,
        bySession,
      },
    },
  ];
}
