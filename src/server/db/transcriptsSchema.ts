// Table types for session transcripts (migration 0006).
export type TranscriptStatus = "queued" | "analysing" | "done" | "failed";
export type StoredTranscriptFormat = "vtt" | "srt" | "text" | "json";

export interface TranscriptTable {
  id: string;
  organisation_id: string;
  client_id: string;
  session_id: string;
  format: StoredTranscriptFormat;
  byte_size: number;
  text_enc: string; // AES-256-GCM under the client's data key
  therapist_speaker_enc: string | null;
  status: TranscriptStatus;
  error: string | null;
  analysis_enc: string | null; // JSON analysis document, gzipped, base64, encrypted
  profile: string | null; // JSON numeric profile, in clear
  attempts: number;
  lease_until: string | null;
  created_by: string;
  created_at: string;
  analysed_at: string | null;
}

export interface TranscriptTables {
  transcripts: TranscriptTable;
}
