// What every feature receives: no ambient globals for db, clock or keys.
import type { FastifyBaseLogger } from "fastify";
import type { AuditBatcher } from "./audit/auditBatcher.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { ClientCipher } from "./crypto/clientKeys.js";
import type { Db, OpenedDatabase } from "./db/database.js";
import type { SubmissionWriter } from "./checkins/submissionWriter.js";
import type { Mailer } from "./mail/mailer.js";

export interface AppContext {
  config: Config;
  database: OpenedDatabase;
  db: Db;
  cipher: ClientCipher;
  /** Group-committed audit appends for reads; writes audit inside their own transaction. */
  auditReads: AuditBatcher;
  /** Group-committed check-in submissions: many share one transaction (one fsync). */
  submissions: SubmissionWriter;
  mailer: Mailer;
  /** The one source of time: never the machine's clock directly (see clock.ts). */
  clock: Clock;
  log?: FastifyBaseLogger;
}

export function isoNow(context: Pick<AppContext, "clock">): string {
  return context.clock().toISOString();
}

/** Runs fn in the caller's transaction, or in a new one. */
export async function inTransaction<T>(
  db: Db,
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
