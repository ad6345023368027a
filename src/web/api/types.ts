// The API's shapes as the browser sees them (mirrors the route schemas in docs/openapi.json).

export type Role = "admin" | "supervisor" | "therapist";

export interface Me {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  role: Role;
  totpEnabled: boolean;
  totpRequired: boolean;
}

export interface LoginResult {
  secondFactorRequired: boolean;
  csrfToken: string;
  me: Me | null;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export type ClientStatus = "active" | "discharged";

import type { AgeBand, Gender } from "../../core/research/quasiIdentifiers";

export interface Client {
  id: string;
  name: string;
  therapistId: string;
  status: ClientStatus;
  /** Optional (issue 17): released only k-anonymised in research exports. */
  ageBand: AgeBand | null;
  gender: Gender | null;
  sharedWith: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Episode {
  id: string;
  clientId: string;
  openedAt: string;
  dischargedAt: string | null;
  dischargeReason: string | null;
  /** NHS Talking Therapies outcome (PHQ-9 and GAD-7 paired); absent on a freshly opened one. */
  talkingTherapies?: EpisodeOutcome | null;
}

/** The paired PHQ-9 and GAD-7 outcome of an episode (NHS Talking Therapies definitions). */
export interface EpisodeOutcome {
  /** finished: a finished course of treatment; ongoing: so far; ended-early: not counted. */
  course: "finished" | "ongoing" | "ended-early";
  attendedSessions: number;
  label: string;
  explanation: string[];
}

export const SESSION_STATUSES = [
  "scheduled",
  "attended",
  "cancelled",
  "no-show",
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface TherapySession {
  id: string;
  clientId: string;
  episodeId: string | null;
  therapistId: string;
  startsAt: string;
  status: SessionStatus;
}

export type GoalStatus = "active" | "achieved" | "dropped";

export interface Goal {
  id: string;
  clientId: string;
  text: string;
  status: GoalStatus;
  createdAt: string;
  updatedAt: string;
}

export const CONSENT_KINDS = [
  "routine-measurement",
  "transcript-analysis",
  "research-export",
  "aggregate-statistics",
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The current state of one consent kind; never recorded when recordedAt is null. */
export interface Consent {
  kind: ConsentKind;
  granted: boolean;
  recordedBy: string | null;
  recordedAt: string | null;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  supervisees?: string[];
  createdAt: string;
}

export interface OrganisationSettings {
  requireTotp?: boolean;
  crisisInformation?: string;
  timeZone?: string;
  /** Rupture rule: ≥ 1 SD (sensitive) or ≥ 2 SD (strict, the default) below baseline. */
  ruptureMode?: "sensitive" | "strict";
  /** No-improvement alert: no reliable improvement by this session (default 6, a design choice). */
  noImprovementBySession?: number;
  /** Check-ins created when a session is marked attended. */
  checkinSchedule?: { instrumentId: string; everyNthSession: number }[];
}

export interface Organisation {
  id: string;
  name: string;
  settings: OrganisationSettings;
  createdAt: string;
  /** Set when no scheduled instrument asks a risk item: check-ins never raise a risk alert. */
  checkinScheduleWarning: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  /** The member the entry is about (created, changed, signed in). */
  subjectId: string | null;
  clientId: string | null;
  action: string;
  source: string | null;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  next: number | null;
}
