// Security-relevant actions on accounts and settings, in the same audit chain as client data:
// who did what, to which member, from where. Nothing an administrator does to an account
// (create, change, supervise, send a reset link) or a member does to sign in goes unrecorded.
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import type { Db } from "../db/database.js";
import { appendAudit } from "./audit.repository.js";

export const SECURITY_ACTIONS = [
  "member.create",
  "member.update",
  "supervision.update",
  "auth.login",
  "auth.login-failed",
  "auth.password-change",
  "auth.password-reset",
  "auth.password-reset-link",
  "totp.enable",
  "totp.disable",
  "token.create",
  "token.revoke",
  "organisation.update",
  "pack.install",
  "pack.risk-items-dropped",
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

export interface SecurityEvent {
  organisationId: string;
  /** Who did it; null for the command line or an anonymous request. */
  actorId: string | null;
  /** The member it was done to or for, when there is one. */
  subjectId: string | null;
  action: SecurityAction;
  /** The request's address, or "cli". */
  source: string | null;
}

/** Appends the event inside the caller's transaction (or a new one), so it commits with the change. */
export function auditSecurity(
  context: Pick<AppContext, "clock">,
  db: Db,
  event: SecurityEvent,
): Promise<void> {
  return appendAudit(db, { ...event, clientId: null, at: isoNow(context) });
}

/**
 * For a failure answered alike whether or not the account exists (a wrong password): the entry
 * is group-committed without making the answer wait, since that wait would reveal the account.
 * A crash in the next few milliseconds can lose it; the failure still counted towards the lock.
 */
export function auditWithoutWaiting(
  context: Pick<AppContext, "clock" | "auditReads" | "log">,
  event: SecurityEvent,
): void {
  context.auditReads
    .append([{ ...event, clientId: null, at: isoNow(context) }])
    .catch((error: unknown) =>
      context.log?.error({ err: error }, "audit append failed"),
    );
}
