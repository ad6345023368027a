// Turns stored records (responses and appointments) into the time-ordered input the signal rules
// read. Session numbers count the client's past, non-cancelled appointments in the episode.
import type { Appointment, ClientSignalInput, ScoredCheckIn } from "./types.js";

export interface StoredResponse {
  instrumentId: string;
  instrumentVersion: string;
  total: number | null;
  subscales: Record<string, number | null>;
  riskItems: { linkId: string; value: number }[];
  submittedAt: string;
  sessionId: string | null;
}

export interface StoredAppointment {
  id: string;
  startsAt: string;
  status: "scheduled" | "attended" | "cancelled" | "no-show";
  /**
   * Whether a check-in was due at this session: one was asked for it (by the organisation's
   * schedule or by hand) and its link has closed, answered or expired. A link still open is not
   * yet a missed check-in.
   */
  checkInDue: boolean;
}

/**
 * @example
 * buildSignalInput([phq9At("2026-01-05")], [{ id: "s1", startsAt: "2026-01-05T10:00:00Z", status: "attended", checkInDue: true }], "2026-02-01T00:00:00Z")
 * // { checkIns: [{ sessionIndex: 1, ... }], appointments: [{ sessionIndex: 1, attended: true, ... }] }
 */
export function buildSignalInput(
  responses: readonly StoredResponse[],
  appointments: readonly StoredAppointment[],
  now: string,
): ClientSignalInput {
  const past = appointments
    .filter(
      (a) =>
        a.status !== "cancelled" &&
        a.status !== "scheduled" &&
        a.startsAt <= now,
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const indexOf = new Map(past.map((a, i) => [a.id, i + 1]));
  const indexAt = (at: string): number =>
    Math.max(
      1,
      past.filter((a) => a.startsAt.slice(0, 10) <= at.slice(0, 10)).length,
    );
  const checkIns: ScoredCheckIn[] = responses.map((r) => ({
    sessionIndex:
      (r.sessionId ? indexOf.get(r.sessionId) : undefined) ??
      indexAt(r.submittedAt),
    at: r.submittedAt,
    instrumentId: r.instrumentId,
    instrumentVersion: r.instrumentVersion,
    total: r.total,
    subscales: Object.fromEntries(
      Object.entries(r.subscales).filter(
        (e): e is [string, number] => e[1] !== null,
      ),
    ),
    riskItems: r.riskItems.map((h) => ({ linkId: h.linkId, answer: h.value })),
  }));
  const result: Appointment[] = past.map((a, i) => ({
    sessionIndex: i + 1,
    at: a.startsAt,
    attended: a.status === "attended",
    // Only where a check-in was asked for: a clinic measuring every second session (its schedule
    // asks at every second attended session) must not see the others as missed check-ins.
    checkInExpected: a.checkInDue,
  }));
  return { checkIns, appointments: result };
}
