// Therapy goals; the goal text describes the client, so it is encrypted at rest.
import type { Actor } from "../auth/actor.js";
import { loadClientFor } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { GoalStatus, GoalTable } from "../db/schema.js";
import { notFound } from "../errors.js";

async function view(context: AppContext, g: GoalTable) {
  return {
    id: g.id,
    clientId: g.client_id,
    text: await context.cipher.decrypt(
      context.db,
      g.organisation_id,
      g.client_id,
      "goals.text",
      g.text_enc,
    ),
    status: g.status,
    createdAt: g.created_at,
    updatedAt: g.updated_at,
  };
}

export async function listGoals(
  context: AppContext,
  actor: Actor,
  clientId: string,
) {
  await loadClientFor(context, actor, clientId, "read");
  const rows = await context.db
    .selectFrom("goals")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("client_id", "=", clientId)
    .orderBy("id")
    .execute();
  await audit(context, actor, clientId, "goal.list");
  return Promise.all(rows.map((g) => view(context, g)));
}

export async function createGoal(
  context: AppContext,
  actor: Actor,
  clientId: string,
  text: string,
) {
  await loadClientFor(context, actor, clientId, "write");
  const at = isoNow(context);
  const row: GoalTable = {
    id: newId(at),
    organisation_id: actor.organisationId,
    client_id: clientId,
    text_enc: await context.cipher.encrypt(
      context.db,
      actor.organisationId,
      clientId,
      "goals.text",
      text,
    ),
    status: "active",
    created_at: at,
    updated_at: at,
  };
  await inTransaction(context.db, async (trx) => {
    await trx.insertInto("goals").values(row).execute();
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action: "goal.create",
      source: actor.source,
      at,
    });
  });
  return view(context, row);
}

export async function changeGoal(
  context: AppContext,
  actor: Actor,
  clientId: string,
  goalId: string,
  patch: { text?: string; status?: GoalStatus },
) {
  await loadClientFor(context, actor, clientId, "write");
  const goal = await context.db
    .selectFrom("goals")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("client_id", "=", clientId)
    .where("id", "=", goalId)
    .executeTakeFirst();
  if (!goal) throw notFound("goal");
  const at = isoNow(context);
  const set: Partial<GoalTable> = { updated_at: at };
  if (patch.text !== undefined)
    set.text_enc = await context.cipher.encrypt(
      context.db,
      actor.organisationId,
      clientId,
      "goals.text",
      patch.text,
    );
  if (patch.status !== undefined) set.status = patch.status;
  await inTransaction(context.db, async (trx) => {
    await trx
      .updateTable("goals")
      .set(set)
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", goalId)
      .execute();
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action: "goal.update",
      source: actor.source,
      at,
    });
  });
  return view(context, { ...goal, ...set });
}
