// Kysely table types. Timestamps are ISO-8601 text and booleans 0/1 integers so the
// same schema runs on SQLite and PostgreSQL; ids are application-generated UUIDv7.
import type {
  AlertAcknowledgementTable,
  AlertTable,
  JobLeaseTable,
  RiskEvidenceTable,
  TrajectoryModelTable,
} from "./alertsSchema.js";
import type { CheckinTables } from "./checkinsSchema.js";
import type { TranscriptTables } from "./transcriptsSchema.js";

export type Role = "admin" | "supervisor" | "therapist";
export type SessionStatus = "scheduled" | "attended" | "cancelled" | "no-show";
export type ClientStatus = "active" | "discharged";
export type GoalStatus = "active" | "achieved" | "dropped";

export interface OrganisationTable {
  id: string;
  name: string;
  settings: string; // JSON
  created_at: string;
}

export interface MemberTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  active: number;
  created_at: string;
  totp_secret_enc: string | null;
  totp_enabled: number;
  recovery_codes: string | null;
  /** The RFC 6238 time step of the last code accepted; a code is never accepted twice. */
  totp_last_step: number | null;
}

export interface SupervisionTable {
  organisation_id: string;
  supervisor_id: string;
  therapist_id: string;
}

export interface ClientTable {
  id: string;
  organisation_id: string;
  name_enc: string; // AES-256-GCM under the client's data key
  name_index: string; // keyed blind index (HMAC) of the normalised name
  therapist_id: string;
  status: ClientStatus;
  /** Optional, entered by the therapist, under the client's key (migration 0012). */
  age_band_enc: string | null;
  gender_enc: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClientKeyTable {
  client_id: string;
  organisation_id: string;
  master_key_id: string;
  wrapped_key: string;
  created_at: string;
}

export interface ClientShareTable {
  organisation_id: string;
  client_id: string;
  member_id: string;
  created_by: string;
  created_at: string;
}

export interface EpisodeTable {
  id: string;
  organisation_id: string;
  client_id: string;
  opened_at: string;
  discharged_at: string | null;
  discharge_reason: string | null;
}

export interface SessionTable {
  id: string;
  organisation_id: string;
  client_id: string;
  episode_id: string | null;
  therapist_id: string;
  starts_at: string;
  status: SessionStatus;
  created_at: string;
}

export interface GoalTable {
  id: string;
  organisation_id: string;
  client_id: string;
  text_enc: string;
  status: GoalStatus;
  created_at: string;
  updated_at: string;
}

export interface AuthSessionTable {
  id_hash: string;
  member_id: string;
  organisation_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** 0 while a session waits for its second factor. */
  second_factor_ok: number;
  /** Wrong second-factor codes entered in this session; it ends at the fifth. */
  second_factor_failures: number;
}

export interface AuditTable {
  id: string;
  organisation_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  client_id: string | null;
  action: string;
  source: string | null;
  /** The member the entry is about (created, changed, signed in), when there is one. */
  subject_id: string | null;
  prev_hash: string;
  hash: string;
}

export type ConsentKind =
  | "routine-measurement"
  | "transcript-analysis"
  | "research-export"
  | "aggregate-statistics";

export interface ApiTokenTable {
  id: string;
  organisation_id: string;
  member_id: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface LoginThrottleTable {
  key_hash: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  member_id: string;
  expires_at: string;
  used_at: string | null;
}

export interface ConsentTable {
  id: string;
  organisation_id: string;
  client_id: string;
  kind: ConsentKind;
  granted: number;
  recorded_by: string;
  recorded_at: string;
}

export interface BreakGlassTable {
  id: string;
  organisation_id: string;
  member_id: string;
  client_id: string;
  reason: string;
  created_at: string;
  expires_at: string;
}

export interface InstrumentPackTable {
  organisation_id: string;
  instrument_id: string;
  version: string;
  pack: string; // JSON, as installed
  installed_by: string | null;
  installed_at: string;
}

export type ResponseSource = "therapist" | "checkin" | "import";

/** A response's scoring; the columns a re-score replaces and the history keeps. */
export interface ScoringColumns {
  instrument_version: string;
  total: number | null;
  band: string | null;
  valid: number;
  subscales: string; // JSON
  risk_items: string; // JSON
  result: string; // JSON ScoreResult
  scored_at: string;
}

export interface ResponseTable extends ScoringColumns {
  id: string;
  organisation_id: string;
  client_id: string;
  episode_id: string | null;
  session_id: string | null;
  instrument_id: string;
  answers_enc: string; // AES-256-GCM under the client's data key
  submitted_at: string;
  recorded_by: string | null; // null for a client's own check-in
  source: ResponseSource;
  created_at: string;
}

export interface ResponseScoringTable extends ScoringColumns {
  id: string;
  organisation_id: string;
  client_id: string;
  response_id: string;
  replaced_at: string;
  replaced_by: string | null;
}

export interface ResearchExportTable {
  id: string;
  organisation_id: string;
  requested_by: string;
  requested_at: string;
  status: "queued" | "ready" | "failed";
  result_enc: string | null;
  completed_at: string | null;
}

export interface Database extends CheckinTables, TranscriptTables {
  alerts: AlertTable;
  research_exports: ResearchExportTable;
  risk_evidence: RiskEvidenceTable;
  alert_acknowledgements: AlertAcknowledgementTable;
  job_leases: JobLeaseTable;
  trajectory_models: TrajectoryModelTable;
  instrument_packs: InstrumentPackTable;
  responses: ResponseTable;
  response_scorings: ResponseScoringTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  password_resets: PasswordResetTable;
  consents: ConsentTable;
  break_glass: BreakGlassTable;
  organisations: OrganisationTable;
  members: MemberTable;
  supervisions: SupervisionTable;
  clients: ClientTable;
  client_keys: ClientKeyTable;
  client_shares: ClientShareTable;
  episodes: EpisodeTable;
  sessions: SessionTable;
  goals: GoalTable;
  auth_sessions: AuthSessionTable;
  audit_log: AuditTable;
}
