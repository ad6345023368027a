// Client records: names are encrypted under the client's data key and searchable only by
// a keyed blind index; every read and write is audited.
import type { Actor } from "../auth/actor.js";
import { loadClientFor, visibleScope } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { ClientStatus, ClientTable } from "../db/schema.js";
import { AppError } from "../errors.js";
import { requireTherapist } from "../members/members.service.js";
import {
  openDemographics,
  sealDemographics,
  type Demographics,
} from "./clientDemographics.js";
import {
  addShare,
  insertClient,
  listClients,
  listShares,
  removeShare,
  updateClient,
} from "./clients.repository.js";

export interface ClientView extends Demographics {
  id: string;
  name: string;
  therapistId: string;
  status: ClientStatus;
  sharedWith: string[];
  createdAt: string;
  updatedAt: string;
}

export async function audit(
  context: AppContext,
  actor: Actor,
  clientIds: string | string[],
  action: string,
): Promise<void> {
  const at = isoNow(context);
  const ids = Array.isArray(clientIds) ? clientIds : [clientIds];
  await context.auditReads.append(
    ids.map((clientId) => ({
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action,
      source: actor.source,
      at,
    })),
  );
}

async function view(
  context: AppContext,
  row: ClientTable,
): Promise<ClientView> {
  return {
    id: row.id,
    name: await context.cipher.decrypt(
      context.db,
      row.organisation_id,
      row.id,
      "clients.name",
      row.name_enc,
    ),
    therapistId: row.therapist_id,
    status: row.status,
    ...(await openDemographics(context, row)),
    sharedWith: await listShares(context.db, row.organisation_id, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function createClient(
  context: AppContext,
  actor: Actor,
  input: { name: string; therapistId?: string },
): Promise<ClientView> {
  if (actor.role === "supervisor")
    throw new AppError("forbidden", "supervisors have read-only access");
  const therapistId =
    actor.role === "therapist"
      ? (input.therapistId ?? actor.memberId)
      : input.therapistId;
  if (!therapistId) throw new AppError("validation", "therapistId is required");
  if (actor.role === "therapist" && therapistId !== actor.memberId)
    throw new AppError(
      "forbidden",
      "therapists create clients on their own caseload",
    );
  await requireTherapist(context.db, actor.organisationId, therapistId);
  const at = isoNow(context);
  const id = newId(at);
  const row = await inTransaction(context.db, async (trx) => {
    await context.cipher.createKey(trx, actor.organisationId, id, at);
    const values: ClientTable = {
      id,
      organisation_id: actor.organisationId,
      name_enc: await context.cipher.encrypt(
        trx,
        actor.organisationId,
        id,
        "clients.name",
        input.name,
      ),
      name_index: context.cipher.index(input.name),
      therapist_id: therapistId,
      status: "active",
      age_band_enc: null,
      gender_enc: null,
      created_at: at,
      updated_at: at,
    };
    await insertClient(trx, values);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: id,
      action: "client.create",
      source: actor.source,
      at,
    });
    return values;
  });
  return view(context, row);
}

export async function getClient(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<ClientView> {
  const row = await loadClientFor(context, actor, id, "read");
  await audit(context, actor, id, "client.read");
  return view(context, row);
}

export async function listVisibleClients(
  context: AppContext,
  actor: Actor,
  query: {
    limit: number;
    cursor?: string;
    name?: string;
    status?: ClientStatus;
  },
): Promise<{ items: ClientView[]; next: string | null }> {
  const scope = await visibleScope(context.db, actor);
  const rows = await listClients(
    context.db,
    actor.organisationId,
    { ...scope, memberId: actor.memberId },
    {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.name ? { nameIndex: context.cipher.index(query.name) } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
  );
  const pageRows = rows.slice(0, query.limit);
  const items = [];
  for (const row of pageRows) items.push(await view(context, row));
  await audit(
    context,
    actor,
    pageRows.map((r) => r.id),
    "client.list",
  );
  return {
    items,
    next: rows.length > query.limit ? (pageRows.at(-1)?.id ?? null) : null,
  };
}

export async function changeClient(
  context: AppContext,
  actor: Actor,
  id: string,
  patch: { name?: string; status?: ClientStatus } & Partial<Demographics>,
): Promise<ClientView> {
  const row = await loadClientFor(context, actor, id, "write");
  const at = isoNow(context);
  const set: Partial<ClientTable> = {
    updated_at: at,
    ...(await sealDemographics(context, row.organisation_id, id, patch)),
  };
  if (patch.name !== undefined) {
    set.name_enc = await context.cipher.encrypt(
      context.db,
      row.organisation_id,
      id,
      "clients.name",
      patch.name,
    );
    set.name_index = context.cipher.index(patch.name);
  }
  if (patch.status !== undefined) set.status = patch.status;
  await inTransaction(context.db, async (trx) => {
    await updateClient(trx, actor.organisationId, id, set);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: id,
      action: "client.update",
      source: actor.source,
      at,
    });
  });
  return view(context, { ...row, ...set });
}

export async function transferClient(
  context: AppContext,
  actor: Actor,
  id: string,
  therapistId: string,
): Promise<ClientView> {
  const row = await loadClientFor(context, actor, id, "write");
  await requireTherapist(context.db, actor.organisationId, therapistId);
  const at = isoNow(context);
  await inTransaction(context.db, async (trx) => {
    await updateClient(trx, actor.organisationId, id, {
      therapist_id: therapistId,
      updated_at: at,
    });
    await removeShare(trx, actor.organisationId, id, therapistId);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: id,
      action: "client.transfer",
      source: actor.source,
      at,
    });
  });
  return view(context, { ...row, therapist_id: therapistId, updated_at: at });
}

export async function shareClient(
  context: AppContext,
  actor: Actor,
  id: string,
  memberId: string,
  share: boolean,
): Promise<ClientView> {
  const row = await loadClientFor(context, actor, id, "write");
  const at = isoNow(context);
  if (share) await requireTherapist(context.db, actor.organisationId, memberId);
  await inTransaction(context.db, async (trx) => {
    if (share) {
      if (memberId !== row.therapist_id)
        await addShare(trx, {
          organisation_id: actor.organisationId,
          client_id: id,
          member_id: memberId,
          created_by: actor.memberId,
          created_at: at,
        });
    } else {
      await removeShare(trx, actor.organisationId, id, memberId);
    }
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: id,
      action: share ? "client.share" : "client.unshare",
      source: actor.source,
      at,
    });
  });
  return view(context, row);
}
