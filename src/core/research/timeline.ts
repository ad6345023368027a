// Calendar dates become whole days since the episode started; sessions become their number in it.

const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  return Math.floor(Date.parse(iso) / DAY_MS);
}

/**
 * UTC calendar days from the episode's start to a moment (the start's day is day 0).
 * @example daysSince("2026-01-05T09:00:00Z", "2026-01-12T08:00:00Z") // 7
 */
export function daysSince(startIso: string, atIso: string): number {
  return utcDay(atIso) - utcDay(startIso);
}

export interface Dated {
  id: string;
  at: string;
}

/** 1-based session numbers in time order (cancelled and missed sessions keep their number). */
export function sessionNumbers(
  sessions: readonly Dated[],
): Map<string, number> {
  const ordered = [...sessions].sort(
    (a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id),
  );
  return new Map(ordered.map((s, i) => [s.id, i + 1]));
}

/** The number of the last session that started at or before a moment, if any. */
export function sessionAt(
  sessions: readonly Dated[],
  numbers: ReadonlyMap<string, number>,
  atIso: string,
): number | null {
  let found: number | null = null;
  for (const s of sessions)
    if (s.at <= atIso) {
      const n = numbers.get(s.id) ?? null;
      if (n !== null && (found === null || n > found)) found = n;
    }
  return found;
}
