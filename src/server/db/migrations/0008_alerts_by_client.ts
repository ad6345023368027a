// Alert evaluation reads all of one client's alerts (open and resolved) on every response; without
// this index that read scanned every alert of the organisation.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("alerts_client")
    .on("alerts")
    .columns(["organisation_id", "client_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("alerts_client").execute();
}
