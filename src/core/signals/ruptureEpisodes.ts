import { personalBaseline, type Baseline } from "./ruptureBaseline.js";
import { improvement, isOnClinicalSide, type Scored } from "./series.js";
import type { InstrumentSignalParams, RuptureOptions } from "./types.js";

export interface RuptureEpisode {
  readonly start: Scored;
  /** Baseline in force when the drop happened (null when only the cut-off applied). */
  readonly baseline: Baseline | null;
  /** How many baseline SDs the score fell (null without a baseline). */
  readonly dropSd: number | null;
  readonly byDrop: boolean;
  readonly byCutOff: boolean;
  /** First later check-in back at baseline (and not under the cut-off), if any. */
  readonly returnedAt: Scored | null;
}

const thresholdSd = (mode: RuptureOptions["mode"]): number =>
  mode === "strict" ? 2 : 1;

/** How far below baseline (in the instrument's bad direction) a score is, in baseline SDs. */
function dropInSd(
  params: InstrumentSignalParams,
  baseline: Baseline,
  score: number,
): number {
  return -improvement(params.direction, baseline.mean, score) / baseline.sd;
}

function isUnderCutOff(params: InstrumentSignalParams, score: number): boolean {
  return (
    params.cutOff !== undefined &&
    isOnClinicalSide(params.direction, params.cutOff, score)
  );
}

/** Back at baseline: no longer below the baseline mean, and not under the cut-off. */
function isRestored(
  params: InstrumentSignalParams,
  baseline: Baseline | null,
  score: number,
): boolean {
  const atBaseline =
    baseline === null || dropInSd(params, baseline, score) <= 0;
  return atBaseline && !isUnderCutOff(params, score);
}

function startEpisode(
  c: Scored,
  baseline: Baseline | null,
  params: InstrumentSignalParams,
  options: RuptureOptions,
) {
  const dropSd = baseline === null ? null : dropInSd(params, baseline, c.total);
  const byDrop = dropSd !== null && dropSd >= thresholdSd(options.mode);
  const byCutOff = isUnderCutOff(params, c.total);
  return byDrop || byCutOff
    ? { start: c, baseline, dropSd, byDrop, byCutOff, returnedAt: null }
    : null;
}

/**
 * Scans one version group's alliance check-ins for rupture episodes (clinical-facts 4.3). Check-ins
 * inside an episode join neither a new episode nor the baseline; the return check-in rejoins it.
 * Without an SD floor only the cut-off rule applies (a zero-SD baseline cannot measure a drop).
 * @example
 * ruptureEpisodes([35, 36, 34, 35, 30, 35].map(asCheckIn), allianceParams, DEFAULT_SIGNAL_OPTIONS.rupture);
 * // one episode starting at the 30, returned at the next 35
 */
export function ruptureEpisodes(
  series: readonly Scored[],
  params: InstrumentSignalParams,
  options: RuptureOptions,
): RuptureEpisode[] {
  const episodes: RuptureEpisode[] = [];
  const baselinePoints: Scored[] = [];
  let open: RuptureEpisode | null = null;
  for (const c of series) {
    if (open !== null) {
      if (!isRestored(params, open.baseline, c.total)) continue;
      episodes.push({ ...open, returnedAt: c });
      open = null;
      baselinePoints.push(c);
      continue;
    }
    const baseline =
      params.sdFloor === undefined
        ? null
        : personalBaseline(
            baselinePoints,
            options.minBaselineCheckIns,
            params.sdFloor,
          );
    open = startEpisode(c, baseline, params, options);
    if (open === null) baselinePoints.push(c);
  }
  return open === null ? episodes : [...episodes, open];
}
