// The dialect matrix: every data-layer test runs on SQLite and, when reachable, PostgreSQL,
// each in its own throwaway database (a temp file, or a fresh PostgreSQL schema).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";
import { loadConfig, type Config } from "../../src/server/config.js";
import { startRuntime, type Runtime } from "../../src/server/runtime.js";

export type Dialect = "sqlite" | "postgres";

/** The dialects this run covers; PostgreSQL only when the global setup reached it. */
export const DIALECTS: Dialect[] = inject("postgresUrl")
  ? ["sqlite", "postgres"]
  : ["sqlite"];

export interface TestRuntime extends Runtime {
  /**
   * Starts another runtime on the same database and data directory (another app server, or the
   * same one restarted), with these variables changed; dispose() closes it too.
   */
  open(env?: Record<string, string>): Promise<Runtime>;
  dispose(): Promise<void>;
}

/** close() that may be called more than once (a test closes early, dispose closes again). */
function closingOnce(runtime: Runtime): Runtime {
  let closed: Promise<void> | undefined;
  return { ...runtime, close: () => (closed ??= runtime.close()) };
}

export const TEST_KEY = crypto.randomBytes(32).toString("base64");

export async function testRuntime(
  dialect: Dialect,
  options: {
    clock?: () => Date;
    env?: Record<string, string>;
    /** SQL that fills the new database before the runtime migrates it (e.g. a schema fixture). */
    load?: Record<Dialect, string>;
  } = {},
): Promise<TestRuntime> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-test-"));
  const env: Record<string, string> = {
    RAPPORT_DATA_DIR: dir,
    RAPPORT_DATA_KEY: TEST_KEY,
    RAPPORT_DEMO_PASSWORD: "demo-password-1",
    RAPPORT_LOGIN_RATE_PER_MINUTE: "1000",
    ...options.env,
  };
  let schema: string | undefined;
  const pgUrl = inject("postgresUrl");
  if (dialect === "postgres") {
    if (!pgUrl) throw new Error("PostgreSQL is not available in this run");
    schema = `rapport_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    if (options.load) {
      await admin.query(`set search_path to ${schema}`);
      await admin.query(options.load.postgres);
    }
    await admin.end();
    env.RAPPORT_DATABASE_URL = pgUrl;
  } else if (options.load) {
    const file = new SQLite(path.join(dir, "rapport.db"));
    file.exec(options.load.sqlite);
    file.close();
  }
  const start = async (changed: Record<string, string> = {}) => {
    const config: Config = loadConfig({ ...env, ...changed });
    return closingOnce(
      await startRuntime(config, {
        ...(schema ? { pgSchema: schema, pgPoolSize: 4 } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
      }),
    );
  };
  const runtime = await start();
  const others: Runtime[] = [];
  return {
    ...runtime,
    async open(changed) {
      const other = await start(changed);
      others.push(other);
      return other;
    },
    async dispose() {
      for (const other of others) await other.close();
      await runtime.close();
      if (schema && pgUrl) {
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
