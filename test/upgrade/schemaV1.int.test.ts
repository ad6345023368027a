// Upgrades start from the schema fixture (test/fixtures/schema-v1: the v1 migrations with the demo,
// dumped by scripts/schema-fixture.ts): it loads on both dialects, the current migrations bring it
// to the latest schema, and every record is still there and readable with its key.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../src/server/audit/audit.repository.js";
import { readAnchor } from "../../src/server/audit/auditAnchor.js";
import { GENESIS_HASH, legacyHash } from "../../src/server/audit/auditChain.js";
import { migrateToLatest } from "../../src/server/db/database.js";
import type { Database } from "../../src/server/db/schema.js";
import { FIXTURE } from "../fixtures/schema-v1/fixture.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";

const DIR = path.join(import.meta.dirname, "../fixtures/schema-v1");
const load = {
  sqlite: fs.readFileSync(path.join(DIR, "sqlite.sql"), "utf8"),
  postgres: fs.readFileSync(path.join(DIR, "postgres.sql"), "utf8"),
};

/** Rows per table in the fixture, counted from its INSERT statements. */
function fixtureCounts(sql: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, table] of sql.matchAll(/^INSERT INTO "?(?:\w+\.)?(\w+)"? /gm))
    if (table) counts.set(table, (counts.get(table) ?? 0) + 1);
  return counts;
}

for (const dialect of DIALECTS) {
  describe(`schema-v1 fixture on ${dialect}`, () => {
    let runtime: TestRuntime;
    beforeAll(async () => {
      runtime = await testRuntime(dialect, {
        load,
        env: { RAPPORT_DATA_KEY: FIXTURE.dataKey },
      });
    });
    afterAll(() => runtime.dispose());

    it("migrates to the latest schema with every record intact", async () => {
      const { db } = runtime.context;
      const applied = (
        await db
          .selectFrom("kysely_migration" as keyof Database)
          .select("name" as never)
          .execute()
      ).map((r) => (r as { name: string }).name);
      expect(applied.slice(0, FIXTURE.migrations.length)).toEqual([
        ...FIXTURE.migrations,
      ]);
      expect(await migrateToLatest(db)).toEqual([]);

      // Risk answers stored before per-answer evidence (0010) count as seen: no alert storm.
      const risky = await db
        .selectFrom("responses")
        .select("risk_items")
        .where("risk_items", "<>", "[]")
        .execute();
      const hits = risky.flatMap((r) => JSON.parse(r.risk_items) as unknown[]);
      expect(hits.length).toBeGreaterThan(0);
      const seen = await db
        .selectFrom("risk_evidence")
        .select("id")
        .where("alert_id", "is", null)
        .execute();
      expect(seen).toHaveLength(hits.length);

      const counts = fixtureCounts(load[dialect]);
      expect(counts.get("responses")).toBeGreaterThan(1000);
      for (const [table, rows] of counts) {
        if (table.startsWith("kysely_migration")) continue;
        const { n } = await db
          .selectFrom(table as keyof Database)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        expect([table, Number(n)]).toEqual([table, rows]);
      }
    });

    it("keeps client text readable under the fixture's key, and the audit chain valid", async () => {
      const { db, cipher } = runtime.context;
      const clients = await db
        .selectFrom("clients")
        .select(["id", "organisation_id", "name_enc"])
        .execute();
      const names = await Promise.all(
        clients.map((c) =>
          cipher.decrypt(
            db,
            c.organisation_id,
            c.id,
            "clients.name",
            c.name_enc,
          ),
        ),
      );
      expect(names.length).toBe(50);
      expect(names).toContain("Priya Nair");
      for (const name of names) expect(name).toMatch(/^\S+ \S+$/);
      for (const report of await verifyAudit(db))
        expect(report.problems).toEqual([]);
    });

    it("rewrites the fixture's unkeyed audit chain under the key, and anchors it", async () => {
      const { db, config } = runtime.context;
      const [first] = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("seq", "=", 1)
        .limit(1)
        .execute();
      expect(first?.hash).not.toBe(legacyHash(GENESIS_HASH, first!));
      const anchored = await readAnchor(config.auditAnchor);
      expect(Object.keys(anchored ?? {})).not.toEqual([]);
      const reports = await verifyAudit(db, anchored);
      expect(reports.length).toBeGreaterThan(0);
      for (const report of reports) expect(report.problems).toEqual([]);
    });
  });
}
