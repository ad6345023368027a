// Session transcripts: upload (needs write access and the client's transcript-analysis consent),
// list, read and delete; every read and write is audited. Analysis happens in TranscriptQueue.
import {
  ESTIMATE_LABEL,
  type AnalysisDocument,
} from "../../core/transcripts/index.js";
import type { Actor } from "../auth/actor.js";
import { loadClientFor } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import { requireConsent } from "../consents/consents.service.js";
import type { AppContext } from "../context.js";
import type { SealedField } from "../crypto/envelope.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { TranscriptTable } from "../db/transcriptsSchema.js";
import { AppError, notFound } from "../errors.js";
import { findSession } from "../sessions/sessions.repository.js";
import { openAnalysis } from "./storedAnalysis.js";
import type { UploadedTranscript } from "./transcriptUpload.js";
import {
  deleteTranscriptRow,
  findTranscript,
  insertTranscript,
  listTranscriptRows,
  type TranscriptSummaryRow,
} from "./transcripts.repository.js";
import { summaryView, type TranscriptSummary } from "./transcriptView.js";

/** Refuses an upload before its body is read: write access, a session of the client, consent. */
export async function checkUpload(
  context: AppContext,
  actor: Actor,
  clientId: string,
  sessionId: string,
): Promise<void> {
  await loadClientFor(context, actor, clientId, "write");
  if (
    !(await findSession(context.db, actor.organisationId, clientId, sessionId))
  )
    throw notFound("session");
  await requireConsent(
    context.db,
    actor.organisationId,
    clientId,
    "transcript-analysis",
  );
}

function checkTherapist(upload: UploadedTranscript, therapist?: string): void {
  if (therapist === undefined) return;
  const wanted = therapist.trim().toLowerCase();
  if (upload.speakers.some((s) => s.trim().toLowerCase() === wanted)) return;
  throw new AppError(
    "validation",
    `no speaker named "${therapist}"; the speakers are: ${upload.speakers.join(", ")}`,
    { speakers: upload.speakers },
  );
}

export async function uploadTranscript(
  context: AppContext,
  actor: Actor,
  ids: { clientId: string; sessionId: string },
  upload: UploadedTranscript,
  therapist?: string,
): Promise<{ id: string; status: "queued" }> {
  await checkUpload(context, actor, ids.clientId, ids.sessionId);
  checkTherapist(upload, therapist);
  const encrypt = (field: SealedField, text: string) =>
    context.cipher.encrypt(
      context.db,
      actor.organisationId,
      ids.clientId,
      field,
      text,
    );
  const at = isoNow(context);
  const row: TranscriptTable = {
    id: newId(at),
    organisation_id: actor.organisationId,
    client_id: ids.clientId,
    session_id: ids.sessionId,
    format: upload.format,
    byte_size: upload.bytes,
    text_enc: await encrypt("transcripts.text", upload.text),
    therapist_speaker_enc:
      therapist === undefined
        ? null
        : await encrypt("transcripts.therapist_speaker", therapist),
    status: "queued",
    error: null,
    analysis_enc: null,
    profile: null,
    attempts: 0,
    lease_until: null,
    created_by: actor.memberId,
    created_at: at,
    analysed_at: null,
  };
  await inTransaction(context.db, async (trx) => {
    await insertTranscript(trx, row);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: ids.clientId,
      action: "transcript.upload",
      source: actor.source,
      at,
    });
  });
  return { id: row.id, status: "queued" };
}

export async function listTranscripts(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<TranscriptSummary[]> {
  await loadClientFor(context, actor, clientId, "read");
  const rows = await listTranscriptRows(
    context.db,
    actor.organisationId,
    clientId,
  );
  await audit(context, actor, clientId, "transcript.list");
  return rows.map(summaryView);
}

/** A transcript the actor may access in the mode, or not found (no existence leak). */
async function loadTranscriptFor(
  context: AppContext,
  actor: Actor,
  id: string,
  mode: "read" | "write",
): Promise<TranscriptTable> {
  const row = await findTranscript(context.db, actor.organisationId, id);
  if (!row) throw notFound("transcript");
  try {
    await loadClientFor(context, actor, row.client_id, mode);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      throw notFound("transcript");
    throw error;
  }
  return row;
}

export async function getTranscript(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<TranscriptSummary & { analysis: AnalysisDocument | null }> {
  const row = await loadTranscriptFor(context, actor, id, "read");
  const opened =
    row.analysis_enc === null
      ? null
      : await openAnalysis(context.cipher, context.db, row, row.analysis_enc);
  // Stored analyses from before the label existed are labelled on the way out too.
  const analysis = opened && {
    ...opened,
    profile: { ...opened.profile, label: ESTIMATE_LABEL },
  };
  await audit(context, actor, row.client_id, "transcript.read");
  return { ...summaryView(row), analysis };
}

export async function deleteTranscript(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<void> {
  const row: TranscriptSummaryRow = await loadTranscriptFor(
    context,
    actor,
    id,
    "write",
  );
  await inTransaction(context.db, async (trx) => {
    await deleteTranscriptRow(trx, actor.organisationId, row.id);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: row.client_id,
      action: "transcript.delete",
      source: actor.source,
      at: isoNow(context),
    });
  });
}
