// A database lease per job, so a scheduled job runs on one app server at a time: a server may
// run the job only while it holds an unexpired lease, which it takes with a conditional update.
import type { Db } from "../db/database.js";

export async function acquireLease(
  db: Db,
  name: string,
  holder: string,
  now: Date,
  seconds: number,
): Promise<boolean> {
  const until = new Date(now.getTime() + seconds * 1000).toISOString();
  const at = now.toISOString();
  await db
    .insertInto("job_leases")
    .values({ name, holder: null, lease_until: null, last_run_at: null })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const taken = await db
    .updateTable("job_leases")
    .set({ holder, lease_until: until })
    .where("name", "=", name)
    .where((eb) =>
      eb.or([
        eb("lease_until", "is", null),
        eb("lease_until", "<", at),
        eb("holder", "=", holder),
      ]),
    )
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

export async function finishLease(
  db: Db,
  name: string,
  holder: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("job_leases")
    .set({ lease_until: null, last_run_at: now.toISOString() })
    .where("name", "=", name)
    .where("holder", "=", holder)
    .execute();
}

export async function lastRun(db: Db, name: string): Promise<string | null> {
  const row = await db
    .selectFrom("job_leases")
    .select("last_run_at")
    .where("name", "=", name)
    .executeTakeFirst();
  return row?.last_run_at ?? null;
}
