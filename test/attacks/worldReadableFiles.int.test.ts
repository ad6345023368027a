// Attack (issue 15, item 13): another local user reads the database. The SQLite database, its WAL
// (which holds recent writes in full) and backups were created with the process umask, typically
// 0644: any account on the server could copy scores, risk answers and the audit trail.
// Defence: the database, its WAL and shared-memory files and every backup are created 0600 (and
// an existing, looser database file is tightened when it is opened).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../src/server/db/database.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import {
  TEST_KEY,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";

const run = promisify(execFile);
const CLI = path.resolve("dist/cli/main.js");
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("file permissions of the SQLite database and its backups", () => {
  let runtime: TestRuntime;
  let file: string;
  const previousUmask = process.umask(0o022); // the common default: new files world-readable

  beforeAll(async () => {
    runtime = await testRuntime("sqlite");
    await seedDemo(runtime.context);
    const { database } = runtime.context.config;
    if (database.dialect !== "sqlite") throw new Error("sqlite expected");
    file = database.file;
  });
  afterAll(async () => {
    await runtime.dispose();
    process.umask(previousUmask);
  });

  it("creates the database and its WAL readable by this user only", () => {
    expect(mode(file)).toBe(0o600);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(mode(`${file}-wal`)).toBe(0o600);
  });

  it("writes backups readable by this user only", async () => {
    const backup = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "rapport-backup-")),
      "copy.db",
    );
    await run(process.execPath, [CLI, "backup", backup], {
      env: {
        PATH: process.env.PATH,
        RAPPORT_DATA_DIR: runtime.context.config.dataDir,
        RAPPORT_DATA_KEY: TEST_KEY,
      },
    });
    expect(fs.statSync(backup).size).toBeGreaterThan(0);
    expect(mode(backup)).toBe(0o600);
    fs.rmSync(path.dirname(backup), { recursive: true, force: true });
  });

  it("tightens a database file an older version left world-readable", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-old-"));
    const old = path.join(dir, "rapport.db");
    new SQLite(old).close();
    fs.chmodSync(old, 0o644);
    openSqlite(old).close();
    expect(mode(old)).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
