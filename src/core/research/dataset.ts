// Builds the research export's tables from consenting clients: pseudonyms instead of ids, day
// numbers instead of dates, numbers and codes instead of text, quasi-identifiers k-anonymised.
import { anonymise, type Anonymised } from "./kAnonymity.js";
import { profileNumbers } from "./profileNumbers.js";
import { pseudonym } from "./pseudonym.js";
import {
  NOT_RECORDED,
  episodeLengthBand,
  type QuasiIdentifiers,
} from "./quasiIdentifiers.js";
import type { SourceClient, SourceEpisode } from "./source.js";
import { daysSince, sessionAt, sessionNumbers } from "./timeline.js";

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface ResearchResponse {
  client: string;
  response: number;
  instrumentId: string;
  instrumentVersion: string;
  answers: Readonly<Record<string, number>>;
  total: number | null;
}

export interface Dataset {
  tables: {
    clients: Row[];
    episodes: Row[];
    sessions: Row[];
    responses: Row[];
    items: Row[];
    alerts: Row[];
    transcript_profiles: Row[];
  };
  /** The responses again, for the FHIR Bundle. */
  fhirResponses: ResearchResponse[];
  anonymity: Omit<Anonymised, "released">;
}

export interface DatasetOptions {
  secret: Uint8Array;
  k: number;
  exportedAt: string;
}

function episodeFor(
  episodes: readonly SourceEpisode[],
  id: string | null,
  at: string,
): SourceEpisode | undefined {
  if (id) return episodes.find((e) => e.id === id);
  return episodes
    .filter(
      (e) => e.openedAt <= at && (!e.dischargedAt || at <= e.dischargedAt),
    )
    .at(-1);
}

function quasiIdentifiers(
  client: SourceClient,
  options: DatasetOptions,
): QuasiIdentifiers {
  const latest = client.episodes.at(-1);
  return {
    therapist: pseudonym(options.secret, "therapist", client.therapistId),
    ageBand: client.ageBand ?? NOT_RECORDED,
    gender: client.gender ?? NOT_RECORDED,
    episodeLength: latest
      ? episodeLengthBand(
          daysSince(latest.openedAt, latest.dischargedAt ?? options.exportedAt),
        )
      : NOT_RECORDED,
  };
}

interface Placed {
  episode: number;
  session: number;
}

/** What one client's rows share: their pseudonym, episodes in order, and where sessions fell. */
interface ClientScope {
  id: string;
  client: SourceClient;
  episodes: SourceEpisode[];
  number: Map<string, number>;
  placed: Map<string, Placed>;
  out: Dataset;
}

function episodeRows(scope: ClientScope, e: SourceEpisode): void {
  const { id, client, episodes, out } = scope;
  const episode = scope.number.get(e.id)!;
  const inEpisode = client.sessions
    .filter((s) => episodeFor(episodes, s.episodeId, s.startsAt) === e)
    .map((s) => ({ ...s, at: s.startsAt }));
  const numbers = sessionNumbers(inEpisode);
  const sessions = inEpisode.sort(
    (a, b) => numbers.get(a.id)! - numbers.get(b.id)!,
  );
  out.tables.episodes.push({
    client: id,
    episode,
    status: e.dischargedAt ? "discharged" : "open",
    sessions: sessions.length,
  });
  for (const s of sessions) {
    const session = numbers.get(s.id)!;
    scope.placed.set(s.id, { episode, session });
    out.tables.sessions.push({
      client: id,
      episode,
      session,
      day: daysSince(e.openedAt, s.startsAt),
      attendance: s.status,
    });
  }
  for (const a of client.alerts)
    if (episodeFor(episodes, null, a.signalAt) === e)
      out.tables.alerts.push({
        client: id,
        episode,
        session: sessionAt(sessions, numbers, a.signalAt),
        day: daysSince(e.openedAt, a.signalAt),
        kind: a.kind,
        severity: a.severity,
      });
}

function responseRows(scope: ClientScope): void {
  const { id, client, episodes, out } = scope;
  const responses = [...client.responses].sort((a, b) =>
    a.submittedAt.localeCompare(b.submittedAt),
  );
  let n = 0;
  for (const r of responses) {
    const e = episodeFor(episodes, r.episodeId, r.submittedAt);
    if (!e) continue;
    n += 1;
    out.tables.responses.push({
      client: id,
      response: n,
      episode: scope.number.get(e.id)!,
      session: r.sessionId
        ? (scope.placed.get(r.sessionId)?.session ?? null)
        : null,
      day: daysSince(e.openedAt, r.submittedAt),
      instrument: r.instrumentId,
      instrument_version: r.instrumentVersion,
      instrument_kind: r.instrumentKind,
      total: r.total,
      band: r.band,
      valid: r.valid ? 1 : 0,
    });
    for (const [item, value] of Object.entries(r.answers).sort())
      out.tables.items.push({ client: id, response: n, item, value });
    const { instrumentId, instrumentVersion, answers, total } = r;
    out.fhirResponses.push({
      client: id,
      response: n,
      ...{ instrumentId, instrumentVersion, answers, total },
    });
  }
}

function transcriptRows(scope: ClientScope): void {
  for (const t of scope.client.transcripts) {
    const at = scope.placed.get(t.sessionId);
    if (!at) continue;
    for (const [measure, value] of profileNumbers(t.profile))
      scope.out.tables.transcript_profiles.push({
        client: scope.id,
        ...at,
        measure,
        value,
      });
  }
}

function clientTables(
  client: SourceClient,
  qi: QuasiIdentifiers,
  options: DatasetOptions,
  out: Dataset,
): void {
  const episodes = [...client.episodes].sort((a, b) =>
    a.openedAt.localeCompare(b.openedAt),
  );
  const scope: ClientScope = {
    id: pseudonym(options.secret, "client", client.id),
    client,
    episodes,
    number: new Map(episodes.map((e, i) => [e.id, i + 1])),
    placed: new Map(),
    out,
  };
  out.tables.clients.push({
    client: scope.id,
    therapist: qi.therapist,
    age_band: qi.ageBand,
    gender: qi.gender,
    latest_episode_length: qi.episodeLength,
    episodes: episodes.length,
  });
  for (const e of episodes) episodeRows(scope, e);
  responseRows(scope);
  transcriptRows(scope);
}

/**
 * The export's tables. Clients whose quasi-identifiers cannot be hidden among k are left out.
 * @example buildDataset(clients, { secret, k: 5, exportedAt }).tables.clients.length
 */
export function buildDataset(
  clients: readonly SourceClient[],
  options: DatasetOptions,
): Dataset {
  const ordered = [...clients].sort((a, b) => a.id.localeCompare(b.id));
  const { released, ...anonymity } = anonymise(
    ordered.map((c) => ({ key: c.id, qi: quasiIdentifiers(c, options) })),
    options.k,
  );
  const out: Dataset = {
    tables: {
      clients: [],
      episodes: [],
      sessions: [],
      responses: [],
      items: [],
      alerts: [],
      transcript_profiles: [],
    },
    fhirResponses: [],
    anonymity,
  };
  // Ordered by pseudonym, not by id, so row order says nothing about when a client was created.
  const byPseudonym = ordered
    .filter((c) => released.has(c.id))
    .sort((a, b) =>
      pseudonym(options.secret, "client", a.id).localeCompare(
        pseudonym(options.secret, "client", b.id),
      ),
    );
  for (const c of byPseudonym)
    clientTables(c, released.get(c.id)!, options, out);
  return out;
}
