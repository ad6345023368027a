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

export const acknowledgeAlert = (id: string, note: string) =>
  api<unknown>("POST", `/api/alerts/${encodeURIComponent(id)}/acknowledge`, {
    note,
  });
