// Expected-trajectory models fitted to an organisation's own data (`rapport model fit`).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("trajectory_models")
    .addColumn("organisation_id", "text", (c) =>
      c.notNull().references("organisations.id"),
    )
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull()) // JSON TrajectoryModel
    .addColumn("n_clients", "integer", (c) => c.notNull())
    .addColumn("fitted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("trajectory_models_pk", [
      "organisation_id",
      "instrument_id",
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("trajectory_models").execute();
}
