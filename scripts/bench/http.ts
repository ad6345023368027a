// HTTP cases: Rapport's endpoints against bare Fastify doing the least of the same work,
// on the same machine, database file and durability settings, in the same run.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { buildApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { openSqlite } from "../../src/server/db/database.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import { startRuntime } from "../../src/server/runtime.js";
import { load } from "./load.js";
import type { BenchResult } from "./types.js";

async function bareServer(
  dbFile: string,
  clientId: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const db = openSqlite(dbFile);
  const read = db.prepare(
    "select id, name_enc, therapist_id from clients where id = ?",
  );
  const app = Fastify({ logger: false });
  app.get("/ok", () => ({ status: "ok" }));
  app.get("/client", () => read.get(clientId));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

function ratio(
  name: string,
  baseline: string,
  value: number,
  baselineValue: number,
): BenchResult {
  return {
    name,
    baseline,
    value,
    baselineValue,
    unit: "req/s",
    ratio: value / baselineValue,
  };
}

export async function benchHttp(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bench-"));
  const config = loadConfig({
    RAPPORT_DATA_DIR: dir,
    RAPPORT_DATA_KEY: crypto.randomBytes(32).toString("base64"),
    RAPPORT_DEMO_PASSWORD: "bench-password",
    RAPPORT_LOG_LEVEL: "silent",
  });
  const runtime = await startRuntime(config);
  await seedDemo(runtime.context);
  const app = await buildApp(runtime.context, { logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const rapportUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const login = await fetch(`${rapportUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: "therapist1@demo.rapport.test",
      password: "bench-password",
    }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const clients = (await (
    await fetch(`${rapportUrl}/api/clients?limit=1`, { headers: { cookie } })
  ).json()) as { items: { id: string }[] };
  const clientId = clients.items[0]?.id ?? "";
  const bare = await bareServer(
    config.database.dialect === "sqlite" ? config.database.file : "",
    clientId,
  );
  try {
    const results: BenchResult[] = [];
    const bareOk = await load(`${bare.url}/ok`);
    const health = await load(`${rapportUrl}/healthz`);
    results.push(
      ratio(
        "GET /healthz (helmet, metrics, hooks)",
        "bare Fastify GET",
        health.requestsPerSecond,
        bareOk.requestsPerSecond,
      ),
    );
    const bareRead = await load(`${bare.url}/client`);
    const read = await load(`${rapportUrl}/api/clients/${clientId}`, {
      headers: { cookie },
    });
    if (read.non2xx > 0)
      throw new Error(
        `GET /api/clients/:id answered ${read.non2xx} non-2xx responses`,
      );
    results.push(
      ratio(
        "GET /api/clients/:id (session, access check, decrypt, audited)",
        "bare Fastify one-row SELECT, same SQLite file",
        read.requestsPerSecond,
        bareRead.requestsPerSecond,
      ),
    );
    return results;
  } finally {
    await bare.close();
    await app.close();
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
