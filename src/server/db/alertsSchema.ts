// Table types for alerts and job leases (migration 0004), acknowledgements (0011) and fitted trajectory models (0007).
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
