// Client check-ins: links (hashed tokens), resumable drafts, idempotent submissions, the email
// outbox, unsubscribes and the client progress view.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("checkins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("session_id", "text")
    .addColumn("instruments", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .addColumn("feedback_enc", "text")
    .addColumn("email_enc", "text")
    .addColumn("last_sent_at", "text")
    .addColumn("reminders_sent", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("checkins_by_client")
    .on("checkins")
    .columns(["organisation_id", "client_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("checkins_open")
    .on("checkins")
    .columns(["status", "expires_at"])
    .execute();

  await db.schema
    .createTable("checkin_links")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("checkin_id", "text", (c) =>
      c.notNull().references("checkins.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("checkin_drafts")
    .addColumn("checkin_id", "text", (c) =>
      c.primaryKey().references("checkins.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("answers_enc", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // One submission per check-in: a double tap, refresh or retry finds the stored one.
  await db.schema
    .createTable("checkin_submissions")
    .addColumn("checkin_id", "text", (c) =>
      c.primaryKey().references("checkins.id").onDelete("cascade"),
    )
    .addColumn("submission_id", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("response_ids", "text", (c) => c.notNull())
    .addColumn("risk", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("outbox_due")
    .on("outbox")
    .columns(["status", "next_attempt_at"])
    .execute();

  await db.schema
    .createTable("checkin_unsubscribes")
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("checkin_unsubscribes_pk", [
      "organisation_id",
      "client_id",
    ])
    .execute();

  await db.schema
    .createTable("progress_views")
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("show_alliance", "integer", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("progress_views_pk", [
      "organisation_id",
      "client_id",
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "progress_views",
    "checkin_unsubscribes",
    "outbox",
    "checkin_submissions",
    "checkin_drafts",
    "checkin_links",
    "checkins",
  ])
    await db.schema.dropTable(table).execute();
}
