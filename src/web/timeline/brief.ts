// "Since last session": what changed after the client's last attended session.
import type { Alert } from "../api/alerts";
import type { ScoredResponse } from "../api/responses";
import type { Goal, TherapySession } from "../api/types";

export interface Brief {
  /** The last attended session; null before the first. */
  lastSession: TherapySession | null;
  nextSession: TherapySession | null;
  newScores: ScoredResponse[];
  newAlerts: Alert[];
  missedSessions: TherapySession[];
  changedGoals: Goal[];
}

export function sinceLastSession(
  input: {
    sessions: readonly TherapySession[];
    responses: readonly ScoredResponse[];
    alerts: readonly Alert[];
    goals: readonly Goal[];
  },
  now: string,
): Brief {
  const byStart = [...input.sessions].sort((a, b) =>
    a.startsAt.localeCompare(b.startsAt),
  );
  const lastSession =
    byStart
      .filter((s) => s.status === "attended" && s.startsAt <= now)
      .at(-1) ?? null;
  const since = lastSession?.startsAt ?? "";
  return {
    lastSession,
    nextSession:
      byStart.find((s) => s.status === "scheduled" && s.startsAt > now) ?? null,
    newScores: input.responses.filter((r) => r.at > since),
    newAlerts: input.alerts.filter((a) => a.createdAt > since),
    missedSessions: byStart.filter(
      (s) => s.status === "no-show" && s.startsAt > since && s.startsAt <= now,
    ),
    changedGoals: input.goals.filter((g) => g.updatedAt > since),
  };
}
