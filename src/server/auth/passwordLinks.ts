// One-time links that let a member set their own password: a reset they asked for, or an
// invitation (or new link) an administrator asked Rapport to send them. The link goes only to
// the member's email, through the outbox: nobody else ever sees or sets the password, and each
// link issued is audited with who asked for it.
import { auditSecurity } from "../audit/securityAudit.js";
import type { AppContext } from "../context.js";
import { inTransaction } from "../context.js";
import type { Db } from "../db/database.js";
import { lockUntilCommit } from "../db/locks.js";
import type { MemberTable } from "../db/schema.js";
import { deliverSoon, enqueueMail } from "../notifications/outbox.js";
import { hashToken, newToken } from "./sessions.repository.js";

export type LinkPurpose = "reset" | "invitation";

// Design choices: a reset the member asked for lives an hour; an invitation a week, since it
// may wait in an inbox over a weekend.
const TTL_MS: Record<LinkPurpose, number> = {
  reset: 60 * 60_000, // 1 h
  invitation: 7 * 24 * 60 * 60_000, // 7 days
};
/** Per account, whoever asks: no mailbox flooding, and a bound on live links. */
export const MAX_OPEN_LINKS = 3;

const MAIL: Record<
  LinkPurpose,
  { subject: string; text: (link: string) => string }
> = {
  reset: {
    subject: "Reset your Rapport password",
    text: (link) =>
      `Someone asked to reset the password of this Rapport account.\n\nTo choose a new password, open this link within an hour:\n${link}\n\nIf it was not you, ignore this message.`,
  },
  invitation: {
    subject: "You are invited to Rapport",
    text: (link) =>
      `An administrator of your organisation added you to Rapport.\n\nTo choose your password, open this link within 7 days:\n${link}\n\nIf you did not expect this, ignore this message.`,
  },
};

async function openLinks(
  db: Db,
  memberId: string,
  now: string,
): Promise<number> {
  const row = await db
    .selectFrom("password_resets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("member_id", "=", memberId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Queues a link to the member's email inside the caller's transaction; false (nothing queued)
 * when MAX_OPEN_LINKS are open already.
 */
export async function issuePasswordLink(
  context: AppContext,
  trx: Db,
  member: MemberTable,
  purpose: LinkPurpose,
  by: { actorId: string | null; source: string | null },
): Promise<boolean> {
  const now = context.clock();
  await lockUntilCommit(trx, `password-links:${member.id}`);
  if ((await openLinks(trx, member.id, now.toISOString())) >= MAX_OPEN_LINKS)
    return false;
  const token = newToken();
  await trx
    .insertInto("password_resets")
    .values({
      token_hash: hashToken(token),
      member_id: member.id,
      expires_at: new Date(now.getTime() + TTL_MS[purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  // In the fragment, so the token never reaches a server's request log.
  const link = `${context.config.publicUrl}/reset-password#token=${token}`;
  await enqueueMail(context, trx, {
    organisationId: member.organisation_id,
    clientId: null,
    kind: `password-${purpose}`,
    mail: {
      to: member.email,
      subject: MAIL[purpose].subject,
      text: MAIL[purpose].text(link),
    },
  });
  await auditSecurity(context, trx, {
    organisationId: member.organisation_id,
    actorId: by.actorId,
    subjectId: member.id,
    action: "auth.password-reset-link",
    source: by.source,
  });
  return true;
}

/** Issues a link in a transaction of its own and starts delivery; false when none was issued. */
export async function sendPasswordLink(
  context: AppContext,
  member: MemberTable,
  purpose: LinkPurpose,
  by: { actorId: string | null; source: string | null },
): Promise<boolean> {
  const issued = await inTransaction(context.db, (trx) =>
    issuePasswordLink(context, trx, member, purpose, by),
  );
  if (issued) deliverSoon(context);
  return issued;
}
