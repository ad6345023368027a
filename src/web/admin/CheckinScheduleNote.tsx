// The organisation's check-in schedule as set (PATCH /api/organisation settings.checkinSchedule),
// with the server's warning when no scheduled instrument asks a risk item (issue 14).
import type { Organisation } from "../api/types";

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
}

export function CheckinScheduleNote({
  organisation,
}: {
  organisation: Organisation;
}) {
  const schedule = organisation.settings.checkinSchedule ?? [];
  return (
    <section aria-labelledby="checkin-schedule">
      <h2 id="checkin-schedule">Check-in schedule</h2>
      {schedule.length === 0 ? (
        <p>No check-ins are scheduled; therapists send them by hand.</p>
      ) : (
        <ul>
          {schedule.map((s) => (
            <li key={s.instrumentId}>
              {s.instrumentId}:{" "}
              {s.everyNthSession === 1
                ? "every attended session"
                : `every ${ordinal(s.everyNthSession)} attended session`}
            </li>
          ))}
        </ul>
      )}
      {organisation.checkinScheduleWarning && (
        <p className="notice" role="alert">
          {organisation.checkinScheduleWarning}
        </p>
      )}
    </section>
  );
}
