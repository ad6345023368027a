// The setup every HTTP bench case shares: a seeded demo runtime in a throwaway data directory,
// servers on a loopback port, and a signed-in session cookie.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { loadConfig, type Config } from "../../src/server/config.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import { startRuntime, type Runtime } from "../../src/server/runtime.js";

export const BENCH_PASSWORD = "bench-password";

export interface DemoRuntime {
  config: Config;
  runtime: Runtime;
  /** The SQLite file the runtime writes, for the bare baselines to use too. */
  sqliteFile: string;
  close: () => Promise<void>;
}

/** Starts Rapport on SQLite in a new temporary directory with the demo data seeded. */
export async function startDemoRuntime(): Promise<DemoRuntime> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bench-"));
  const config = loadConfig({
    RAPPORT_DATA_DIR: dir,
    RAPPORT_DATA_KEY: crypto.randomBytes(32).toString("base64"),
    RAPPORT_DEMO_PASSWORD: BENCH_PASSWORD,
    RAPPORT_LOG_LEVEL: "silent",
  });
  const runtime = await startRuntime(config);
  await seedDemo(runtime.context);
  return {
    config,
    runtime,
    sqliteFile:
      config.database.dialect === "sqlite" ? config.database.file : "",
    close: async () => {
      await runtime.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Listens on a free loopback port and returns the base URL. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

/** Signs a demo member in and returns the session cookie to send. */
export async function signIn(url: string, email: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!login.ok)
    throw new Error(`signing in ${email} answered ${login.status}`);
  return (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}
