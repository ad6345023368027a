// Break-glass: an administrator's explicit, reasoned, time-limited and audited read access to
// one client. The reason is encrypted under the client's key (it may describe the client).
import type { Actor } from "../auth/actor.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import { AppError, notFound } from "../errors.js";

export const BREAK_GLASS_MINUTES = 60;

export async function hasBreakGlass(
  db: Db,
  actor: Actor,
  clientId: string,
  now: string,
): Promise<boolean> {
  const grant = await db
    .selectFrom("break_glass")
    .select("id")
    .where("organisation_id", "=", actor.organisationId)
    .where("member_id", "=", actor.memberId)
    .where("client_id", "=", clientId)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return grant !== undefined;
}

export async function breakGlass(
  context: AppContext,
  actor: Actor,
  clientId: string,
  reason: string,
): Promise<{ expiresAt: string }> {
  if (actor.role !== "admin")
    throw new AppError("forbidden", "break-glass access is for administrators");
  const client = await context.db
    .selectFrom("clients")
    .select("id")
    .where("organisation_id", "=", actor.organisationId)
    .where("id", "=", clientId)
    .executeTakeFirst();
  if (!client) throw notFound("client");
  const at = isoNow(context);
  const expiresAt = new Date(
    context.clock().getTime() + BREAK_GLASS_MINUTES * 60_000,
  ).toISOString();
  await inTransaction(context.db, async (trx) => {
    await trx
      .insertInto("break_glass")
      .values({
        id: newId(at),
        organisation_id: actor.organisationId,
        member_id: actor.memberId,
        client_id: clientId,
        reason: await context.cipher.encrypt(
          trx,
          actor.organisationId,
          clientId,
          "break_glass.reason",
          reason,
        ),
        created_at: at,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action: "client.break-glass",
      source: actor.source,
      at,
    });
  });
  return { expiresAt };
}
