// GET /api/warnings (issue 14): what the workspace must show as a banner, e.g. that urgent-alert
// emails cannot be sent. A server without the route simply gives no warnings.
import { firstString, isObject, itemsOf } from "./fields";
import { ApiError, api } from "./http";

export interface WorkspaceWarning {
  code: string;
  message: string;
}

export async function fetchWarnings(): Promise<WorkspaceWarning[]> {
  try {
    return itemsOf(await api<unknown>("GET", "/api/warnings")).flatMap(
      (raw) => {
        if (!isObject(raw)) return [];
        const code = firstString(raw, ["code"]);
        const message = firstString(raw, ["message"]);
        return code && message ? [{ code, message }] : [];
      },
    );
  } catch (error) {
    if (error instanceof ApiError && error.routeMissing) return [];
    throw error;
  }
}
