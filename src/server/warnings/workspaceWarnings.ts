// What the workspace must tell its members instead of only logging it (issue 14, point 7): urgent
// alert emails that cannot go out, and, to administrators, an empty crisis information.
import type { Role } from "../db/schema.js";

export type WarningCode =
  "email-off" | "urgent-email-failing" | "crisis-information-empty";

export interface WorkspaceWarning {
  code: WarningCode;
  message: string;
}

export interface WarningFacts {
  emailConfigured: boolean;
  /** Urgent-alert emails that keep failing (see URGENT_MAIL_FAILING). */
  failingUrgentMail: number;
  crisisInformation: string | null;
}

/**
 * Design choice: an urgent email "keeps failing" after 3 failed attempts (about 3.5 minutes of
 * retries: 30 s, 1 min, 2 min), and failures older than 7 days no longer warn.
 */
export const URGENT_MAIL_FAILING = { minAttempts: 3, withinDays: 7 } as const;

/** The outbox kinds that tell a member about an urgent alert. */
export const URGENT_MAIL_KINDS = ["risk-alert", "alert-escalation"] as const;

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** @example workspaceWarnings({ emailConfigured: false, … }, "therapist")[0].code → "email-off" */
export function workspaceWarnings(
  facts: WarningFacts,
  role: Role,
): WorkspaceWarning[] {
  const warnings: WorkspaceWarning[] = [];
  const admin = role === "admin";
  if (!facts.emailConfigured)
    warnings.push({
      code: "email-off",
      message: admin
        ? "Email is not configured (set RAPPORT_SMTP_URL): urgent-alert emails, invitations and password resets are not sent."
        : "Email is not configured: you will get no email about urgent alerts. Check the caseload for risk alerts.",
    });
  if (facts.failingUrgentMail > 0)
    warnings.push({
      code: "urgent-email-failing",
      message: `${plural(facts.failingUrgentMail, "urgent-alert email", "urgent-alert emails")} could not be sent in the last ${URGENT_MAIL_FAILING.withinDays} days: delivery keeps failing. ${admin ? "Check the email server settings." : "Check the caseload for risk alerts."}`,
    });
  if (admin && facts.crisisInformation === null)
    warnings.push({
      code: "crisis-information-empty",
      message:
        "The crisis information is empty: a client who gives a risk answer is shown only a generic line to call their local emergency number. Add your local crisis contacts on the Organisation page.",
    });
  return warnings;
}
