// GET /api/caseload: the caller's clients, most in need of attention first (issue 8).
import { api, query } from "./http";
import type { ClientStatus, EpisodeOutcome, Page } from "./types";

export interface CaseloadScore {
  instrumentId: string;
  total: number;
  band: string | null;
  at: string;
  /** The last few totals, oldest first. */
  trend: number[];
  validated: boolean;
}

export interface CaseloadItem {
  clientId: string;
  name: string;
  therapistId: string;
  status: ClientStatus;
  attention: {
    alertId: string;
    kind: string;
    reason: string;
    severity: string;
    explanation: string;
    since: string;
  } | null;
  openAlerts: number;
  alliance: CaseloadScore | null;
  outcome: CaseloadScore | null;
  /** The latest episode's NHS Talking Therapies outcome, when it has PHQ-9 and GAD-7 pairs. */
  episodeOutcome?: EpisodeOutcome | null;
}

export interface CaseloadQuery {
  name?: string;
  status?: ClientStatus;
  cursor?: string;
  limit?: number;
}

export const fetchCaseload = (q: CaseloadQuery) =>
  api<Page<CaseloadItem>>("GET", `/api/caseload${query({ ...q })}`);
