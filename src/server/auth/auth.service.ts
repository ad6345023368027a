// Sign-in: throttled per account, the same answer for an unknown email and a wrong password,
// audited for known accounts, and a pending second factor when the member enrolled TOTP.
import { auditSecurity, auditWithoutWaiting } from "../audit/securityAudit.js";
import type { AppContext } from "../context.js";
import type { MemberTable } from "../db/schema.js";
import { AppError } from "../errors.js";
import { findMemberByEmail } from "../members/members.repository.js";
import { decoyHash, verifyPassword } from "./password.js";
import { createSession } from "./sessions.repository.js";
import { clearAttempts, countAttempt, type ThrottleKey } from "./throttle.js";

export interface SignIn {
  member: MemberTable;
  token: string;
  secondFactorRequired: boolean;
}

export function tooManyAttempts(seconds: number): AppError {
  return new AppError(
    "rate_limited",
    `too many failed attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
    { retryAfter: seconds },
  );
}

/**
 * Checks a signed-in member's password again (password change, removing the second factor):
 * those failures count towards the same per-account lock as sign-in.
 */
export async function confirmPassword(
  context: AppContext,
  member: MemberTable,
  password: string,
): Promise<void> {
  const key: ThrottleKey = { kind: "login", email: member.email };
  const attempt = await countAttempt(context.db, key, context.clock());
  if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfter);
  if (!(await verifyPassword(member.password_hash, password))) {
    if (attempt.retryAfter > 0) throw tooManyAttempts(attempt.retryAfter);
    throw new AppError("unauthenticated", "password is wrong");
  }
  await clearAttempts(context.db, key);
}

export async function signIn(
  context: AppContext,
  email: string,
  password: string,
  source: string | null,
): Promise<SignIn> {
  const now = context.clock();
  const key: ThrottleKey = { kind: "login", email };
  // Counted before the password is checked, so parallel guesses cannot pass the lock.
  const attempt = await countAttempt(context.db, key, now);
  if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfter);
  const member = await findMemberByEmail(context.db, email);
  const ok = await verifyPassword(
    member?.password_hash ?? (await decoyHash()),
    password,
  );
  if (!member || !ok || member.active !== 1) {
    if (member)
      auditWithoutWaiting(context, {
        organisationId: member.organisation_id,
        actorId: null,
        subjectId: member.id,
        action: "auth.login-failed",
        source,
      });
    if (attempt.retryAfter > 0) throw tooManyAttempts(attempt.retryAfter);
    throw new AppError("unauthenticated", "email or password is wrong");
  }
  await clearAttempts(context.db, key);
  const secondFactorRequired = member.totp_enabled === 1;
  const token = await createSession(
    context.db,
    { id: member.id, organisationId: member.organisation_id },
    now,
    context.config.sessionAbsoluteSeconds,
    !secondFactorRequired,
  );
  // With a second factor, the sign-in is complete (and audited) once the code is right.
  if (!secondFactorRequired)
    await auditSecurity(context, context.db, {
      organisationId: member.organisation_id,
      actorId: member.id,
      subjectId: member.id,
      action: "auth.login",
      source,
    });
  return { member, token, secondFactorRequired };
}

export async function organisationRequiresTotp(
  context: AppContext,
  organisationId: string,
): Promise<boolean> {
  const org = await context.db
    .selectFrom("organisations")
    .select("settings")
    .where("id", "=", organisationId)
    .executeTakeFirst();
  const settings = JSON.parse(org?.settings ?? "{}") as {
    requireTotp?: boolean;
  };
  return settings.requireTotp === true;
}
