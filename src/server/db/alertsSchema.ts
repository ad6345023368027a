// Table types for alerts and job leases (migration 0004), risk evidence (0010), acknowledgements
// (0011) and fitted trajectory models (0007).
export type AlertStatus = "open" | "acknowledged" | "resolved";

export interface AlertTable {
  id: string;
  organisation_id: string;
  client_id: string;
  kind: string;
  severity: string;
  severity_rank: number;
  cause_key: string;
  instrument_id: string | null;
  rule: string;
  explanation: string;
  evidence: string;
  signal_at: string;
  status: AlertStatus;
  created_at: string;
  updated_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  note_enc: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  escalated_at: string | null;
}

/** One triggering risk answer on the alert it raised or joined (migration 0010). */
export interface RiskEvidenceTable {
  id: string;
  organisation_id: string;
  client_id: string;
  /** Null only for answers stored before 0010, counted as seen. */
  alert_id: string | null;
  /** Null for a response refused as unscorable and for a check-in draft. */
  response_id: string | null;
  checkin_id: string | null;
  instrument_id: string;
  link_id: string;
  /** {"answer": n} under the client's key. */
  answer_enc: string | null;
  answered_at: string;
  recorded_at: string;
}

/** What was done about an alert (migration 0011); the note is sealed under the client's key. */
export interface AlertAcknowledgementTable {
  id: string;
  organisation_id: string;
  alert_id: string;
  client_id: string;
  action: string;
  note_enc: string | null;
  acknowledged_by: string;
  acknowledged_at: string;
}

export interface JobLeaseTable {
  name: string;
  holder: string | null;
  lease_until: string | null;
  last_run_at: string | null;
}

export interface TrajectoryModelTable {
  organisation_id: string;
  instrument_id: string;
  model: string;
  n_clients: number;
  fitted_at: string;
}
