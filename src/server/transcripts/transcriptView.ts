// What the API shows of a stored transcript: its state and numeric profile (no text).
import { ESTIMATE_LABEL } from "../../core/transcripts/index.js";
import type { NumericProfile } from "./numericProfile.js";
import type { TranscriptSummaryRow } from "./transcripts.repository.js";

export interface TranscriptSummary {
  id: string;
  clientId: string;
  sessionId: string;
  format: TranscriptSummaryRow["format"];
  bytes: number;
  status: TranscriptSummaryRow["status"];
  error: string | null;
  profile: NumericProfile | null;
  createdBy: string;
  createdAt: string;
  analysedAt: string | null;
}

export function summaryView(row: TranscriptSummaryRow): TranscriptSummary {
  return {
    id: row.id,
    clientId: row.client_id,
    sessionId: row.session_id,
    format: row.format,
    bytes: row.byte_size,
    status: row.status,
    error: row.error,
    // Labelled on the way out, so profiles stored before the label existed carry it too.
    profile:
      row.profile === null
        ? null
        : {
            ...(JSON.parse(row.profile) as NumericProfile),
            label: ESTIMATE_LABEL,
          },
    createdBy: row.created_by,
    createdAt: row.created_at,
    analysedAt: row.analysed_at,
  };
}
