// What the server hands the research export: one organisation's consenting clients with their
// records, ids and dates still in (they are replaced by pseudonyms and day numbers here).
import type { AgeBand, Gender } from "./quasiIdentifiers.js";

export interface SourceEpisode {
  id: string;
  openedAt: string;
  dischargedAt: string | null;
}

export interface SourceSession {
  id: string;
  episodeId: string | null;
  startsAt: string;
  status: string;
}

export interface SourceResponse {
  episodeId: string | null;
  sessionId: string | null;
  submittedAt: string;
  instrumentId: string;
  instrumentVersion: string;
  instrumentKind: string;
  answers: Readonly<Record<string, number>>;
  total: number | null;
  band: string | null;
  valid: boolean;
}

export interface SourceAlert {
  kind: string;
  severity: string;
  signalAt: string;
}

export interface SourceTranscript {
  sessionId: string;
  /** The stored numeric profile (JSON, no text); only its numbers are exported. */
  profile: unknown;
}

export interface SourceClient {
  id: string;
  therapistId: string;
  ageBand: AgeBand | null;
  gender: Gender | null;
  episodes: SourceEpisode[];
  sessions: SourceSession[];
  responses: SourceResponse[];
  alerts: SourceAlert[];
  transcripts: SourceTranscript[];
}
