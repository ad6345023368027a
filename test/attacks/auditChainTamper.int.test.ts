// Attack (issue #15, item 5): an attacker with write access to the database (not to the master key
// or the server's files) rewrites history. The chain was plain SHA-256 with nothing outside the
// database, so editing an entry and recomputing the rest, or deleting the newest entries, passed
// `rapport audit verify`. Now the chain is an HMAC under a key derived from the master key, and
// its heads are anchored in a file outside the database after every audit commit.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendAudit,
  auditHeads,
  chainEntries,
  verifyAudit,
} from "../../src/server/audit/audit.repository.js";
import { readAnchor } from "../../src/server/audit/auditAnchor.js";
import {
  GENESIS_HASH,
  legacyHash,
  type ChainedEntry,
} from "../../src/server/audit/auditChain.js";
import { masterKeyFrom } from "../../src/server/crypto/envelope.js";
import {
  AuditChainBroken,
  rotateMasterKey,
} from "../../src/server/crypto/rotateKey.js";
import type { Db } from "../../src/server/db/database.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";

const ENTRIES = 10;
const AT = "2026-11-02T10:00:00.000Z";

/** What the attacker can do without the key: recompute the chain as it used to be computed. */
async function recompute(db: Db, organisationId: string): Promise<void> {
  let prev = GENESIS_HASH;
  const rows = await chainEntries(db, organisationId);
  for (const [i, row] of rows.entries()) {
    const entry: ChainedEntry = { ...row, seq: i + 1 };
    const hash = legacyHash(prev, entry);
    await db
      .updateTable("audit_log")
      .set({ seq: -(i + 1), prev_hash: prev, hash }) // negative first: (org, seq) is unique
      .where("id", "=", row.id)
      .execute();
    prev = hash;
  }
  await db
    .updateTable("audit_log")
    .set((eb) => ({ seq: eb.neg(eb.ref("seq")) }))
    .where("organisation_id", "=", organisationId)
    .execute();
}

async function problemsOf(runtime: TestRuntime, organisationId: string) {
  const anchored = await readAnchor(runtime.context.config.auditAnchor);
  const report = (await verifyAudit(runtime.context.db, anchored)).find(
    (r) => r.organisationId === organisationId,
  );
  return report?.problems.map((p) => p.problem) ?? [];
}

describe.each(DIALECTS)(
  "audit chain against a database-level attacker on %s",
  (dialect) => {
    let runtime: TestRuntime;
    const org = (name: string) => `org-${name}`;

    beforeAll(async () => {
      runtime = await testRuntime(dialect);
      for (const name of [
        "intact",
        "edited",
        "truncated",
        "emptied",
        "inserted",
        "deleted",
      ])
        for (let i = 0; i < ENTRIES; i++)
          await appendAudit(runtime.context.db, {
            organisationId: org(name),
            actorId: "member-1",
            clientId: `client-${i}`,
            action: "client.read",
            source: "127.0.0.1",
            at: AT,
          });
      await runtime.auditAnchor.flush();
    });
    afterAll(() => runtime.dispose());

    it("anchors every head outside the database after the appends commit, readable by the server only", async () => {
      const file = runtime.context.config.auditAnchor;
      expect(await readAnchor(file)).toEqual(
        await auditHeads(runtime.context.db),
      );
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(await problemsOf(runtime, org("intact"))).toEqual([]);
    });

    it("detects an entry edited and the rest of the chain recomputed", async () => {
      const { db } = runtime.context;
      await db
        .updateTable("audit_log")
        .set({ action: "nothing.to.see" })
        .where("organisation_id", "=", org("edited"))
        .where("seq", "=", 3)
        .execute();
      await recompute(db, org("edited"));
      const problems = await problemsOf(runtime, org("edited"));
      expect(problems).toContain("altered");
      expect(problems).toContain("diverged");
    });

    it("detects the newest entries deleted, and every entry of an organisation deleted", async () => {
      const { db } = runtime.context;
      await db
        .deleteFrom("audit_log")
        .where("organisation_id", "=", org("truncated"))
        .where("seq", ">", ENTRIES - 3)
        .execute();
      expect(await problemsOf(runtime, org("truncated"))).toEqual([
        "truncated",
      ]);
      await db
        .deleteFrom("audit_log")
        .where("organisation_id", "=", org("emptied"))
        .execute();
      expect(await problemsOf(runtime, org("emptied"))).toEqual(["truncated"]);
    });

    it("detects an entry inserted, and one deleted, with the chain recomputed", async () => {
      const { db } = runtime.context;
      // A forged entry between the 4th and the 5th, the later ones renumbered after it.
      const [copy] = await chainEntries(db, org("inserted"));
      await db
        .updateTable("audit_log")
        .set((eb) => ({ seq: eb("seq", "+", 1000) }))
        .where("organisation_id", "=", org("inserted"))
        .where("seq", ">", 4)
        .execute();
      await db
        .insertInto("audit_log")
        .values({ ...copy!, id: "forged", seq: 5, action: "client.erase" })
        .execute();
      await recompute(db, org("inserted"));
      expect(
        (await chainEntries(db, org("inserted"))).map((e) => e.seq),
      ).toEqual(Array.from({ length: ENTRIES + 1 }, (_, i) => i + 1));
      expect(await problemsOf(runtime, org("inserted"))).toContain("altered");

      await db
        .deleteFrom("audit_log")
        .where("organisation_id", "=", org("deleted"))
        .where("seq", "=", 4)
        .execute();
      expect(await problemsOf(runtime, org("deleted"))).toEqual(
        expect.arrayContaining(["gap", "broken-link"]),
      );
      await recompute(db, org("deleted"));
      expect(await problemsOf(runtime, org("deleted"))).toContain("altered");
    });

    it("does not move the anchor back to a chain that no longer holds it", async () => {
      const before = await readAnchor(runtime.context.config.auditAnchor);
      await runtime.auditAnchor.refreshAll();
      expect(await readAnchor(runtime.context.config.auditAnchor)).toEqual(
        before,
      );
      expect(await problemsOf(runtime, org("intact"))).toEqual([]);
    });

    it("refuses to rotate the master key over a chain that does not verify, rotating nothing", async () => {
      const { db, cipher, config } = runtime.context;
      const before = await readAnchor(config.auditAnchor);
      await expect(
        rotateMasterKey(
          db,
          cipher.master,
          masterKeyFrom(crypto.randomBytes(32)),
          config.auditAnchor,
        ),
      ).rejects.toBeInstanceOf(AuditChainBroken);
      expect(await readAnchor(config.auditAnchor)).toEqual(before);
      expect(await problemsOf(runtime, org("intact"))).toEqual([]);
    });
  },
);

const run = promisify(execFile);
const CLI = path.resolve("dist/cli/main.js");

describe("rapport audit verify and checkpoint (attack: deleting the newest entries)", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const rapport = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  };
  const deleteNewest = (n: number) => {
    const db = new SQLite(path.join(dir, "rapport.db"));
    const { organisation_id } = db
      .prepare(
        "select organisation_id from audit_log order by seq desc limit 1",
      )
      .get() as { organisation_id: string };
    db.prepare(
      `delete from audit_log where organisation_id = ? and seq > (select max(seq) - ? from audit_log where organisation_id = ?)`,
    ).run(organisation_id, n, organisation_id);
    db.close();
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-audit-"));
    env = {
      PATH: process.env.PATH,
      RAPPORT_DATA_DIR: dir,
      RAPPORT_DATA_KEY: crypto.randomBytes(32).toString("base64"),
      RAPPORT_DEMO_PASSWORD: "demo-password-1",
    };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("passes on an untouched database, and after a restore re-anchors the restored chains", async () => {
    expect((await rapport("demo")).code).toBe(0);
    expect(fs.existsSync(path.join(dir, "audit-anchor.json"))).toBe(true);
    expect((await rapport("audit", "verify")).code).toBe(0);
    const backup = path.join(dir, "backup.db");
    expect((await rapport("backup", backup)).code).toBe(0);
    // An audited change after the backup: the restored chains end before the anchored heads.
    const pack = JSON.parse(
      fs.readFileSync(path.resolve("instruments/gad-7.json"), "utf8"),
    ) as Record<string, unknown>;
    const packFile = path.join(dir, "gad-7-99.0.0.json");
    fs.writeFileSync(packFile, JSON.stringify({ ...pack, version: "99.0.0" }));
    const installed = await rapport(
      "instruments",
      "install",
      packFile,
      "--organisation",
      "Demo Clinic",
    );
    expect(installed.code, installed.stderr).toBe(0);
    const restored = await rapport("restore", backup);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/before-restore/);
    expect(
      fs.existsSync(path.join(dir, "audit-anchor.json.before-restore")),
    ).toBe(true);
    expect((await rapport("audit", "verify")).code).toBe(0);
  });

  it("a bare verify reads the anchor and catches the newest entries deleted; so does a saved checkpoint", async () => {
    const checkpoint = await rapport("audit", "checkpoint");
    expect(checkpoint.code).toBe(0);
    const saved = path.join(dir, "checkpoint.json");
    fs.writeFileSync(saved, checkpoint.stdout);

    deleteNewest(2);
    const verify = await rapport("audit", "verify");
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/"truncated"/);
    const againstCheckpoint = await rapport(
      "audit",
      "verify",
      "--anchor",
      saved,
    );
    expect(againstCheckpoint.code).toBe(1);
    expect(againstCheckpoint.stdout).toMatch(/"truncated"/);
    // The checkpoint refuses to record a chain that fails.
    expect((await rapport("audit", "checkpoint")).code).toBe(1);
  });

  it("fails without an anchor, every time, until a start recreates it from the chains as they stand", async () => {
    fs.rmSync(path.join(dir, "audit-anchor.json"));
    for (const attempt of [1, 2]) {
      const verify = await rapport("audit", "verify");
      expect(verify.code, `attempt ${attempt}`).toBe(1);
      expect(verify.stderr).toMatch(/no audit anchor/);
      expect(verify.stdout).toMatch(/"not-anchored"/);
    }
    // What SECURITY.md says is not detected: the next start anchors the truncated chains, saying so.
    const started = await rapport("instruments", "list");
    expect(started.stderr).toMatch(
      /no audit anchor .*anchoring the chains as they stand/,
    );
    expect((await rapport("audit", "verify")).code).toBe(0);
  });
});
