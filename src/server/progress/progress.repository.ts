// The client progress view's settings and personal link, one row per client.
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import type { ProgressViewTable } from "../db/checkinsSchema.js";

const progressView = preparedQuery(
  (db, a: { organisationId: string; clientId: string }) =>
    db
      .selectFrom("progress_views")
      .selectAll()
      .where("organisation_id", "=", a.organisationId)
      .where("client_id", "=", a.clientId),
);

export async function findProgressView(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<ProgressViewTable | undefined> {
  return (await progressView(db, { organisationId, clientId })).rows[0];
}

export async function findProgressViewByToken(
  db: Db,
  tokenHash: string,
): Promise<ProgressViewTable | undefined> {
  return db
    .selectFrom("progress_views")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function saveProgressView(
  db: Db,
  row: ProgressViewTable,
): Promise<void> {
  await db
    .insertInto("progress_views")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["organisation_id", "client_id"]).doUpdateSet({
        enabled: row.enabled,
        show_alliance: row.show_alliance,
        token_hash: row.token_hash,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
