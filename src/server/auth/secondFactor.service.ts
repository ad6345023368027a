// The second step of sign-in: a TOTP code (used once) or a recovery code (used once). Wrong codes
// count per account in the database, like wrong passwords (5 in 15 min lock it for 15 min), and
// per pending session (it ends at the fifth), so opening many pending sessions gains nothing.
// A right code completes sign-in under a new session id.
import { auditSecurity } from "../audit/securityAudit.js";
import type { AppContext } from "../context.js";
import { inTransaction } from "../context.js";
import { AppError } from "../errors.js";
import {
  claimRecoveryCodes,
  claimTotpStep,
  findMember,
} from "../members/members.repository.js";
import type { MemberTable } from "../db/schema.js";
import { tooManyAttempts } from "./auth.service.js";
import {
  completeSecondFactor,
  countSecondFactorFailure,
  deleteSession,
  findPendingSession,
} from "./sessions.repository.js";
import { clearAttempts, countAttempt, MAX_FAILURES } from "./throttle.js";
import {
  checkCode,
  openSecret,
  requireTotpSecret,
  useRecoveryCode,
} from "./totp.js";

/** True when the code is right and was not used before; it is then used up. */
async function useCode(
  context: AppContext,
  member: MemberTable,
  code: string,
): Promise<boolean> {
  const secret = openSecret(context, requireTotpSecret(member));
  const step = await checkCode(
    secret,
    code,
    context.clock(),
    member.totp_last_step,
  );
  if (step !== null) return claimTotpStep(context.db, member.id, step);
  const remaining = useRecoveryCode(member.recovery_codes, code);
  if (remaining === null || member.recovery_codes === null) return false;
  return claimRecoveryCodes(
    context.db,
    member.id,
    member.recovery_codes,
    remaining,
  );
}

async function refuse(
  context: AppContext,
  pending: { id_hash: string },
  member: MemberTable,
  retryAfter: number,
  source: string | null,
): Promise<never> {
  await auditSecurity(context, context.db, {
    organisationId: member.organisation_id,
    actorId: null,
    subjectId: member.id,
    action: "auth.login-failed",
    source,
  });
  const failures = await countSecondFactorFailure(context.db, pending.id_hash);
  if (failures >= MAX_FAILURES) {
    await deleteSession(context.db, pending.id_hash);
    throw new AppError(
      "unauthenticated",
      "too many wrong codes; sign in again",
      { sessionEnded: true, ...(retryAfter > 0 ? { retryAfter } : {}) },
    );
  }
  if (retryAfter > 0) throw tooManyAttempts(retryAfter);
  throw new AppError("unauthenticated", "that code is not right");
}

/** Checks the code for a pending session; returns the new session's cookie value. */
export async function verifySecondFactor(
  context: AppContext,
  sessionHash: string | null,
  code: string,
  source: string | null,
): Promise<string> {
  const pending = sessionHash
    ? await findPendingSession(context.db, sessionHash)
    : undefined;
  if (!pending)
    throw new AppError("conflict", "this session is not waiting for a code");
  const member = await findMember(
    context.db,
    pending.organisation_id,
    pending.member_id,
  );
  if (!member) throw new AppError("unauthenticated", "sign in first");
  const key = { kind: "totp", memberId: member.id } as const;
  const attempt = await countAttempt(context.db, key, context.clock());
  if (!attempt.allowed)
    return refuse(context, pending, member, attempt.retryAfter, source);
  if (!(await useCode(context, member, code.trim())))
    return refuse(context, pending, member, attempt.retryAfter, source);
  await clearAttempts(context.db, key);
  return inTransaction(context.db, async (trx) => {
    const token = await completeSecondFactor(trx, pending, context.clock());
    if (!token)
      throw new AppError(
        "unauthenticated",
        "your session has ended; sign in again",
      );
    await auditSecurity(context, trx, {
      organisationId: member.organisation_id,
      actorId: member.id,
      subjectId: member.id,
      action: "auth.login",
      source,
    });
    return token;
  });
}
