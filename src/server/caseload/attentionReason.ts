// An open alert in the words a caseload row shows (issue 8): why this client needs attention.
import type { OpenAlertRow } from "./caseload.repository.js";

const REASONS: Record<string, string> = {
  risk: "Risk answer",
  rupture: "Rupture, not repaired",
  "not-on-track": "Not on track",
  "reliable-deterioration": "Reliable deterioration",
  "no-improvement": "No reliable improvement",
  disengagement: "Missed check-ins",
};

/** Kinds in the order of urgency; a kind not listed ranks after them. */
const KIND_ORDER = Object.keys(REASONS);

export function kindRank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind);
  return index === -1 ? KIND_ORDER.length : index;
}

/** @example attentionReason({ kind: "rupture", evidence: '{"repair":"pending"}' }) → "Rupture, not repaired" */
export function attentionReason(
  alert: Pick<OpenAlertRow, "kind" | "evidence">,
): string {
  if (alert.kind === "rupture") {
    const evidence = JSON.parse(alert.evidence) as { repair?: unknown };
    if (evidence.repair === "repaired") return "Rupture, since repaired";
  }
  return REASONS[alert.kind] ?? alert.kind.replace(/-/g, " ");
}

/** Most urgent first: severity, then not yet acknowledged, the order of kinds, the oldest. */
export function compareAlerts(
  a: Pick<OpenAlertRow, "severity_rank" | "status" | "kind" | "created_at">,
  b: Pick<OpenAlertRow, "severity_rank" | "status" | "kind" | "created_at">,
): number {
  return (
    a.severity_rank - b.severity_rank ||
    Number(a.status !== "open") - Number(b.status !== "open") ||
    kindRank(a.kind) - kindRank(b.kind) ||
    a.created_at.localeCompare(b.created_at)
  );
}

/** Each client's most urgent unresolved alert and how many it has unresolved. */
export function topAlertPerClient(
  alerts: readonly OpenAlertRow[],
): Map<string, { top: OpenAlertRow; open: number }> {
  const byClient = new Map<string, { top: OpenAlertRow; open: number }>();
  for (const alert of alerts) {
    const seen = byClient.get(alert.client_id);
    if (!seen) byClient.set(alert.client_id, { top: alert, open: 1 });
    else
      byClient.set(alert.client_id, {
        top: compareAlerts(alert, seen.top) < 0 ? alert : seen.top,
        open: seen.open + 1,
      });
  }
  return byClient;
}

/**
 * Whole minutes an alert nobody has acknowledged has waited since it was raised; null once
 * acknowledged (the caseload then says who acknowledged it, and when).
 * @example minutesWaiting({ status: "open", created_at: "2026-01-01T10:00:00Z" }, new Date("2026-01-01T12:30:00Z")) → 150
 */
export function minutesWaiting(
  alert: Pick<OpenAlertRow, "status" | "created_at">,
  now: Date,
): number | null {
  if (alert.status !== "open") return null;
  const waited = now.getTime() - new Date(alert.created_at).getTime();
  return Math.max(0, Math.floor(waited / 60_000));
}
