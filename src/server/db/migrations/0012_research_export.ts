// Research export (issue 17): optional age band and gender on the client record (under the
// client's key, like the name), and queued exports waiting for their one download.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ["age_band_enc", "gender_enc"])
    await db.schema.alterTable("clients").addColumn(column, "text").execute();
  await db.schema
    .createTable("research_exports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // queued | ready | failed
    .addColumn("result_enc", "text") // the files, under a key derived from the master key
    .addColumn("completed_at", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("research_exports").execute();
  for (const column of ["age_band_enc", "gender_enc"])
    await db.schema.alterTable("clients").dropColumn(column).execute();
}
