// Per-account throttling of secrets (passwords, second-factor codes): an attempt is counted
// before the secret is checked, in one atomic statement, so parallel attempts cannot all pass a
// check made before any of them failed. After MAX_FAILURES attempts within WINDOW the key is
// locked for LOCK; a success clears it. The count lives in the database, shared by every server.
// Sign-in is keyed by a hash of the email as typed, so unknown emails behave exactly like known
// ones (no enumeration). Per-address limits are set on the routes (rate-limit plugin).
import crypto from "node:crypto";
import type { Db } from "../db/database.js";

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000; // 15 min
const LOCK_MS = 15 * 60_000; // 15 min

/** What a throttle counts: sign-in per email as typed, second-factor codes per member. */
export type ThrottleKey =
  { kind: "login"; email: string } | { kind: "totp"; memberId: string };

function keyOf(key: ThrottleKey): string {
  const value =
    key.kind === "login" ? key.email.trim().toLowerCase() : key.memberId;
  return crypto
    .createHash("sha256")
    .update(`${key.kind}:${value}`)
    .digest("hex");
}

export interface Attempt {
  /** False when the key is locked: refuse without checking the secret. */
  allowed: boolean;
  /** Seconds until the lock ends when this attempt is refused, or fails and so locks the key. */
  retryAfter: number;
}

/**
 * Counts one attempt before its secret is checked. The MAX_FAILURES-th attempt in a window is
 * still checked, and locks the key unless it succeeds; later ones are refused unchecked.
 */
export async function countAttempt(
  db: Db,
  key: ThrottleKey,
  now: Date,
): Promise<Attempt> {
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const lockUntil = new Date(now.getTime() + LOCK_MS).toISOString();
  const row = await db
    .insertInto("login_throttle")
    .values({
      key_hash: keyOf(key),
      failures: 1,
      first_failure_at: at,
      locked_until: null,
    })
    .onConflict((conflict) =>
      conflict.column("key_hash").doUpdateSet((eb) => {
        const lockedUntil = eb.ref("login_throttle.locked_until");
        // A lock that has ended, or failures that have aged out, start a new count.
        const fresh = eb.or([
          eb.and([eb(lockedUntil, "is not", null), eb(lockedUntil, "<=", at)]),
          eb.and([
            eb(lockedUntil, "is", null),
            eb("login_throttle.first_failure_at", "<=", windowStart),
          ]),
        ]);
        const count = eb("login_throttle.failures", "+", 1);
        return {
          failures: eb.case().when(fresh).then(1).else(count).end(),
          first_failure_at: eb
            .case()
            .when(fresh)
            .then(at)
            .else(eb.ref("login_throttle.first_failure_at"))
            .end(),
          locked_until: eb
            .case()
            .when(fresh)
            .then(null)
            .when(
              eb.and([
                eb(lockedUntil, "is", null),
                eb(count, ">=", MAX_FAILURES),
              ]),
            )
            .then(lockUntil)
            .else(lockedUntil)
            .end(),
        };
      }),
    )
    .returning(["failures", "locked_until"])
    .executeTakeFirstOrThrow();
  const retryAfter = row.locked_until
    ? Math.max(
        1,
        Math.ceil(
          (new Date(row.locked_until).getTime() - now.getTime()) / 1000,
        ),
      )
    : 0;
  return { allowed: row.failures <= MAX_FAILURES, retryAfter };
}

/** After a success: the count starts again. */
export async function clearAttempts(db: Db, key: ThrottleKey): Promise<void> {
  await db
    .deleteFrom("login_throttle")
    .where("key_hash", "=", keyOf(key))
    .execute();
}
