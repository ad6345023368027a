// What a member did about an alert, chosen from a list per alert kind (issue 14, point 5). The
// lists for risk, rupture, not-on-track and no-improvement are the issue's; those for
// reliable deterioration and disengagement are a design choice (docs/signals.md).
import type { SignalKind } from "./types.js";

export type AcknowledgementAction =
  | "contacted-client"
  | "safety-plan-reviewed"
  | "escalated"
  | "discussed-with-client"
  | "repair-attempted"
  | "discussed"
  | "plan-changed"
  | "referred"
  | "rescheduled"
  | "other";

export const ACTION_LABELS: Readonly<Record<AcknowledgementAction, string>> = {
  "contacted-client": "Contacted the client",
  "safety-plan-reviewed": "Safety plan reviewed",
  escalated: "Escalated",
  "discussed-with-client": "Discussed with the client",
  "repair-attempted": "Repair attempted",
  discussed: "Discussed",
  "plan-changed": "Plan changed",
  referred: "Referred",
  rescheduled: "Rescheduled the session",
  other: "Other",
};

const PROGRESS: readonly AcknowledgementAction[] = [
  "discussed",
  "plan-changed",
  "referred",
  "other",
];

/** The actions each alerting kind accepts; a kind not listed accepts only "other" (with a note). */
const ACTIONS: Partial<
  Readonly<Record<SignalKind, readonly AcknowledgementAction[]>>
> = {
  risk: ["contacted-client", "safety-plan-reviewed", "escalated", "other"],
  rupture: ["discussed-with-client", "repair-attempted", "other"],
  "not-on-track": PROGRESS,
  "no-improvement": PROGRESS,
  // Design choices: deterioration is a progress alert; a disengaging client is first contacted.
  "reliable-deterioration": PROGRESS,
  disengagement: ["contacted-client", "rescheduled", "other"],
};

/** @example actionsFor("rupture") → ["discussed-with-client", "repair-attempted", "other"] */
export function actionsFor(kind: string): readonly AcknowledgementAction[] {
  return ACTIONS[kind as SignalKind] ?? ["other"];
}

export type AcknowledgementCheck =
  | { valid: true; action: AcknowledgementAction; note: string | null }
  | { valid: false; reason: string };

/**
 * Whether `action` may acknowledge an alert of `kind`; "other" says nothing by itself, so it needs
 * a note. The note is trimmed; an empty one is none.
 * @example checkAcknowledgement("risk", "referred", "") → { valid: false, reason: … }
 */
export function checkAcknowledgement(
  kind: string,
  action: string,
  note: string | undefined,
): AcknowledgementCheck {
  const allowed = actionsFor(kind);
  const chosen = allowed.find((a) => a === action);
  if (!chosen)
    return {
      valid: false,
      reason: `"${action}" is not an action for a ${kind} alert (one of: ${allowed.join(", ")})`,
    };
  const text = note?.trim() ?? "";
  if (chosen === "other" && text === "")
    return { valid: false, reason: 'the action "other" needs a note' };
  return { valid: true, action: chosen, note: text === "" ? null : text };
}
