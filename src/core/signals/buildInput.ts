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
}

/**
 * @example
 * buildSignalInput([phq9At("2026-01-05")], [{ id: "s1", startsAt: "2026-01-05T10:00:00Z", status: "attended" }], "2026-02-01T00:00:00Z")
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
  const respondedAt = new Set(checkIns.map((c) => c.sessionIndex));
  const result: Appointment[] = past.map((a, i) => ({
    sessionIndex: i + 1,
    at: a.startsAt,
    attended: a.status === "attended",
    // Routine measurement asks for a check-in at every attended session (organisation schedule).
    checkInExpected: a.status === "attended" || respondedAt.has(i + 1),
  }));
  return { checkIns, appointments: result };
}
