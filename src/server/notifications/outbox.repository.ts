// Outbox rows: queued in the transaction that decides to send, delivered after commit.
import type { Db } from "../db/database.js";
import type { OutboxTable } from "../db/checkinsSchema.js";

export async function insertOutbox(db: Db, row: OutboxTable): Promise<void> {
  await db.insertInto("outbox").values(row).execute();
}

export async function dueOutbox(
  db: Db,
  now: string,
  limit: number,
): Promise<OutboxTable[]> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
}

/** Takes a row for one delivery attempt; false when another server or call took it first. */
export async function claimOutbox(
  db: Db,
  row: OutboxTable,
  now: string,
  retryAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ attempts: row.attempts + 1, next_attempt_at: retryAt })
    .where("id", "=", row.id)
    .where("status", "=", "pending")
    .where("attempts", "=", row.attempts)
    .where("next_attempt_at", "<=", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishOutbox(
  db: Db,
  id: string,
  patch: Partial<OutboxTable>,
): Promise<void> {
  await db.updateTable("outbox").set(patch).where("id", "=", id).execute();
}

/**
 * Messages of these kinds queued since `since` that are still unsent after failing at least
 * `minAttempts` times (or that were given up on).
 */
export async function countFailingMail(
  db: Db,
  organisationId: string,
  kinds: readonly string[],
  since: string,
  minAttempts: number,
): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("kind", "in", [...kinds])
    .where("created_at", ">=", since)
    .where("status", "!=", "sent")
    .where("last_error", "is not", null)
    .where("attempts", ">=", minAttempts)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
