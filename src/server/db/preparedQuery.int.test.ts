// Prepared queries on both dialects: compiled once, they run with each call's values, inside
// and outside a transaction (on SQLite directly on the connection, unless another caller's
// transaction holds it), and refuse an argument Kysely would not pass through as a parameter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../../../test/support/dialects.js";
import type { Db } from "./database.js";
import { preparedQuery } from "./preparedQuery.js";

const insertLease = preparedQuery(
  (db, a: { name: string; holder: string | null }) =>
    db.insertInto("job_leases").values({
      name: a.name,
      holder: a.holder,
      lease_until: null,
      last_run_at: null,
    }),
);
const leasesLike = preparedQuery((db, a: { pattern: string; limit: number }) =>
  db
    .selectFrom("job_leases")
    .select(["name", "holder"])
    .where("name", "like", a.pattern)
    .orderBy("name")
    .limit(a.limit),
);
const release = preparedQuery((db, a: { name: string }) =>
  db.updateTable("job_leases").set({ holder: null }).where("name", "=", a.name),
);

describe.each(DIALECTS)("prepared queries on %s", (dialect) => {
  let runtime: TestRuntime;
  let db: Db;

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    db = runtime.context.db;
  });
  afterAll(async () => {
    await runtime.dispose();
  });

  it("runs with each call's values, in and out of a transaction", async () => {
    await insertLease(db, { name: "pq-a", holder: "one" });
    await db
      .transaction()
      .execute((trx) => insertLease(trx, { name: "pq-b", holder: null }));
    expect((await leasesLike(db, { pattern: "pq-%", limit: 5 })).rows).toEqual([
      { name: "pq-a", holder: "one" },
      { name: "pq-b", holder: null },
    ]);
    expect((await leasesLike(db, { pattern: "pq-%", limit: 1 })).rows).toEqual([
      { name: "pq-a", holder: "one" },
    ]);
    const updated = await release(db, { name: "pq-a" });
    expect(Number(updated.numAffectedRows)).toBe(1);
    expect(Number((await release(db, { name: "none" })).numAffectedRows)).toBe(
      0,
    );
  });

  it("gives the same results inside a transaction as outside, and a rollback undoes its writes", async () => {
    await insertLease(db, { name: "tx-a", holder: "one" });
    const outside = {
      rows: (await leasesLike(db, { pattern: "tx-%", limit: 5 })).rows,
      updated: Number((await release(db, { name: "tx-a" })).numAffectedRows),
      missed: Number((await release(db, { name: "tx-none" })).numAffectedRows),
    };
    await insertLease(db, { name: "tx-b", holder: "two" });
    const inside = await db.transaction().execute(async (trx) => ({
      rows: (await leasesLike(trx, { pattern: "tx-%", limit: 1 })).rows,
      updated: Number((await release(trx, { name: "tx-b" })).numAffectedRows),
      missed: Number((await release(trx, { name: "tx-none" })).numAffectedRows),
    }));
    expect(outside).toEqual({
      rows: [{ name: "tx-a", holder: "one" }],
      updated: 1,
      missed: 0,
    });
    expect(inside).toEqual({
      rows: [{ name: "tx-a", holder: null }],
      updated: 1,
      missed: 0,
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await insertLease(trx, { name: "tx-c", holder: "three" });
        await release(trx, { name: "tx-a" });
        expect(
          (await leasesLike(trx, { pattern: "tx-c", limit: 1 })).rows,
        ).toEqual([{ name: "tx-c", holder: "three" }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await leasesLike(db, { pattern: "tx-%", limit: 5 })).rows).toEqual([
      { name: "tx-a", holder: null },
      { name: "tx-b", holder: null },
    ]);
  });

  it("outside a transaction, never sees another caller's uncommitted writes", async () => {
    let outside: ReturnType<typeof leasesLike> | undefined;
    let released: ReturnType<typeof release> | undefined;
    await expect(
      db.transaction().execute(async (trx) => {
        await insertLease(trx, { name: "dirty-a", holder: "one" });
        // While this transaction is open: a read and a write that are not part of it.
        outside = leasesLike(db, { pattern: "dirty-%", limit: 5 });
        released = release(db, { name: "dirty-a" });
        await Promise.resolve();
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await outside)?.rows).toEqual([]);
    expect(Number((await released)?.numAffectedRows)).toBe(0);
  });

  it("refuses a list, and an argument that does not become a parameter", async () => {
    const inList = preparedQuery((d, a: { names: string[] }) =>
      d.selectFrom("job_leases").select("name").where("name", "in", a.names),
    );
    await expect(inList(db, { names: ["x", "y"] })).rejects.toThrow(/list/);
    const unused = preparedQuery((d, a: { name: string; holder: string }) =>
      d.selectFrom("job_leases").select("name").where("name", "=", a.name),
    );
    await expect(unused(db, { name: "x", holder: "y" })).rejects.toThrow(
      /did not become parameters/,
    );
  });
});
