// Application-generated, time-ordered ids (UUIDv7), so keyset pagination follows creation. The
// time in an id is the application clock's, passed in by the caller (never the machine's own).
import crypto from "node:crypto";
import { v7 as uuidv7 } from "uuid";

// uuid draws 16 bytes from the CSPRNG for every id, a call that cost a check-in submission a
// couple of percent of its CPU; ids take their random bytes from a pool refilled 512 ids at a time.
const pool = Buffer.alloc(16 * 512);
let poolOffset = pool.length;
// Per process, so ids stay strictly increasing even when a fake clock steps backwards.
const v7State = { msecs: -Infinity, seq: 0 };

function randomBytes16(): Uint8Array {
  if (poolOffset === pool.length) {
    crypto.randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return pool.subarray(poolOffset - 16, poolOffset);
}

/** A new id stamped with `at`, the time of the row it names (a Date or an ISO string). */
export function newId(at: Date | string): string {
  const random = randomBytes16();
  const now = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(now))
    throw new Error(`newId: invalid time ${String(at)}`);
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
