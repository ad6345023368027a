// Alerts (GET /api/alerts, issue 6), read defensively: a server without the signals API
// simply gives the caseload no attention reasons.
import { firstNumber, firstString, isObject, itemsOf } from "./fields";
import { ApiError, api, query } from "./http";

export interface Alert {
  id: string;
  clientId: string;
  kind: string;
  /** Higher is more severe; string severities are mapped by SEVERITY_RANK. */
  severity: number;
  /** The severity as the server words it ("critical", "high"…), for display. */
  severityLabel: string;
  explanation: string;
  status: string;
  note: string | null;
  createdAt: string;
  /** What was done, once acknowledged with an action (issue 14). */
  acknowledgement: Acknowledgement | null;
  /** Set once the alert was escalated to the supervisors, who may then act on it. */
  escalatedAt: string | null;
}

export interface Acknowledgement {
  action: string;
  actionLabel: string;
  note: string | null;
  byName: string | null;
  at: string;
}

function parseAcknowledgement(raw: unknown): Acknowledgement | null {
  if (!isObject(raw)) return null;
  const action = firstString(raw, ["action"]);
  const at = firstString(raw, ["at"]);
  if (!action || !at) return null;
  return {
    action,
    actionLabel: firstString(raw, ["actionLabel"]) ?? action,
    note: firstString(raw, ["note"]) ?? null,
    byName: firstString(raw, ["byName"]) ?? null,
    at,
  };
}

const SEVERITY_RANK: Record<string, number> = {
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

function parseOne(raw: unknown): Alert | null {
  if (!isObject(raw)) return null;
  const id = firstString(raw, ["id"]);
  const clientId = firstString(raw, ["clientId"]);
  const kind = firstString(raw, ["kind"]);
  const status = firstString(raw, ["status"]) ?? "open";
  const word = firstString(raw, ["severity"]);
  const severity =
    firstNumber(raw, ["severity"]) ?? (word ? SEVERITY_RANK[word] : undefined);
  if (!id || !clientId || !kind) return null;
  return {
    id,
    clientId,
    kind,
    severity: severity ?? 0,
    severityLabel: word ?? String(severity ?? ""),
    explanation: firstString(raw, ["explanation"]) ?? "",
    status,
    note: firstString(raw, ["note"]) ?? null,
    createdAt: firstString(raw, ["createdAt"]) ?? "",
    acknowledgement: parseAcknowledgement(raw.acknowledgement),
    escalatedAt: firstString(raw, ["escalatedAt"]) ?? null,
  };
}

export function parseAlerts(body: unknown): Alert[] {
  return itemsOf(body)
    .map(parseOne)
    .filter((a): a is Alert => a !== null);
}

/** A client's alerts not yet resolved (open or acknowledged), or null without the API. */
export async function fetchClientAlerts(
  clientId: string,
): Promise<Alert[] | null> {
  try {
    return parseAlerts(
      await api<unknown>(
        "GET",
        `/api/clients/${encodeURIComponent(clientId)}/alerts${query({ status: "unresolved", limit: 200 })}`,
      ),
    );
  } catch (error) {
    if (error instanceof ApiError && error.routeMissing) return null;
    throw error;
  }
}

/** Records what was done: an action from the kind's list (core's actionsFor), and a note. */
export const acknowledgeAlert = (id: string, action: string, note: string) =>
  api<unknown>("POST", `/api/alerts/${encodeURIComponent(id)}/acknowledge`, {
    action,
    ...(note ? { note } : {}),
  });

export const resolveAlert = (id: string, note: string) =>
  api<unknown>(
    "POST",
    `/api/alerts/${encodeURIComponent(id)}/resolve`,
    note ? { note } : {},
  );
