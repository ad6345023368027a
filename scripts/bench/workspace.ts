// Workspace case (issue 8: "fast with 150 clients on a caseload and 100 sessions for one client"):
// the caseload of 150 clients in one page and the timeline reads of a client with 100 sessions,
// against Rapport's cheapest audited client read (GET /api/clients/:id) in the same run.
import {
  demoCaseload,
  type FixtureClient,
  type FixtureSession,
} from "../../src/core/fixtures/demoCaseload.js";
import { evaluateClientAlerts } from "../../src/server/alerts/evaluateAlerts.js";
import { buildApp } from "../../src/server/app.js";
import { inTransaction } from "../../src/server/context.js";
import { seedClient } from "../../src/server/demo/seedDemo.js";
import { listenOnLoopback, signIn, startDemoRuntime } from "./demoServer.js";
import { load } from "./load.js";
import { requestRatio, type BenchResult } from "./types.js";

const CASELOAD = 150;
const LONG_SESSIONS = 100;
const WEEK = 7 * 86_400_000;

/** A client seen weekly for 100 sessions, improving slowly, every session checked in. */
function longClient(today: Date): FixtureClient {
  const sessions: FixtureSession[] = [];
  for (let i = 0; i < LONG_SESSIONS; i++) {
    const phq9 = Math.max(2, 20 - Math.round(i / 8) + (i % 3) - 1);
    sessions.push({
      startsAt: new Date(
        today.getTime() - (LONG_SESSIONS - i) * WEEK,
      ).toISOString(),
      status: "attended",
      phq9,
      gad7: Math.min(21, Math.round(phq9 * 0.8)),
      alliance: 7 + (i % 3),
      risk: false,
    });
  }
  return {
    key: "bench-long",
    name: "Long Course",
    archetype: "improving",
    goals: ["Keep going"],
    sessions,
  };
}

export async function benchWorkspace(): Promise<BenchResult[]> {
  const demo = await startDemoRuntime();
  const context = demo.runtime.context;
  const therapist = await context.db
    .selectFrom("members")
    .select(["id", "organisation_id"])
    .where("email", "=", "therapist1@demo.rapport.test")
    .executeTakeFirstOrThrow();
  const existing = await context.db
    .selectFrom("clients")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("therapist_id", "=", therapist.id)
    .executeTakeFirstOrThrow();
  const today = new Date();
  const fillers = demoCaseload({
    seed: 808,
    today,
    size: CASELOAD - Number(existing.n) - 1,
    featured: false,
  });
  const longId = await inTransaction(context.db, async (trx) => {
    const org = therapist.organisation_id;
    const added: string[] = [];
    for (const fixture of fillers)
      added.push(await seedClient(context, trx, org, therapist.id, fixture));
    const id = await seedClient(
      context,
      trx,
      org,
      therapist.id,
      longClient(today),
    );
    for (const clientId of [...added, id])
      await evaluateClientAlerts(context, trx, org, clientId);
    return id;
  });

  const app = await buildApp(context, { logger: false });
  const url = await listenOnLoopback(app);
  try {
    const cookie = await signIn(url, "therapist1@demo.rapport.test");
    const headers = { cookie };
    const page = (await (
      await fetch(`${url}/api/caseload?limit=200`, { headers })
    ).json()) as { items: unknown[] };
    if (page.items.length !== CASELOAD)
      throw new Error(
        `the bench caseload has ${page.items.length} clients, not ${CASELOAD}`,
      );
    // One connection: what one therapist opening the page waits for, without queueing behind others.
    const base = await load(`${url}/api/clients/${longId}`, {
      headers,
      connections: 1,
    });
    const reads: [string, string][] = [
      [
        `GET /api/caseload, all ${CASELOAD} clients in one page`,
        "/api/caseload?limit=200",
      ],
      [
        `GET /api/clients/:id/trajectory, ${LONG_SESSIONS} sessions (PHQ-9)`,
        `/api/clients/${longId}/trajectory?instrumentId=phq-9`,
      ],
      [
        `GET /api/clients/:id/signals, ${LONG_SESSIONS} sessions`,
        `/api/clients/${longId}/signals`,
      ],
      [
        `GET /api/clients/:id/sessions, ${LONG_SESSIONS} sessions`,
        `/api/clients/${longId}/sessions?limit=200`,
      ],
    ];
    const results: BenchResult[] = [];
    for (const [name, pathAndQuery] of reads) {
      const measured = await load(`${url}${pathAndQuery}`, {
        headers,
        connections: 1,
      });
      if (measured.non2xx > 0)
        throw new Error(
          `${name} answered ${measured.non2xx} non-2xx responses`,
        );
      process.stderr.write(
        `bench: ${name}: ${Math.round(measured.requestsPerSecond)} req/s, p99 ${measured.p99Ms} ms (one client read: p99 ${base.p99Ms} ms)\n`,
      );
      results.push(
        requestRatio(
          `${name} (p99 ${measured.p99Ms} ms, one connection)`,
          "GET /api/clients/:id (one audited client read)",
          measured.requestsPerSecond,
          base.requestsPerSecond,
        ),
      );
    }
    return results;
  } finally {
    await app.close();
    await demo.close();
  }
}
