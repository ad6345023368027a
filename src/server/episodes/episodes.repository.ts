// Episode rows, scoped by organisation.
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import type { EpisodeTable } from "../db/schema.js";

export async function insertEpisode(db: Db, row: EpisodeTable): Promise<void> {
  await db.insertInto("episodes").values(row).execute();
}

const clientEpisodes = preparedQuery(
  (db, a: { organisationId: string; clientId: string }) =>
    db
      .selectFrom("episodes")
      .selectAll()
      .where("organisation_id", "=", a.organisationId)
      .where("client_id", "=", a.clientId)
      .orderBy("opened_at"),
);

/** A client's episodes, oldest first; read twice by every response stored, so prepared once. */
export async function listEpisodeRows(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<EpisodeTable[]> {
  return (await clientEpisodes(db, { organisationId, clientId })).rows;
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

/** The episodes of some clients, oldest first. */
export async function episodesOf(
  db: Db,
  organisationId: string,
  clientIds: readonly string[],
): Promise<EpisodeTable[]> {
  if (clientIds.length === 0) return [];
  return db
    .selectFrom("episodes")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("client_id", "in", [...clientIds])
    .orderBy("opened_at")
    .execute();
}
