// HTTP cases: Rapport's endpoints against bare Fastify doing the least of the same work,
// on the same machine, database file and durability settings, in the same run.
import Fastify from "fastify";
import { buildApp } from "../../src/server/app.js";
import { openSqlite } from "../../src/server/db/database.js";
import { listenOnLoopback, signIn, startDemoRuntime } from "./demoServer.js";
import { load } from "./load.js";
import { requestRatio, type BenchResult } from "./types.js";

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
  return {
    url: await listenOnLoopback(app),
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

export async function benchHttp(): Promise<BenchResult[]> {
  const demo = await startDemoRuntime();
  const app = await buildApp(demo.runtime.context, { logger: false });
  const rapportUrl = await listenOnLoopback(app);
  const cookie = await signIn(rapportUrl, "therapist1@demo.rapport.test");
  const clients = (await (
    await fetch(`${rapportUrl}/api/clients?limit=1`, { headers: { cookie } })
  ).json()) as { items: { id: string }[] };
  const clientId = clients.items[0]?.id ?? "";
  const bare = await bareServer(demo.sqliteFile, clientId);
  try {
    const results: BenchResult[] = [];
    const bareOk = await load(`${bare.url}/ok`);
    const health = await load(`${rapportUrl}/healthz`);
    results.push(
      requestRatio(
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
      requestRatio(
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
    await demo.close();
  }
}
