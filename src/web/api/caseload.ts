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
    /** When the alert was raised. */
    since: string;
    /** An acknowledged alert stays until it is resolved (issue 14). */
    status?: "open" | "acknowledged";
    /** Minutes since it was raised (server clock) while nobody has acknowledged it. */
    waitingMinutes?: number | null;
    acknowledged?: { by: string; byName: string | null; at: string } | null;
  } | null;
  /** Alerts not yet resolved, acknowledged ones included. */
  openAlerts: number;
  alliance: CaseloadScore | null;
  outcome: CaseloadScore | null;
  /** The latest episode's NHS Talking Therapies outcome, when it has PHQ-9 and GAD-7 pairs. */
  episodeOutcome?: EpisodeOutcome | null;
}

/** No name: names never travel in URLs; the caseload is filtered by name in the browser. */
export interface CaseloadQuery {
  status?: ClientStatus;
  cursor?: string;
  limit?: number;
}

export const fetchCaseload = (q: CaseloadQuery) =>
  api<Page<CaseloadItem>>("GET", `/api/caseload${query({ ...q })}`);

/** Every page of the caseload (200 at a time), e.g. to filter it by name in the browser. */
export async function fetchWholeCaseload(
  q: Omit<CaseloadQuery, "cursor" | "limit">,
): Promise<Page<CaseloadItem>> {
  const items: CaseloadItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchCaseload({ ...q, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return { items, next: null };
}
