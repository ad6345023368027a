// What every feature receives: no ambient globals for db, clock or keys.
import crypto from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { v7 as uuidv7 } from "uuid";
import type { AuditBatcher } from "./audit/auditBatcher.js";
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
  clock: () => Date;
  log?: FastifyBaseLogger;
}

// uuid draws 16 bytes from the CSPRNG for every id, a call that cost a check-in submission a
// couple of percent of its CPU; ids take their random bytes from a pool refilled 512 ids at a time.
const pool = Buffer.alloc(16 * 512);
let poolOffset = pool.length;
const v7State = { msecs: -Infinity, seq: 0 };

function randomBytes16(): Uint8Array {
  if (poolOffset === pool.length) {
    crypto.randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return pool.subarray(poolOffset - 16, poolOffset);
}

/** Application-generated, time-ordered ids (UUIDv7), so keyset pagination follows creation. */
export function newId(): string {
  const random = randomBytes16();
  const now = Date.now();
  // uuid's own monotonic rule, which it applies only when it draws the random bytes itself: a
  // 31-bit counter seeded at random each millisecond, carried into the next if it overflows.
  if (now > v7State.msecs) {
    v7State.msecs = now;
    v7State.seq =
      (((random[6] ?? 0) & 0x7f) << 24) |
      ((random[7] ?? 0) << 16) |
      ((random[8] ?? 0) << 8) |
      (random[9] ?? 0);
  } else {
    v7State.seq = (v7State.seq + 1) | 0;
    if (v7State.seq === 0) v7State.msecs++;
  }
  return uuidv7({ random, msecs: v7State.msecs, seq: v7State.seq });
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
