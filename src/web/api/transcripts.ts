// Session transcripts (src/server/transcripts): upload a file for a session, list the client's
// transcripts with their state, read one with its coded utterances and profile (docs/transcripts.md).
import { api, query, RawBody } from "./http";

export type TranscriptStatus = "queued" | "analysing" | "done" | "failed";
export type TranscriptFormat = "vtt" | "srt" | "text" | "json";
export type ThresholdLevel = "below-fair" | "fair" | "good";

/** A classifier's estimate of a MITI 4 summary score, with the MITI 4 fair and good thresholds. */
export interface ThresholdedScore {
  value: number | null;
  fair: number;
  good: number;
  level: ThresholdLevel | null;
}

export type CodeWithF1 =
  | "reflection"
  | "question"
  | "simpleReflection"
  | "complexReflection"
  | "changeTalk"
  | "sustainTalk";

export interface MechanismRate {
  any: number | null;
  strong: number | null;
}

export interface TranscriptProfile {
  /** "automated estimate, not a MITI rating" (the view says so whether or not it is present). */
  label?: string;
  /** Cross-validated F1 per code of the models that produced it; null or absent: none on record. */
  codeF1?: Partial<Record<CodeWithF1, number>> | null;
  counts: {
    therapistUtterances: number;
    clientUtterances: number;
    reflections: { simple: number; complex: number; total: number };
    questions: { open: number; closed: number; total: number };
    talk: { change: number; sustain: number; neutral: number };
  };
  reflectionToQuestion: ThresholdedScore;
  percentComplexReflections: ThresholdedScore;
  percentOpenQuestions: number | null;
  percentChangeTalk: number | null;
  talkTime: {
    basis: "timestamps" | "words";
    therapistShare: number;
    clientShare: number;
    therapistWords: number;
    clientWords: number;
    therapistSeconds: number | null;
    clientSeconds: number | null;
  };
  empathy: {
    emotionalReaction: MechanismRate;
    interpretation: MechanismRate;
    exploration: MechanismRate;
  };
  rolesInferred?: boolean;
  /** Only in a transcript's full analysis, not in the list's numeric profile. */
  feedback?: string[];
}

export interface TranscriptSummary {
  id: string;
  clientId: string;
  sessionId: string;
  format: TranscriptFormat;
  bytes: number;
  status: TranscriptStatus;
  error: string | null;
  profile: TranscriptProfile | null;
  createdBy: string;
  createdAt: string;
  analysedAt: string | null;
}

export interface Utterance {
  index: number;
  speaker: string;
  role: "therapist" | "client";
  text: string;
  behaviour: string | null;
  reflection: string | null;
  question: string | null;
  talk: string | null;
  markers: string[];
}

export interface TranscriptDetail extends TranscriptSummary {
  analysis: { utterances: Utterance[]; profile: TranscriptProfile } | null;
}

/** What a file's name says about its format; plain text is recognised by the server. */
export function formatOf(fileName: string): {
  format?: TranscriptFormat;
  contentType: string;
} {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "vtt") return { format: "vtt", contentType: "text/vtt" };
  if (extension === "srt")
    return { format: "srt", contentType: "application/x-subrip" };
  if (extension === "json")
    return { format: "json", contentType: "application/json" };
  return { contentType: "text/plain" };
}

const clientBase = (id: string) => `/api/clients/${encodeURIComponent(id)}`;

export function uploadTranscript(
  clientId: string,
  sessionId: string,
  file: File,
  therapist?: string,
) {
  const { format, contentType } = formatOf(file.name);
  return api<{ id: string; status: "queued" }>(
    "POST",
    `${clientBase(clientId)}/sessions/${encodeURIComponent(sessionId)}/transcripts${query({ format, therapist })}`,
    new RawBody(file, contentType),
  );
}

export const listTranscripts = (clientId: string) =>
  api<{ items: TranscriptSummary[] }>(
    "GET",
    `${clientBase(clientId)}/transcripts`,
  );

export const getTranscript = (id: string) =>
  api<TranscriptDetail>("GET", `/api/transcripts/${encodeURIComponent(id)}`);

export const deleteTranscript = (id: string) =>
  api<null>("DELETE", `/api/transcripts/${encodeURIComponent(id)}`);
