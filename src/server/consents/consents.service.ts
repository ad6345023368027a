// Consents per client: recorded with who and when; the latest record of a kind is in force.
import type { Actor } from "../auth/actor.js";
import { loadClientFor } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import type { ConsentKind } from "../db/schema.js";
import { AppError } from "../errors.js";

export const CONSENT_KINDS: readonly ConsentKind[] = [
  "routine-measurement",
  "transcript-analysis",
  "research-export",
  "aggregate-statistics",
];

const LABELS: Record<ConsentKind, string> = {
  "routine-measurement": "routine outcome and alliance measurement",
  "transcript-analysis": "analysis of session transcripts",
  "research-export": "de-identified research export",
  "aggregate-statistics": "inclusion in aggregate statistics",
};

export interface ConsentView {
  kind: ConsentKind;
  granted: boolean;
  recordedBy: string | null;
  recordedAt: string | null;
}

const clientConsents = preparedQuery(
  (db, a: { organisationId: string; clientId: string }) =>
    db
      .selectFrom("consents")
      .selectAll()
      .where("organisation_id", "=", a.organisationId)
      .where("client_id", "=", a.clientId)
      .orderBy("recorded_at")
      .orderBy("id"),
);

/** Read before every response is stored, so prepared once. */
export async function consentState(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<ConsentView[]> {
  const { rows } = await clientConsents(db, { organisationId, clientId });
  return CONSENT_KINDS.map((kind) => {
    const last = rows.filter((r) => r.kind === kind).at(-1);
    return {
      kind,
      granted: last?.granted === 1,
      recordedBy: last?.recorded_by ?? null,
      recordedAt: last?.recorded_at ?? null,
    };
  });
}

/** The clients of an organisation whose latest record of a consent kind grants it. */
export async function clientsConsenting(
  db: Db,
  organisationId: string,
  kind: ConsentKind,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom("consents")
    .select(["client_id", "granted"])
    .where("organisation_id", "=", organisationId)
    .where("kind", "=", kind)
    .orderBy("recorded_at")
    .orderBy("id")
    .execute();
  const latest = new Map(rows.map((r) => [r.client_id, r.granted === 1]));
  return new Set(
    [...latest].filter(([, granted]) => granted).map(([id]) => id),
  );
}

/** Refuses clearly when the client has not given the consent an action needs. */
export async function requireConsent(
  db: Db,
  organisationId: string,
  clientId: string,
  kind: ConsentKind,
): Promise<void> {
  const state = (await consentState(db, organisationId, clientId)).find(
    (c) => c.kind === kind,
  );
  if (!state?.granted)
    throw new AppError(
      "forbidden",
      `the client has not consented to ${LABELS[kind]}; record their consent first`,
      { consentRequired: kind },
    );
}

export async function listConsents(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<ConsentView[]> {
  await loadClientFor(context, actor, clientId, "read");
  await audit(context, actor, clientId, "consent.read");
  return consentState(context.db, actor.organisationId, clientId);
}

export async function recordConsent(
  context: AppContext,
  actor: Actor,
  clientId: string,
  kind: ConsentKind,
  granted: boolean,
): Promise<ConsentView[]> {
  await loadClientFor(context, actor, clientId, "write");
  const at = isoNow(context);
  await inTransaction(context.db, async (trx) => {
    await trx
      .insertInto("consents")
      .values({
        id: newId(at),
        organisation_id: actor.organisationId,
        client_id: clientId,
        kind,
        granted: granted ? 1 : 0,
        recorded_by: actor.memberId,
        recorded_at: at,
      })
      .execute();
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId,
      action: `consent.${granted ? "grant" : "withdraw"}.${kind}`,
      source: actor.source,
      at,
    });
  });
  return consentState(context.db, actor.organisationId, clientId);
}
