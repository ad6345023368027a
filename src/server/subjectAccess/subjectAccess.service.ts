// Data-subject rights: export everything held about one client, and erase a client by deleting
// their data and destroying their data key (audit entries stay, without content).
import type { Actor } from "../auth/actor.js";
import { loadClientFor } from "../access/clientAccess.js";
import { appendAudit, listAudit } from "../audit/audit.repository.js";
import { truncateSqliteLog } from "../db/database.js";
import type { AppContext } from "../context.js";
import type { SealedField } from "../crypto/envelope.js";
import { inTransaction, isoNow } from "../context.js";
import { consentState } from "../consents/consents.service.js";
import { AppError, notFound } from "../errors.js";
import { questionnaireResponses } from "../fhir/questionnaireResponses.js";
import { clientResponses } from "../responses/responses.service.js";
import type { ResponseView } from "../responses/responseView.js";
import { clientBundle } from "./fhirBundle.js";

export interface ClientExport {
  exportedAt: string;
  client: {
    id: string;
    name: string;
    therapistId: string;
    status: string;
    createdAt: string;
  };
  episodes: {
    id: string;
    openedAt: string;
    dischargedAt: string | null;
    dischargeReason: string | null;
  }[];
  sessions: {
    id: string;
    startsAt: string;
    status: string;
    therapistId: string;
    episodeId: string | null;
  }[];
  goals: { id: string; text: string; status: string; createdAt: string }[];
  consents: Awaited<ReturnType<typeof consentState>>;
  /** Questionnaire responses with their answers and every scoring, oldest first. */
  responses: ResponseView[];
  accessHistory: {
    at: string;
    actorId: string | null;
    action: string;
    source: string | null;
  }[];
}

export async function exportClient(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<ClientExport> {
  const client = await loadClientFor(context, actor, clientId, "read");
  const org = actor.organisationId;
  const db = context.db;
  const decrypt = (field: SealedField, value: string) =>
    context.cipher.decrypt(db, org, clientId, field, value);
  const [episodes, sessions, goals, consents, history, responses] =
    await Promise.all([
      db
        .selectFrom("episodes")
        .selectAll()
        .where("organisation_id", "=", org)
        .where("client_id", "=", clientId)
        .orderBy("opened_at")
        .execute(),
      db
        .selectFrom("sessions")
        .selectAll()
        .where("organisation_id", "=", org)
        .where("client_id", "=", clientId)
        .orderBy("starts_at")
        .execute(),
      db
        .selectFrom("goals")
        .selectAll()
        .where("organisation_id", "=", org)
        .where("client_id", "=", clientId)
        .orderBy("id")
        .execute(),
      consentState(db, org, clientId),
      listAudit(db, org, clientId),
      clientResponses(context, org, clientId),
    ]);
  await appendAudit(db, {
    organisationId: org,
    actorId: actor.memberId,
    clientId,
    action: "client.export",
    source: actor.source,
    at: isoNow(context),
  });
  return {
    exportedAt: isoNow(context),
    client: {
      id: client.id,
      name: await decrypt("clients.name", client.name_enc),
      therapistId: client.therapist_id,
      status: client.status,
      createdAt: client.created_at,
    },
    episodes: episodes.map((e) => ({
      id: e.id,
      openedAt: e.opened_at,
      dischargedAt: e.discharged_at,
      dischargeReason: e.discharge_reason,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      status: s.status,
      therapistId: s.therapist_id,
      episodeId: s.episode_id,
    })),
    goals: await Promise.all(
      goals.map(async (g) => ({
        id: g.id,
        text: await decrypt("goals.text", g.text_enc),
        status: g.status,
        createdAt: g.created_at,
      })),
    ),
    consents,
    responses,
    accessHistory: history.map((h) => ({
      at: h.at,
      actorId: h.actor_id,
      action: h.action,
      source: h.source,
    })),
  };
}

/** The export as a FHIR R4 collection Bundle, questionnaire responses included. */
export async function exportClientFhir(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<Record<string, unknown>> {
  const data = await exportClient(context, actor, clientId);
  const responses = await questionnaireResponses(
    context,
    actor.organisationId,
    data.responses,
  );
  return clientBundle(data, responses);
}

/** Tables holding a client's data, children first; the data key goes last. */
const CLIENT_TABLES = [
  "outbox", // queued email encrypted under the client's key, which is about to go
  "risk_evidence",
  "response_scorings",
  "responses",
  "break_glass",
  "consents",
  "goals",
  "sessions",
  "episodes",
  "client_shares",
] as const;

export async function eraseClient(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<void> {
  if (actor.role !== "admin")
    throw new AppError("forbidden", "only an administrator may erase a client");
  const org = actor.organisationId;
  const client = await context.db
    .selectFrom("clients")
    .select("id")
    .where("organisation_id", "=", org)
    .where("id", "=", clientId)
    .executeTakeFirst();
  if (!client) throw notFound("client");
  await inTransaction(context.db, async (trx) => {
    for (const table of CLIENT_TABLES)
      await trx
        .deleteFrom(table)
        .where("organisation_id", "=", org)
        .where("client_id", "=", clientId)
        .execute();
    await trx
      .deleteFrom("clients")
      .where("organisation_id", "=", org)
      .where("id", "=", clientId)
      .execute();
    await trx
      .deleteFrom("client_keys")
      .where("organisation_id", "=", org)
      .where("client_id", "=", clientId)
      .execute();
    await appendAudit(trx, {
      organisationId: org,
      actorId: actor.memberId,
      clientId,
      action: "client.erase",
      source: actor.source,
      at: isoNow(context),
    });
  });
  // Other servers drop the key within KEY_CACHE_SECONDS (clientKeys.ts).
  context.cipher.forget(clientId);
  context.submissions.forget(clientId);
  if (!truncateSqliteLog(context.database))
    context.log?.warn(
      { clientId },
      "erasure: the SQLite log was busy, so it still holds older page images until overwritten",
    );
}
