// Queued research exports for administrators: requested over the API, built in the background,
// downloaded once and then deleted. The per-export secret is returned with the request and kept
// only in this process's memory until the build ends; it is never written anywhere.
import type { Actor } from "../auth/actor.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import {
  decryptText,
  derivePurposeKey,
  encryptText,
} from "../crypto/envelope.js";
import { checkK, DEFAULT_K } from "../../core/research/kAnonymity.js";
import { AppError, notFound } from "../errors.js";
import { newId } from "../ids.js";
import { requireAdmin } from "../members/members.service.js";
import {
  buildResearchExport,
  newExportSecret,
  type ResearchExport,
  type ResearchExportOptions,
} from "./researchExport.service.js";

const FIELD = "research_exports.result";

function resultKey(context: AppContext): Buffer {
  return derivePurposeKey(context.cipher.master, "research exports");
}

async function build(
  context: AppContext,
  id: string,
  organisationId: string,
  options: ResearchExportOptions,
): Promise<void> {
  let status: "ready" | "failed" = "failed";
  let result: string | null = null;
  try {
    const built = await buildResearchExport(context, organisationId, options);
    const body = {
      files: built.files,
      clients: built.clients,
      leftOut: built.leftOut,
    };
    result = encryptText(resultKey(context), id, FIELD, JSON.stringify(body));
    status = "ready";
  } catch (error) {
    context.log?.error({ err: error, exportId: id }, "research export failed");
  }
  await context.db
    .updateTable("research_exports")
    .set({ status, result_enc: result, completed_at: isoNow(context) })
    .where("id", "=", id)
    .execute();
}

export interface QueuedExport {
  id: string;
  status: "queued" | "ready" | "failed";
  /** Shown once, in the answer to the request; null with the stable secret. */
  secret?: string | null;
}

export async function requestResearchExport(
  context: AppContext,
  actor: Actor,
  options: Omit<ResearchExportOptions, "secret">,
): Promise<QueuedExport> {
  requireAdmin(actor);
  checkK(options.k ?? DEFAULT_K);
  const at = isoNow(context);
  const id = newId(at);
  await inTransaction(context.db, async (trx) => {
    await trx
      .insertInto("research_exports")
      .values({
        id,
        organisation_id: actor.organisationId,
        requested_by: actor.memberId,
        requested_at: at,
        status: "queued",
        result_enc: null,
        completed_at: null,
      })
      .execute();
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: null,
      action: "research.export.request",
      source: actor.source,
      at,
    });
  });
  const secret = options.stableSecret ? undefined : newExportSecret();
  setImmediate(() => {
    build(context, id, actor.organisationId, {
      ...options,
      ...(secret ? { secret } : {}),
    }).catch((error: unknown) =>
      context.log?.error({ err: error }, "research export not recorded"),
    );
  });
  return {
    id,
    status: "queued",
    secret: secret ? secret.toString("base64url") : null,
  };
}

async function findExport(context: AppContext, actor: Actor, id: string) {
  requireAdmin(actor);
  const row = await context.db
    .selectFrom("research_exports")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("research export");
  return row;
}

export async function researchExportStatus(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<QueuedExport> {
  const row = await findExport(context, actor, id);
  return { id: row.id, status: row.status };
}

/** Opens a finished export's files; null when it failed or its key is gone (a rotated data key). */
function openResult(
  context: AppContext,
  row: { id: string; status: string; result_enc: string | null },
): Omit<ResearchExport, "secret"> | null {
  if (row.status !== "ready" || !row.result_enc) return null;
  try {
    return JSON.parse(
      decryptText(resultKey(context), row.result_enc, FIELD),
    ) as Omit<ResearchExport, "secret">;
  } catch {
    return null;
  }
}

/** The files, once: the row is deleted, with the download's audit entry, before they are sent. */
export async function downloadResearchExport(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<Omit<ResearchExport, "secret">> {
  const row = await findExport(context, actor, id);
  if (row.status === "queued")
    throw new AppError("conflict", "the research export is still being built");
  const result = openResult(context, row);
  await inTransaction(context.db, async (trx) => {
    const deleted = await trx
      .deleteFrom("research_exports")
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", id)
      .executeTakeFirst();
    // A concurrent download took it first.
    if (Number(deleted.numDeletedRows) !== 1) throw notFound("research export");
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: null,
      action: "research.export.download",
      source: actor.source,
      at: isoNow(context),
    });
  });
  if (!result)
    throw new AppError(
      "conflict",
      "the research export failed; request another",
    );
  return result;
}
