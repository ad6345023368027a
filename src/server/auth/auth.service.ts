// Sign-in: throttled, the same answer for an unknown email and a wrong password, and a
// pending second factor when the member enrolled TOTP.
import type { AppContext } from "../context.js";
import type { MemberTable } from "../db/schema.js";
import { AppError } from "../errors.js";
import { findMemberByEmail } from "../members/members.repository.js";
import { decoyHash, verifyPassword } from "./password.js";
import { createSession } from "./sessions.repository.js";
import { clearFailures, lockedFor, recordFailure } from "./throttle.js";

export interface SignIn {
  member: MemberTable;
  token: string;
  secondFactorRequired: boolean;
}

function tooMany(seconds: number): AppError {
  return new AppError(
    "rate_limited",
    `too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minute(s)`,
    { retryAfter: seconds },
  );
}

export async function signIn(
  context: AppContext,
  email: string,
  password: string,
): Promise<SignIn> {
  const now = context.clock();
  const locked = await lockedFor(context.db, email, now);
  if (locked > 0) throw tooMany(locked);
  const member = await findMemberByEmail(context.db, email);
  const ok = await verifyPassword(
    member?.password_hash ?? (await decoyHash()),
    password,
  );
  if (!member || !ok || member.active !== 1) {
    const lock = await recordFailure(context.db, email, now);
    if (lock > 0) throw tooMany(lock);
    throw new AppError("unauthenticated", "email or password is wrong");
  }
  await clearFailures(context.db, email);
  const secondFactorRequired = member.totp_enabled === 1;
  const token = await createSession(
    context.db,
    { id: member.id, organisationId: member.organisation_id },
    now,
    context.config.sessionAbsoluteSeconds,
    !secondFactorRequired,
  );
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
