// Session (appointment) rows, scoped by organisation.
import type { Db } from "../db/database.js";
import type { SessionTable } from "../db/schema.js";

export async function insertSession(db: Db, row: SessionTable): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

export async function listSessionRows(
  db: Db,
  organisationId: string,
  clientId: string,
  page: { limit: number; cursor?: string },
): Promise<SessionTable[]> {
  let query = db
    .selectFrom("sessions")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId);
  if (page.cursor) query = query.where("id", ">", page.cursor);
  return query
    .orderBy("id")
    .limit(page.limit + 1)
    .execute();
}

export async function findSession(
  db: Db,
  organisationId: string,
  clientId: string,
  id: string,
): Promise<SessionTable | undefined> {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function updateSession(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<SessionTable>,
): Promise<void> {
  await db
    .updateTable("sessions")
    .set(patch)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .execute();
}

/** The attended sessions of some clients (for episode outcomes). */
export async function attendedSessionsOf(
  db: Db,
  organisationId: string,
  clientIds: readonly string[],
): Promise<Pick<SessionTable, "client_id" | "episode_id" | "starts_at">[]> {
  if (clientIds.length === 0) return [];
  return db
    .selectFrom("sessions")
    .select(["client_id", "episode_id", "starts_at"])
    .where("organisation_id", "=", organisationId)
    .where("client_id", "in", [...clientIds])
    .where("status", "=", "attended")
    .execute();
}
