import { ruptureEpisodes, type RuptureEpisode } from "./ruptureEpisodes.js";
import {
  byVersionGroup,
  formatScore,
  improvement,
  scoredSeries,
} from "./series.js";
import type {
  ClientSignalInput,
  InstrumentSignalParams,
  RuptureOptions,
  Severity,
  Signal,
} from "./types.js";

export type RepairState = "repaired" | "unrepaired" | "pending";

/** Repaired when back at baseline within the window; pending while the window is still open. */
export function repairState(
  episode: RuptureEpisode,
  asOfSession: number,
  windowSessions: number,
): RepairState {
  const deadline = episode.start.sessionIndex + windowSessions;
  if (episode.returnedAt !== null)
    return episode.returnedAt.sessionIndex <= deadline
      ? "repaired"
      : "unrepaired";
  return asOfSession < deadline ? "pending" : "unrepaired";
}

const SEVERITY: Record<RepairState, Severity> = {
  unrepaired: "high",
  pending: "medium",
  repaired: "low",
};

/** The subscales that fell against their baseline means, largest drop first. */
function droppedComponents(
  episode: RuptureEpisode,
  params: InstrumentSignalParams,
): { id: string; drop: number }[] {
  const means = episode.baseline?.subscaleMeans ?? {};
  return Object.entries(means)
    .filter(([id]) => episode.start.subscales[id] !== undefined)
    .map(([id, m]) => ({
      id,
      drop: -improvement(params.direction, m, episode.start.subscales[id]!),
    }))
    .filter((c) => c.drop > 0)
    .sort((a, b) => b.drop - a.drop);
}

function ruleText(
  episode: RuptureEpisode,
  params: InstrumentSignalParams,
  options: RuptureOptions,
): string {
  const parts: string[] = [];
  if (episode.byDrop)
    parts.push(
      `a drop of ≥ ${options.mode === "strict" ? 2 : 1} SD below the client's own baseline (${options.mode} mode)`,
    );
  if (episode.byCutOff)
    parts.push(
      `a score under the instrument's cut-off of ${formatScore(params.cutOff!)}`,
    );
  return parts.join(" and ");
}

function baselineText(episode: RuptureEpisode): string {
  const b = episode.baseline;
  if (b === null) return "no baseline yet";
  return `${episode.dropSd!.toFixed(1)} SD below this client's baseline of ${b.mean.toFixed(1)} (SD ${b.sd.toFixed(1)}, from ${b.n} earlier check-ins${b.sd > b.rawSd ? `, SD floored at ${b.sd.toFixed(1)}` : ""})`;
}

function repairText(
  state: RepairState,
  episode: RuptureEpisode,
  windowSessions: number,
): string {
  if (state === "repaired")
    return `Repaired: back at baseline at session ${episode.returnedAt!.sessionIndex}.`;
  if (state === "pending")
    return `Not yet repaired; repaired if back at baseline by session ${episode.start.sessionIndex + windowSessions}.`;
  return `Unrepaired: not back at baseline within ${windowSessions} sessions.`;
}

function episodeSignal(
  episode: RuptureEpisode,
  params: InstrumentSignalParams,
  options: RuptureOptions,
  asOf: number,
): Signal {
  const state = repairState(episode, asOf, options.repairWindowSessions);
  const components = droppedComponents(episode, params);
  const label = (id: string) => params.subscaleLabels?.[id] ?? id;
  const componentText =
    components.length > 0
      ? ` Largest drop: ${label(components[0]!.id)} (−${formatScore(components[0]!.drop)}).`
      : "";
  const c = episode.start;
  return {
    kind: "rupture",
    severity: SEVERITY[state],
    causeKey: `rupture:${c.instrumentId}:s${c.sessionIndex}`,
    instrumentId: c.instrumentId,
    sessionIndex: c.sessionIndex,
    at: c.at,
    rule: episode.byDrop ? "rupture.baseline-drop" : "rupture.cut-off",
    explanation: `${params.label} (version ${c.instrumentVersion}) was ${formatScore(c.total)} at session ${c.sessionIndex}, ${baselineText(episode)}; rule: ${ruleText(episode, params, options)}.${componentText} ${repairText(state, episode, options.repairWindowSessions)}`,
    evidence: {
      score: c.total,
      baselineMean: episode.baseline?.mean ?? null,
      baselineSd: episode.baseline?.sd ?? null,
      baselineN: episode.baseline?.n ?? 0,
      dropSd: episode.dropSd,
      cutOff: params.cutOff ?? null,
      repair: state,
      returnedAtSession: episode.returnedAt?.sessionIndex ?? null,
      component: components[0]?.id ?? null,
      components: components.map((x) => x.id).join(",") || null,
    },
  };
}

/** The latest session known for the client, from check-ins and appointments (no clock). */
export function asOfSession(input: ClientSignalInput): number {
  return Math.max(
    0,
    ...input.checkIns.map((c) => c.sessionIndex),
    ...input.appointments.map((a) => a.sessionIndex),
  );
}

/**
 * Rupture and repair on one alliance instrument (clinical-facts 4.3): a drop of ≥ 1 SD (sensitive) or
 * ≥ 2 SD (strict) below the client's own baseline, or a score under the cut-off; repaired when back at
 * baseline within three sessions. Versions are never mixed in a baseline unless declared compatible.
 * @example
 * ruptureSignals(input, params.instruments["rapport-alliance"], DEFAULT_SIGNAL_OPTIONS.rupture);
 * // [{ kind: "rupture", severity: "high", evidence: { repair: "unrepaired", component: "bond", ... } }]
 */
export function ruptureSignals(
  input: ClientSignalInput,
  params: InstrumentSignalParams,
  options: RuptureOptions,
): Signal[] {
  if (params.role !== "alliance") return [];
  if (
    params.sdFloor === undefined
      ? params.cutOff === undefined
      : !(params.sdFloor > 0)
  ) {
    throw new RangeError(
      `alliance instrument ${params.instrumentId} needs an sdFloor > 0 or a cutOff`,
    );
  }
  const asOf = asOfSession(input);
  return byVersionGroup(
    scoredSeries(input.checkIns, params.instrumentId),
    params,
  ).flatMap((group) =>
    ruptureEpisodes(group, params, options).map((e) =>
      episodeSignal(e, params, options, asOf),
    ),
  );
}
