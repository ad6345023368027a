// Sessions (appointments): start time, therapist, status.
import type { Actor } from "../auth/actor.js";
import { evaluateClientAlerts } from "../alerts/evaluateAlerts.js";
import { loadClientFor } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import { applyCheckinSchedule } from "../checkins/schedule.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { SessionStatus, SessionTable } from "../db/schema.js";
import { notFound } from "../errors.js";
import { findEpisode } from "../episodes/episodes.repository.js";
import { requireTherapist } from "../members/members.service.js";
import {
  findSession,
  insertSession,
  listSessionRows,
  updateSession,
} from "./sessions.repository.js";

function view(s: SessionTable) {
  return {
    id: s.id,
    clientId: s.client_id,
    episodeId: s.episode_id,
    therapistId: s.therapist_id,
    startsAt: s.starts_at,
    status: s.status,
  };
}

export async function listSessions(
  context: AppContext,
  actor: Actor,
  clientId: string,
  page: { limit: number; cursor?: string },
) {
  await loadClientFor(context, actor, clientId, "read");
  const rows = await listSessionRows(
    context.db,
    actor.organisationId,
    clientId,
    page,
  );
  await audit(context, actor, clientId, "session.list");
  const items = rows.slice(0, page.limit);
  return {
    items: items.map(view),
    next: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

export async function createSession(
  context: AppContext,
  actor: Actor,
  clientId: string,
  input: {
    startsAt: string;
    status?: SessionStatus;
    therapistId?: string;
    episodeId?: string;
  },
) {
  const client = await loadClientFor(context, actor, clientId, "write");
  const therapistId = input.therapistId ?? client.therapist_id;
  await requireTherapist(context.db, actor.organisationId, therapistId);
  if (
    input.episodeId &&
    !(await findEpisode(
      context.db,
      actor.organisationId,
      clientId,
      input.episodeId,
    ))
  )
    throw notFound("episode");
  const at = isoNow(context);
  const row: SessionTable = {
    id: newId(at),
    organisation_id: actor.organisationId,
    client_id: clientId,
    episode_id: input.episodeId ?? null,
    therapist_id: therapistId,
    starts_at: input.startsAt,
    status: input.status ?? "scheduled",
    created_at: at,
  };
  await inTransaction(context.db, async (trx) => {
    await insertSession(trx, row);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action: "session.create",
      source: actor.source,
      at,
    });
    // Attendance feeds the disengagement signal: re-evaluate in the same transaction.
    await evaluateClientAlerts(context, trx, actor.organisationId, clientId);
    await applyCheckinSchedule(context, trx, row);
  });
  return view(row);
}

export async function changeSession(
  context: AppContext,
  actor: Actor,
  clientId: string,
  sessionId: string,
  patch: { startsAt?: string; status?: SessionStatus },
) {
  await loadClientFor(context, actor, clientId, "write");
  const session = await findSession(
    context.db,
    actor.organisationId,
    clientId,
    sessionId,
  );
  if (!session) throw notFound("session");
  const set: Partial<SessionTable> = {};
  if (patch.startsAt !== undefined) set.starts_at = patch.startsAt;
  if (patch.status !== undefined) set.status = patch.status;
  const at = isoNow(context);
  await inTransaction(context.db, async (trx) => {
    await updateSession(trx, actor.organisationId, sessionId, set);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action: "session.update",
      source: actor.source,
      at,
    });
    // Attendance feeds the disengagement signal: re-evaluate in the same transaction.
    await evaluateClientAlerts(context, trx, actor.organisationId, clientId);
    await applyCheckinSchedule(context, trx, { ...session, ...set });
  });
  return view({ ...session, ...set });
}
