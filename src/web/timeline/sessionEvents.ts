// The timeline's sessions and check-ins in one list, newest first: each session with its status
// and the check-ins made for it; check-ins for no particular session stand on their own.
import type { Checkin } from "../api/checkins";
import type { TherapySession } from "../api/types";

export interface SessionEvent {
  at: string;
  session: TherapySession | null;
  checkins: Checkin[];
}

const checkinTime = (c: Checkin) => c.completedAt ?? c.createdAt;

export function sessionEvents(
  sessions: readonly TherapySession[],
  checkins: readonly Checkin[],
): SessionEvent[] {
  const bySession = new Map<string, Checkin[]>();
  const loose: SessionEvent[] = [];
  for (const c of checkins) {
    const known = c.sessionId && sessions.some((s) => s.id === c.sessionId);
    if (c.sessionId && known)
      bySession.set(c.sessionId, [...(bySession.get(c.sessionId) ?? []), c]);
    else loose.push({ at: checkinTime(c), session: null, checkins: [c] });
  }
  const events = [
    ...sessions.map((s) => ({
      at: s.startsAt,
      session: s,
      checkins: bySession.get(s.id) ?? [],
    })),
    ...loose,
  ];
  return events.sort((a, b) => b.at.localeCompare(a.at));
}
