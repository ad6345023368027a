// Creating and revoking API tokens (used by `rapport token`).
import { auditSecurity } from "../audit/securityAudit.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import { AppError } from "../errors.js";
import { findMemberByEmail } from "../members/members.repository.js";
import { TOKEN_SCOPES, type TokenScope } from "./actor.js";
import { hashToken, newToken } from "./sessions.repository.js";
import { TOKEN_PREFIX, insertToken, revokeToken } from "./tokens.repository.js";

export const DEFAULT_TOKEN_DAYS = 90;

export async function createApiToken(
  context: AppContext,
  input: { email: string; scopes: string[]; expiresInDays?: number },
): Promise<{
  id: string;
  token: string;
  expiresAt: string;
  scopes: TokenScope[];
}> {
  const member = await findMemberByEmail(context.db, input.email);
  if (!member || member.active !== 1)
    throw new AppError("not_found", `no active member ${input.email}`);
  const unknown = input.scopes.filter(
    (s) => !TOKEN_SCOPES.includes(s as TokenScope),
  );
  if (unknown.length > 0)
    throw new AppError(
      "validation",
      `unknown scope(s) ${unknown.join(", ")}; use ${TOKEN_SCOPES.join(" or ")}`,
    );
  const days = input.expiresInDays ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new AppError("validation", "expiry must be 1 to 366 days");
  const token = TOKEN_PREFIX + newToken();
  const id = newId(context.clock());
  const expiresAt = new Date(
    context.clock().getTime() + days * 86_400_000,
  ).toISOString();
  const scopes = input.scopes as TokenScope[];
  await inTransaction(context.db, async (trx) => {
    await insertToken(trx, {
      id,
      organisation_id: member.organisation_id,
      member_id: member.id,
      token_hash: hashToken(token),
      scopes: JSON.stringify(scopes),
      created_at: isoNow(context),
      expires_at: expiresAt,
      revoked_at: null,
    });
    // Tokens are made by the operator's command line; the entry names the member it acts for.
    await auditSecurity(context, trx, {
      organisationId: member.organisation_id,
      actorId: null,
      subjectId: member.id,
      action: "token.create",
      source: "cli",
    });
  });
  return { id, token, expiresAt, scopes };
}

export async function revokeApiToken(
  context: AppContext,
  id: string,
): Promise<void> {
  await inTransaction(context.db, async (trx) => {
    const revoked = await revokeToken(trx, id, isoNow(context));
    if (!revoked) throw new AppError("not_found", `no active token ${id}`);
    await auditSecurity(context, trx, {
      organisationId: revoked.organisation_id,
      actorId: null,
      subjectId: revoked.member_id,
      action: "token.revoke",
      source: "cli",
    });
  });
}
