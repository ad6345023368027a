// Session transcripts: the uploaded file and its analysis, both encrypted under the client's key
// (they hold what was said); the numeric session profile in clear for aggregate reporting.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("transcripts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("session_id", "text", (c) =>
      c.notNull().references("sessions.id").onDelete("cascade"),
    )
    .addColumn("format", "text", (c) => c.notNull()) // vtt | srt | text | json
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("text_enc", "text", (c) => c.notNull()) // the file as uploaded (UTF-8)
    .addColumn("therapist_speaker_enc", "text") // the given therapist speaker name, if any
    .addColumn("status", "text", (c) => c.notNull()) // queued | analysing | done | failed
    .addColumn("error", "text") // a code and line number only, never transcript text
    .addColumn("analysis_enc", "text") // the analysis document, gzipped (storedAnalysis.ts)
    .addColumn("profile", "text") // JSON: counts and rates only, no text
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lease_until", "text") // while analysing: when another worker may take it over
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("analysed_at", "text")
    .execute();
  await db.schema
    .createIndex("transcripts_by_client")
    .on("transcripts")
    .columns(["organisation_id", "client_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("transcripts_queue")
    .on("transcripts")
    .columns(["status", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("transcripts").execute();
}
