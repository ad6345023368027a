import type {
  Direction,
  InstrumentSignalParams,
  ScoredCheckIn,
} from "./types.js";

/** A check-in that has a total score. */
export type Scored = ScoredCheckIn & { readonly total: number };

export function isScored(checkIn: ScoredCheckIn): checkIn is Scored {
  return checkIn.total !== null;
}

/** The key of a version's compatibility group: versions in one declared group share a key. */
export function versionGroupKey(
  params: InstrumentSignalParams,
  version: string,
): string {
  const group = params.compatibleVersions?.find((versions) =>
    versions.includes(version),
  );
  return group === undefined ? version : [...group].sort().join("|");
}

/** This instrument's scored check-ins, ordered by session (then time). */
export function scoredSeries(
  checkIns: readonly ScoredCheckIn[],
  instrumentId: string,
): Scored[] {
  return checkIns
    .filter((c): c is Scored => c.instrumentId === instrumentId && isScored(c))
    .sort(
      (a, b) => a.sessionIndex - b.sessionIndex || a.at.localeCompare(b.at),
    );
}

/** Splits a series into runs of compatible versions, each in session order. */
export function byVersionGroup(
  series: readonly Scored[],
  params: InstrumentSignalParams,
): Scored[][] {
  const groups = new Map<string, Scored[]>();
  for (const c of series) {
    const key = versionGroupKey(params, c.instrumentVersion);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/**
 * The latest scored check-in and the first one of the same version group: the pair that
 * first-versus-last rules compare (NHS Talking Therapies uses first and last scores, clinical-facts 3.2).
 */
export function firstAndLast(
  series: readonly Scored[],
  params: InstrumentSignalParams,
): { first: Scored; last: Scored } | null {
  const last = series.at(-1);
  if (last === undefined) return null;
  const key = versionGroupKey(params, last.instrumentVersion);
  const first = series.find(
    (c) => versionGroupKey(params, c.instrumentVersion) === key,
  )!;
  return first === last ? null : { first, last };
}

/** Whether a score is on the clinical side of a threshold: ≥ for higherIsWorse, < for higherIsBetter. */
export function isOnClinicalSide(
  direction: Direction,
  threshold: number,
  score: number,
): boolean {
  return direction === "higherIsWorse" ? score >= threshold : score < threshold;
}

/** Change signed so that positive means better for the client. */
export function improvement(
  direction: Direction,
  from: number,
  to: number,
): number {
  return direction === "higherIsWorse" ? from - to : to - from;
}

/** Session number counted from the first check-in of the pair (the intake is session 1). */
export function sessionsFromIntake(
  first: ScoredCheckIn,
  current: ScoredCheckIn,
): number {
  return current.sessionIndex - first.sessionIndex + 1;
}

export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
