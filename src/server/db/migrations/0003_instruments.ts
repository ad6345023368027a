// Instruments: packs installed per organisation (every version kept, since a stored response
// keeps the version it was scored with), stored responses, and the history of re-scorings.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Bundled packs need no row; an installed pack is the pack's JSON as uploaded.
  await db.schema
    .createTable("instrument_packs")
    .addColumn("organisation_id", "text", (c) =>
      c.notNull().references("organisations.id"),
    )
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("pack", "text", (c) => c.notNull()) // JSON
    .addColumn("installed_by", "text") // member id, or null from the command line
    .addColumn("installed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("instrument_packs_pk", [
      "organisation_id",
      "instrument_id",
      "version",
    ])
    .execute();

  await db.schema
    .createTable("responses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("episode_id", "text", (c) =>
      c.references("episodes.id").onDelete("set null"),
    )
    .addColumn("session_id", "text", (c) =>
      c.references("sessions.id").onDelete("set null"),
    )
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("answers_enc", "text", (c) => c.notNull()) // under the client's data key
    .addColumn("total", "double precision")
    .addColumn("band", "text")
    .addColumn("valid", "integer", (c) => c.notNull())
    .addColumn("subscales", "text", (c) => c.notNull()) // JSON
    .addColumn("risk_items", "text", (c) => c.notNull()) // JSON
    .addColumn("result", "text", (c) => c.notNull()) // JSON: the full ScoreResult
    .addColumn("scored_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text") // member id; null for a client's own check-in
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("responses_client_timeline")
    .on("responses")
    .columns(["organisation_id", "client_id", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("responses_instrument_report")
    .on("responses")
    .columns(["organisation_id", "instrument_id", "submitted_at"])
    .execute();

  // One row per superseded scoring: a re-score moves the response's scoring here first.
  await db.schema
    .createTable("response_scorings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("response_id", "text", (c) =>
      c.notNull().references("responses.id").onDelete("cascade"),
    )
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("total", "double precision")
    .addColumn("band", "text")
    .addColumn("valid", "integer", (c) => c.notNull())
    .addColumn("subscales", "text", (c) => c.notNull())
    .addColumn("risk_items", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("scored_at", "text", (c) => c.notNull())
    .addColumn("replaced_at", "text", (c) => c.notNull())
    .addColumn("replaced_by", "text")
    .execute();
  await db.schema
    .createIndex("response_scorings_response")
    .on("response_scorings")
    .columns(["organisation_id", "response_id"])
    .execute();
  await db.schema
    .createIndex("response_scorings_client")
    .on("response_scorings")
    .columns(["organisation_id", "client_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["response_scorings", "responses", "instrument_packs"])
    await db.schema.dropTable(table).execute();
}
