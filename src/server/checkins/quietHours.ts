// Whether an instant falls in the organisation's quiet hours, in its own time zone.

/** Minutes since local midnight of the instant in the IANA time zone. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const value = (type: string) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * True inside [start, end) local time; a window that crosses midnight (21:00–08:00) wraps.
 * @example inQuietHours(new Date("2026-01-10T22:30:00Z"), "Europe/London", { start: "21:00", end: "08:00" }) // true
 */
export function inQuietHours(
  at: Date,
  timeZone: string,
  quiet: { start: string; end: string } | null,
): boolean {
  if (!quiet) return false;
  const now = localMinutes(at, timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}
