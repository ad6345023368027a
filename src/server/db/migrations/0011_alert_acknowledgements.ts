// What was done about an alert (issue 14, point 5): one row per acknowledgement, with the action
// chosen from the kind's list (src/core/signals/acknowledgement.ts), who, when and an encrypted
// note. The alert row keeps its status and acknowledged_by/at for the caseload and escalation.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("alert_acknowledgements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("alert_id", "text", (c) =>
      c.notNull().references("alerts.id").onDelete("cascade"),
    )
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("note_enc", "text") // under the client's key, like every other client text
    .addColumn("acknowledged_by", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("alert_acknowledgements_alert")
    .on("alert_acknowledgements")
    .columns(["organisation_id", "alert_id", "acknowledged_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("alert_acknowledgements").execute();
}
