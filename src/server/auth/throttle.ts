// Sign-in throttling per account: after MAX_FAILURES failures within WINDOW the email is locked
// for LOCK. Keyed by a hash of the email as typed, so unknown emails behave exactly like known
// ones (no enumeration). Per-address limits are set on the route (rate-limit plugin).
import crypto from "node:crypto";
import type { Db } from "../db/database.js";

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000; // 15 min
const LOCK_MS = 15 * 60_000; // 15 min

function keyOf(email: string): string {
  return crypto
    .createHash("sha256")
    .update(`login:${email.trim().toLowerCase()}`)
    .digest("hex");
}

/** Seconds until the email may try again, or 0. */
export async function lockedFor(
  db: Db,
  email: string,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom("login_throttle")
    .selectAll()
    .where("key_hash", "=", keyOf(email))
    .executeTakeFirst();
  if (!row?.locked_until) return 0;
  return Math.max(
    0,
    Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 1000),
  );
}

/** Records a failure; returns the lock in seconds when this failure triggers one, else 0. */
export async function recordFailure(
  db: Db,
  email: string,
  now: Date,
): Promise<number> {
  const key = keyOf(email);
  const row = await db
    .selectFrom("login_throttle")
    .selectAll()
    .where("key_hash", "=", key)
    .executeTakeFirst();
  const fresh =
    !row ||
    now.getTime() - new Date(row.first_failure_at).getTime() > WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const lockedUntil =
    failures >= MAX_FAILURES
      ? new Date(now.getTime() + LOCK_MS).toISOString()
      : null;
  const values = {
    failures,
    first_failure_at: fresh ? now.toISOString() : row.first_failure_at,
    locked_until: lockedUntil,
  };
  if (row)
    await db
      .updateTable("login_throttle")
      .set(values)
      .where("key_hash", "=", key)
      .execute();
  else
    await db
      .insertInto("login_throttle")
      .values({ key_hash: key, ...values })
      .execute();
  return lockedUntil ? LOCK_MS / 1000 : 0;
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db
    .deleteFrom("login_throttle")
    .where("key_hash", "=", keyOf(email))
    .execute();
}
