// Episodes of care. A client has at most one open episode at a time.
import type { Actor } from "../auth/actor.js";
import { loadClientFor } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { EpisodeTable } from "../db/schema.js";
import { AppError, notFound } from "../errors.js";
import { episodeOutcomes } from "./episodeOutcomes.js";
import {
  findEpisode,
  insertEpisode,
  listEpisodeRows,
  updateEpisode,
} from "./episodes.repository.js";

function view(e: EpisodeTable) {
  return {
    id: e.id,
    clientId: e.client_id,
    openedAt: e.opened_at,
    dischargedAt: e.discharged_at,
    dischargeReason: e.discharge_reason,
  };
}

export async function listEpisodes(
  context: AppContext,
  actor: Actor,
  clientId: string,
) {
  await loadClientFor(context, actor, clientId, "read");
  await audit(context, actor, clientId, "episode.list");
  const outcomes = (
    await episodeOutcomes(context.db, actor.organisationId, [clientId])
  ).get(clientId)?.byEpisode;
  return (
    await listEpisodeRows(context.db, actor.organisationId, clientId)
  ).map((e) => ({
    ...view(e),
    talkingTherapies: outcomes?.get(e.id) ?? null,
  }));
}

export async function openEpisode(
  context: AppContext,
  actor: Actor,
  clientId: string,
  openedAt?: string,
) {
  await loadClientFor(context, actor, clientId, "write");
  const at = isoNow(context);
  const row: EpisodeTable = {
    id: newId(at),
    organisation_id: actor.organisationId,
    client_id: clientId,
    opened_at: openedAt ?? at,
    discharged_at: null,
    discharge_reason: null,
  };
  await inTransaction(context.db, async (trx) => {
    const open = (
      await listEpisodeRows(trx, actor.organisationId, clientId)
    ).find((e) => e.discharged_at === null);
    if (open)
      throw new AppError("conflict", "the client already has an open episode", {
        episodeId: open.id,
      });
    await insertEpisode(trx, row);
    await trx
      .updateTable("clients")
      .set({ status: "active", updated_at: at })
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", clientId)
      .execute();
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action: "episode.open",
      source: actor.source,
      at,
    });
  });
  return view(row);
}

export async function dischargeEpisode(
  context: AppContext,
  actor: Actor,
  clientId: string,
  episodeId: string,
  input: { reason?: string; dischargedAt?: string },
) {
  await loadClientFor(context, actor, clientId, "write");
  const episode = await findEpisode(
    context.db,
    actor.organisationId,
    clientId,
    episodeId,
  );
  if (!episode) throw notFound("episode");
  if (episode.discharged_at !== null)
    throw new AppError("conflict", "the episode is already discharged");
  const at = isoNow(context);
  const patch = {
    discharged_at: input.dischargedAt ?? at,
    discharge_reason: input.reason ?? null,
  };
  if (patch.discharged_at < episode.opened_at)
    throw new AppError(
      "validation",
      "discharge cannot precede the episode's opening",
    );
  await inTransaction(context.db, async (trx) => {
    await updateEpisode(trx, actor.organisationId, episodeId, patch);
    await trx
      .updateTable("clients")
      .set({ status: "discharged", updated_at: at })
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", clientId)
      .execute();
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action: "episode.discharge",
      source: actor.source,
      at,
    });
  });
  return view({ ...episode, ...patch });
}
