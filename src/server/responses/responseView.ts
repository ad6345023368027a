// The API shape of a stored response: its answers, current scoring and superseded scorings.
import type { ResponseScoringTable, ResponseTable } from "../db/schema.js";
import { scoringView, type ScoringView } from "./storedScoring.js";

export interface ResponseView extends ScoringView {
  id: string;
  clientId: string;
  episodeId: string | null;
  sessionId: string | null;
  instrumentId: string;
  answers: Record<string, number>;
  submittedAt: string;
  recordedBy: string | null;
  source: ResponseTable["source"];
  /** When the current scoring was computed (a re-score moves it). */
  scoredAt: string;
  /** Earlier scorings replaced by re-scores, oldest first (the original is the first). */
  history: (ScoringView & { scoredAt: string; replacedAt: string })[];
}

export function responseView(
  row: ResponseTable,
  answers: Record<string, number>,
  history: readonly ResponseScoringTable[],
): ResponseView {
  return {
    id: row.id,
    clientId: row.client_id,
    episodeId: row.episode_id,
    sessionId: row.session_id,
    instrumentId: row.instrument_id,
    answers,
    ...scoringView(row),
    submittedAt: row.submitted_at,
    recordedBy: row.recorded_by,
    source: row.source,
    scoredAt: row.scored_at,
    history: history.map((h) => ({
      ...scoringView(h),
      scoredAt: h.scored_at,
      replacedAt: h.replaced_at,
    })),
  };
}
