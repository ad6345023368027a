// Group commit for check-in submissions, on both dialects: units queued together share one
// transaction, each caller gets its own result after the commit, and a failing unit neither
// takes the others down nor leaves anything of itself behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/server/db/database.js";
import { GroupCommit } from "../../src/server/db/groupCommit.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";

describe.each(DIALECTS)("group commit on %s", (dialect) => {
  let runtime: TestRuntime;
  let db: Db;

  const lease = (name: string) => async (trx: Db) => {
    await trx
      .insertInto("job_leases")
      .values({ name, holder: null, lease_until: null, last_run_at: null })
      .execute();
    return name;
  };
  const stored = async (prefix: string) =>
    (
      await db
        .selectFrom("job_leases")
        .select("name")
        .where("name", "like", `${prefix}%`)
        .orderBy("name")
        .execute()
    ).map((r) => r.name);

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    db = runtime.context.db;
  });
  afterAll(async () => {
    await runtime.dispose();
  });

  it("runs units queued together in one transaction and answers each with its own result", async () => {
    const group = new GroupCommit(db);
    const seen: Db[] = [];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        group.run(async (trx) => {
          seen.push(trx);
          return lease(`shared-${i}`)(trx);
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 6 }, (_, i) => `shared-${i}`));
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]?.isTransaction).toBe(true);
    expect(await stored("shared-")).toEqual(results);
  });

  it("keeps the other units when one fails, and nothing of the failing one", async () => {
    const group = new GroupCommit(db);
    const outcomes = await Promise.allSettled([
      group.run(lease("mixed-a")),
      group.run(async (trx) => {
        await lease("mixed-broken")(trx);
        throw new Error("refused");
      }),
      group.run(lease("mixed-c")),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(await stored("mixed-")).toEqual(["mixed-a", "mixed-c"]);
  });

  it("makes a gathered write once per transaction, before its commit, with every unit's items", async () => {
    const group = new GroupCommit(db);
    const writes: string[][] = [];
    let reads = 0;
    const unit = (name: string, fail = false) =>
      group.run(async (_trx, batch) => {
        await batch.once("shared", () => Promise.resolve(++reads));
        batch.gather("names", [name], async (inner, names) => {
          writes.push(names);
          for (const n of names) await lease(n)(inner);
        });
        if (fail) throw new Error("refused");
        return name;
      });
    const outcomes = await Promise.allSettled([
      unit("gathered-a"),
      unit("gathered-broken", true),
      unit("gathered-c"),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    // The shared attempt failed whole; each unit then ran alone with a batch of its own.
    expect(reads).toBe(1 + 3);
    expect(writes).toEqual([["gathered-a"], ["gathered-c"]]);
    expect(await stored("gathered-")).toEqual(["gathered-a", "gathered-c"]);
    writes.length = 0;
    await Promise.all([unit("gathered-d"), unit("gathered-e")]);
    expect(writes).toEqual([["gathered-d", "gathered-e"]]);
  });

  it("bounds a batch, and still commits everything queued", async () => {
    const group = new GroupCommit(db, 4);
    const transactions = new Set<Db>();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        group.run(async (trx) => {
          transactions.add(trx);
          return lease(`bounded-${String(i).padStart(2, "0")}`)(trx);
        }),
      ),
    );
    expect(transactions.size).toBe(3);
    expect(await stored("bounded-")).toHaveLength(10);
  });
});
