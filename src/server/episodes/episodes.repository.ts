// Episode rows, scoped by organisation.
import type { Db } from "../db/database.js";
import type { EpisodeTable } from "../db/schema.js";

export async function insertEpisode(db: Db, row: EpisodeTable): Promise<void> {
  await db.insertInto("episodes").values(row).execute();
}

export async function listEpisodeRows(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<EpisodeTable[]> {
  return db
    .selectFrom("episodes")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .orderBy("opened_at")
    .execute();
}

export async function findEpisode(
  db: Db,
  organisationId: string,
  clientId: string,
  id: string,
): Promise<EpisodeTable | undefined> {
  return db
    .selectFrom("episodes")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function updateEpisode(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<EpisodeTable>,
): Promise<void> {
  await db
    .updateTable("episodes")
    .set(patch)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .execute();
}
