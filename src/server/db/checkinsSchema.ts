// Table types for client check-ins, their links, drafts and submissions, the email outbox,
// unsubscribes and the client progress view (migration 0005).
export type CheckinStatus = "open" | "completed" | "cancelled";

export interface CheckinTable {
  id: string;
  organisation_id: string;
  client_id: string;
  session_id: string | null;
  instruments: string; // JSON array of instrument ids, in form order
  status: CheckinStatus;
  created_by: string | null; // null when the organisation's schedule created it
  created_at: string;
  expires_at: string;
  completed_at: string | null;
  feedback_enc: string | null; // "what would have made today better", under the client's key
  email_enc: string | null; // where the link was emailed, for reminders, under the client's key
  last_sent_at: string | null;
  reminders_sent: number;
}

/** One row per link handed out (copied, QR, email, reminder); only the SHA-256 is stored. */
export interface CheckinLinkTable {
  token_hash: string;
  checkin_id: string;
  organisation_id: string;
  channel: string; // link | email | reminder
  created_at: string;
}

export interface CheckinDraftTable {
  checkin_id: string;
  organisation_id: string;
  client_id: string;
  answers_enc: string; // JSON {answers, feedback}, under the client's key
  updated_at: string;
}

/** At most one per check-in (primary key): a retried submission finds its own row. */
export interface CheckinSubmissionTable {
  checkin_id: string;
  submission_id: string;
  organisation_id: string;
  response_ids: string; // JSON
  risk: number; // 1 when an answer triggered a risk item
  created_at: string;
}

export type OutboxStatus = "pending" | "sent" | "failed";

export interface OutboxTable {
  id: string;
  organisation_id: string;
  client_id: string | null; // set when the payload is encrypted under that client's key
  kind: string;
  payload: string; // JSON {to, subject, text}; emptied once sent
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface CheckinUnsubscribeTable {
  organisation_id: string;
  client_id: string;
  created_at: string;
}

export interface ProgressViewTable {
  organisation_id: string;
  client_id: string;
  enabled: number;
  show_alliance: number;
  token_hash: string | null; // the personal link; null when revoked
  updated_by: string;
  updated_at: string;
}

export interface CheckinTables {
  checkins: CheckinTable;
  checkin_links: CheckinLinkTable;
  checkin_drafts: CheckinDraftTable;
  checkin_submissions: CheckinSubmissionTable;
  outbox: OutboxTable;
  checkin_unsubscribes: CheckinUnsubscribeTable;
  progress_views: ProgressViewTable;
}
