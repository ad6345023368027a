import type { Appointment, ClientSignalInput, Signal } from "./types.js";

type Miss = { appointment: Appointment; reason: "no-show" | "missed check-in" };

function missOf(
  appointment: Appointment,
  checkedInSessions: ReadonlySet<number>,
): Miss | null {
  if (!appointment.attended) return { appointment, reason: "no-show" };
  if (
    appointment.checkInExpected &&
    !checkedInSessions.has(appointment.sessionIndex)
  )
    return { appointment, reason: "missed check-in" };
  return null;
}

/** The run of misses at the end of the appointment list (most recent last). */
function trailingMisses(input: ClientSignalInput): Miss[] {
  const checkedIn = new Set(input.checkIns.map((c) => c.sessionIndex));
  const ordered = [...input.appointments].sort(
    (a, b) => a.sessionIndex - b.sessionIndex || a.at.localeCompare(b.at),
  );
  const run: Miss[] = [];
  for (let i = ordered.length - 1; i >= 0; i--) {
    const miss = missOf(ordered[i]!, checkedIn);
    if (miss === null) break;
    run.unshift(miss);
  }
  return run;
}

/**
 * Disengagement: the latest n appointments were all no-shows or attended without the due check-in
 * (n is a design choice, default 2; the facts give no number).
 * @example
 * disengagementSignals({ checkIns: [], appointments: [noShow(5), noShow(6)] }, 2);
 * // [{ kind: "disengagement", severity: "medium", causeKey: "disengagement:s5" }]
 */
export function disengagementSignals(
  input: ClientSignalInput,
  missedInARow: number,
): Signal[] {
  const run = trailingMisses(input);
  if (run.length < missedInARow || run.length === 0) return [];
  const first = run[0]!.appointment;
  const last = run.at(-1)!.appointment;
  const noShows = run.filter((m) => m.reason === "no-show").length;
  return [
    {
      kind: "disengagement",
      severity: "medium",
      causeKey: `disengagement:s${first.sessionIndex}`,
      instrumentId: null,
      sessionIndex: last.sessionIndex,
      at: last.at,
      rule: "disengagement.misses-in-a-row",
      explanation: `The last ${run.length} sessions (${first.sessionIndex}–${last.sessionIndex}) were missed: ${noShows} no-show(s) and ${run.length - noShows} missed check-in(s); rule: ${missedInARow} or more in a row.`,
      evidence: {
        inARow: run.length,
        noShows,
        missedCheckIns: run.length - noShows,
        missedInARow,
      },
    },
  ];
}
