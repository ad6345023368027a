// Why a client needs attention, in words, and the caseload order that follows from it.
import type { Alert } from "../api/alerts";
import type { ScoredResponse } from "../api/responses";
import type { Client } from "../api/types";

/** Top reasons, most urgent first (issue 8); alert kinds not listed rank after these. */
export const ATTENTION_REASONS: Record<string, string> = {
  risk: "Risk answer",
  rupture: "Rupture, not repaired",
  "not-on-track": "Not on track",
  "reliable-deterioration": "Reliable deterioration",
  disengagement: "Missing check-ins",
  plateau: "No reliable improvement",
};
const KIND_ORDER = Object.keys(ATTENTION_REASONS);

export interface Attention {
  kind: string;
  reason: string;
  severity: number;
  explanation: string;
}

export interface CaseloadRow {
  client: Client;
  /** The most urgent open alert; null when there is none or alerts are not available. */
  attention: Attention | null;
  /** The newest scored response; null when there is none or responses are not available. */
  latest: ScoredResponse | null;
}

function kindRank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind);
  return index === -1 ? KIND_ORDER.length : index;
}

function moreUrgent(a: Attention, b: Attention): number {
  return b.severity - a.severity || kindRank(a.kind) - kindRank(b.kind);
}

/** The top reason per client from its open alerts. */
export function attentionByClient(alerts: Alert[]): Map<string, Attention> {
  const byClient = new Map<string, Attention>();
  for (const alert of alerts) {
    const attention: Attention = {
      kind: alert.kind,
      reason: ATTENTION_REASONS[alert.kind] ?? alert.kind.replace(/-/g, " "),
      severity: alert.severity,
      explanation: alert.explanation,
    };
    const current = byClient.get(alert.clientId);
    if (!current || moreUrgent(attention, current) < 0)
      byClient.set(alert.clientId, attention);
  }
  return byClient;
}

/**
 * Attention first (severity, then reason), then the most recent response, then name:
 * rows without alerts or responses keep a stable alphabetical order.
 */
export function orderCaseload(rows: CaseloadRow[]): CaseloadRow[] {
  return [...rows].sort((a, b) => {
    if (a.attention && b.attention) {
      const byAttention = moreUrgent(a.attention, b.attention);
      if (byAttention !== 0) return byAttention;
    } else if (a.attention || b.attention) return a.attention ? -1 : 1;
    const aAt = a.latest?.at ?? "";
    const bAt = b.latest?.at ?? "";
    if (aAt !== bAt) return bAt.localeCompare(aAt);
    return a.client.name.localeCompare(b.client.name);
  });
}
