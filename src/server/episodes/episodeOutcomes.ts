// The NHS Talking Therapies outcome of each episode of some clients (the client page's episodes,
// the caseload's latest episode), from their PHQ-9 and GAD-7 totals and attended sessions, with
// the thresholds of the organisation's latest PHQ-9 and GAD-7 packs (a clinic corrects them there).
import {
  talkingTherapiesEpisodeOutcome,
  type TalkingTherapiesEpisodeOutcome,
} from "../../core/instruments/talkingTherapiesEpisode.js";
import {
  talkingTherapiesThresholds,
  type TalkingTherapiesThresholds,
} from "../../core/instruments/talkingTherapiesThresholds.js";
import type { Db } from "../db/database.js";
import type { EpisodeTable } from "../db/schema.js";
import { catalogue, latestOfEach } from "../instruments/instrumentCatalogue.js";
import { validTotalsOf } from "../responses/responses.repository.js";
import { attendedSessionsOf } from "../sessions/sessions.repository.js";
import { episodesOf } from "./episodes.repository.js";

const PAIR = ["phq-9", "gad-7"];

function groupBy<T>(rows: readonly T[], key: (row: T) => string) {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

async function thresholds(
  db: Db,
  organisationId: string,
): Promise<TalkingTherapiesThresholds | null> {
  const latest = new Map(
    latestOfEach(await catalogue(db, organisationId)).map((e) => [
      e.pack.id,
      e.pack,
    ]),
  );
  const phq9 = latest.get("phq-9");
  const gad7 = latest.get("gad-7");
  return phq9 && gad7 ? talkingTherapiesThresholds(phq9, gad7) : null;
}

/**
 * The episode a row belongs to: its own, else the one open at its time (the latest opened on or
 * before it), else the client's first. Rows recorded without an episode are counted where they fall.
 */
function episodeAt(
  episodes: readonly EpisodeTable[],
  row: { episode_id: string | null },
  at: string,
): string | undefined {
  if (row.episode_id) return row.episode_id;
  const opened = episodes.filter((e) => e.opened_at <= at);
  return (opened.at(-1) ?? episodes[0])?.id;
}

export interface ClientEpisodeOutcomes {
  /** Outcome per episode id; null where the episode lacks two PHQ-9 and two GAD-7 scores. */
  byEpisode: Map<string, TalkingTherapiesEpisodeOutcome | null>;
  /** The client's latest episode, if any. */
  latest: string | null;
}

export async function episodeOutcomes(
  db: Db,
  organisationId: string,
  clientIds: readonly string[],
): Promise<Map<string, ClientEpisodeOutcomes>> {
  const result = new Map<string, ClientEpisodeOutcomes>();
  const limits = await thresholds(db, organisationId);
  const [episodes, totals, sessions] = await Promise.all([
    episodesOf(db, organisationId, clientIds),
    limits ? validTotalsOf(db, organisationId, clientIds, PAIR) : [],
    limits ? attendedSessionsOf(db, organisationId, clientIds) : [],
  ]);
  const totalsOf = groupBy(totals, (t) => t.client_id);
  const sessionsOf = groupBy(sessions, (s) => s.client_id);
  const episodesOfClient = groupBy(episodes, (e) => e.client_id);
  for (const clientId of clientIds) {
    const own = episodesOfClient.get(clientId) ?? [];
    const byEpisode = new Map<string, TalkingTherapiesEpisodeOutcome | null>();
    for (const episode of own) {
      const inIt = (row: { episode_id: string | null }, at: string) =>
        episodeAt(own, row, at) === episode.id;
      const record = {
        scores: (totalsOf.get(clientId) ?? [])
          .filter((t) => inIt(t, t.submitted_at))
          .map((t) => ({
            instrumentId: t.instrument_id,
            total: t.total,
            at: t.submitted_at,
          })),
        attendedSessions: (sessionsOf.get(clientId) ?? []).filter((s) =>
          inIt(s, s.starts_at),
        ).length,
        ended: episode.discharged_at !== null,
      };
      byEpisode.set(
        episode.id,
        limits && talkingTherapiesEpisodeOutcome(record, limits),
      );
    }
    result.set(clientId, { byEpisode, latest: own.at(-1)?.id ?? null });
  }
  return result;
}
