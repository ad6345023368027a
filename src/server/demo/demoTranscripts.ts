// The demo transcripts, analysed at seed time (two short sessions: milliseconds once the models
// are loaded), on the latest attended session of two of therapist1's featured clients.
import { DEMO_TRANSCRIPTS } from "../../core/fixtures/demoTranscripts.js";
import type { AppContext } from "../context.js";
import type { SealedField } from "../crypto/envelope.js";
import { isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import { runAnalysis } from "../transcripts/runAnalysis.js";
import { sealAnalysis } from "../transcripts/storedAnalysis.js";
import { bundledTranscriptModels } from "../transcripts/transcriptModels.js";
import { insertTranscript } from "../transcripts/transcripts.repository.js";

export async function seedDemoTranscripts(
  context: AppContext,
  trx: Db,
  organisationId: string,
  therapistId: string,
): Promise<void> {
  const models = await bundledTranscriptModels();
  const at = isoNow(context);
  for (const demo of DEMO_TRANSCRIPTS) {
    const client = await trx
      .selectFrom("clients")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("therapist_id", "=", therapistId)
      .where("name_index", "=", context.cipher.index(demo.clientName))
      .executeTakeFirst();
    if (!client) continue;
    const session = await trx
      .selectFrom("sessions")
      .select(["id", "starts_at"])
      .where("organisation_id", "=", organisationId)
      .where("client_id", "=", client.id)
      .where("status", "=", "attended")
      .orderBy("starts_at", "desc")
      .executeTakeFirst();
    if (!session) continue;
    const outcome = runAnalysis(demo, models);
    if (!outcome.ok) throw new Error(`demo transcript: ${outcome.error}`);
    const encrypt = (field: SealedField, text: string) =>
      context.cipher.encrypt(trx, organisationId, client.id, field, text);
    await trx
      .insertInto("consents")
      .values({
        id: newId(at),
        organisation_id: organisationId,
        client_id: client.id,
        kind: "transcript-analysis",
        granted: 1,
        recorded_by: therapistId,
        recorded_at: session.starts_at,
      })
      .execute();
    await insertTranscript(trx, {
      id: newId(at),
      organisation_id: organisationId,
      client_id: client.id,
      session_id: session.id,
      format: demo.format,
      byte_size: Buffer.byteLength(demo.text),
      text_enc: await encrypt("transcripts.text", demo.text),
      therapist_speaker_enc: await encrypt(
        "transcripts.therapist_speaker",
        demo.therapist,
      ),
      status: "done",
      error: null,
      analysis_enc: await sealAnalysis(
        context.cipher,
        trx,
        { organisation_id: organisationId, client_id: client.id },
        outcome.document,
      ),
      profile: JSON.stringify(outcome.profile),
      attempts: 1,
      lease_until: null,
      created_by: therapistId,
      created_at: at,
      analysed_at: at,
    });
  }
}
