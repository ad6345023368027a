// Serialising transactions that decide on a count they read (e.g. "fewer than 3 open links?").
import { PostgresAdapter, sql } from "kysely";
import type { Db } from "./database.js";

/**
 * Holds a lock on `key` until the caller's transaction ends, so transactions on the same key run
 * one after another: a PostgreSQL advisory lock (read committed lets two see the same count);
 * on SQLite every write transaction holds the database's single writer lock already.
 */
export async function lockUntilCommit(trx: Db, key: string): Promise<void> {
  if (!trx.isTransaction)
    throw new Error("lockUntilCommit needs a transaction");
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
