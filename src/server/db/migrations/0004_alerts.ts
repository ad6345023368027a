// Alerts (signals a therapist must not miss, with a lifecycle) and scheduled-job leases.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("alerts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("severity_rank", "integer", (c) => c.notNull()) // 0 critical … 3 low, for ordering
    .addColumn("cause_key", "text", (c) => c.notNull())
    .addColumn("instrument_id", "text")
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull()) // JSON
    .addColumn("signal_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // open | acknowledged | resolved
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("acknowledged_by", "text")
    .addColumn("acknowledged_at", "text")
    .addColumn("note_enc", "text") // the acknowledging note, under the client's key
    .addColumn("resolved_by", "text")
    .addColumn("resolved_at", "text")
    .addColumn("escalated_at", "text")
    .execute();
  // One unresolved alert per cause, enforced by the database as well as the code.
  await sql`create unique index alerts_one_per_cause on alerts (organisation_id, client_id, cause_key) where status <> 'resolved'`.execute(
    db,
  );
  await db.schema
    .createIndex("alerts_queue")
    .on("alerts")
    .columns(["organisation_id", "status", "severity_rank", "created_at"])
    .execute();

  await db.schema
    .createTable("job_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text")
    .addColumn("lease_until", "text")
    .addColumn("last_run_at", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("job_leases").execute();
  await db.schema.dropTable("alerts").execute();
}
