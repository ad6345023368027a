// Check-in submit path against its physical floor, in the same run: a bare Fastify POST handler
// that stores the same form payload as one row in the same SQLite file with the same durability
// (WAL, synchronous=FULL). Every Rapport request submits a different open check-in.
//
// The floor is mostly fsync, whose cost on a shared machine swings several-fold from one second
// to the next, so the two are measured alternately in BENCH_ROUNDS rounds (default 3) and each
// figure is the median over the rounds; the throughput ratio is the median of the rounds' ratios.
// Every round's figures are printed to stderr.
import crypto from "node:crypto";
import autocannon from "autocannon";
import Fastify from "fastify";
import { buildApp } from "../../src/server/app.js";
import {
  insertNewCheckin,
  mintLink,
} from "../../src/server/checkins/checkinLinks.js";
import type { AppContext } from "../../src/server/context.js";
import { inTransaction } from "../../src/server/context.js";
import { newId } from "../../src/server/ids.js";
import { openSqlite } from "../../src/server/db/database.js";
import { listenOnLoopback, startDemoRuntime } from "./demoServer.js";
import { DURATION_S } from "./load.js";
import type { BenchResult } from "./types.js";

const CLIENTS = 1_500;
const PER_CLIENT = 40; // 60,000 open check-ins, more than a run submits
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function payload(submissionId: string): string {
  const fields: Record<string, string> = { submissionId, action: "submit" };
  for (let i = 1; i <= 9; i++) fields[`a:phq-9:q${i}`] = String(i % 4);
  fields["a:phq-9:q9"] = "0";
  return new URLSearchParams(fields).toString();
}

async function openCheckins(context: AppContext): Promise<string[]> {
  const org = await context.db
    .selectFrom("organisations")
    .select("id")
    .where("name", "=", "Demo Clinic")
    .executeTakeFirstOrThrow();
  const therapist = await context.db
    .selectFrom("members")
    .select("id")
    .where("email", "=", "therapist1@demo.rapport.test")
    .executeTakeFirstOrThrow();
  const paths: string[] = [];
  const at = context.clock().toISOString();
  for (let c = 0; c < CLIENTS; c++)
    await inTransaction(context.db, async (trx) => {
      const clientId = newId(at);
      await context.cipher.createKey(trx, org.id, clientId, at);
      await trx
        .insertInto("clients")
        .values({
          id: clientId,
          organisation_id: org.id,
          name_enc: await context.cipher.encrypt(
            trx,
            org.id,
            clientId,
            "clients.name",
            `Bench ${c}`,
          ),
          name_index: context.cipher.index(`Bench ${c}`),
          therapist_id: therapist.id,
          status: "active",
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto("consents")
        .values({
          id: newId(at),
          organisation_id: org.id,
          client_id: clientId,
          kind: "routine-measurement",
          granted: 1,
          recorded_by: therapist.id,
          recorded_at: at,
        })
        .execute();
      for (let i = 0; i < PER_CLIENT; i++) {
        const checkin = await insertNewCheckin(context, trx, {
          organisationId: org.id,
          clientId,
          sessionId: null,
          instruments: ["phq-9"],
          createdBy: therapist.id,
        });
        paths.push(
          new URL(await mintLink(context, trx, checkin, "link")).pathname,
        );
      }
    });
  return paths;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Run {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
}

async function drive(
  base: string,
  next: () => string,
  options: { duration: number; overallRate?: number },
): Promise<Run> {
  const result = await autocannon({
    url: base,
    connections: 10,
    duration: options.duration,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        setupRequest: (request) => ({
          ...request,
          path: next(),
          body: payload(crypto.randomUUID()),
        }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

async function floorServer(
  file: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const db = openSqlite(file);
  db.exec(
    "create table if not exists bench_floor (id text primary key, token text not null, payload text not null, created_at text not null)",
  );
  const insert = db.prepare("insert into bench_floor values (?, ?, ?, ?)");
  const app = Fastify({ logger: false });
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_req, body, done) => done(null, body),
  );
  app.post("/c/:token", (request) => {
    const now = new Date();
    insert.run(
      newId(now),
      (request.params as { token: string }).token,
      request.body,
      now.toISOString(),
    );
    return "ok";
  });
  return {
    url: await listenOnLoopback(app),
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

export async function benchCheckins(): Promise<BenchResult[]> {
  const demo = await startDemoRuntime();
  const runtime = demo.runtime;
  const paths = await openCheckins(runtime.context);
  let cursor = 0;
  const next = () => paths[cursor++ % paths.length] ?? "/";
  const app = await buildApp(runtime.context, { logger: false });
  const rapportUrl = await listenOnLoopback(app);
  const floor = await floorServer(demo.sqliteFile);
  let floorCursor = 0;
  const floorNext = () => `/c/floor-${floorCursor++}`;
  try {
    // Warm-up, Rapport's long enough that its writer thread has started and its code is compiled
    // before anything is measured (starting it took CPU from the floor's first round).
    await drive(floor.url, floorNext, { duration: 1 });
    await drive(rapportUrl, next, { duration: 4 });
    const rounds: { bare: Run; full: Run }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const bare = await drive(floor.url, floorNext, { duration: DURATION_S });
      const full = await drive(rapportUrl, next, { duration: DURATION_S });
      rounds.push({ bare, full });
    }
    const bareRate = median(rounds.map((r) => r.bare.requestsPerSecond));
    const halfRate = Math.max(1, Math.round(bareRate / 2));
    const halves: { half: Run; bareHalf: Run }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const half = await drive(rapportUrl, next, {
        duration: DURATION_S,
        overallRate: halfRate,
      });
      const bareHalf = await drive(floor.url, floorNext, {
        duration: DURATION_S,
        overallRate: halfRate,
      });
      halves.push({ half, bareHalf });
    }
    if (cursor > paths.length)
      throw new Error(
        "the bench ran out of open check-ins; raise CLIENTS or PER_CLIENT",
      );
    const non2xx = [...rounds.map((r) => r.full), ...halves.map((h) => h.half)]
      .map((run) => run.non2xx)
      .reduce((a, b) => a + b, 0);
    if (non2xx > 0)
      throw new Error(
        `check-in submissions answered ${non2xx} non-2xx responses`,
      );
    rounds.forEach(({ bare, full }, r) =>
      process.stderr.write(
        `bench checkins round ${r + 1}: floor ${bare.requestsPerSecond.toFixed(0)} req/s (p99 ${bare.p99Ms} ms), ` +
          `rapport ${full.requestsPerSecond.toFixed(0)} req/s (p99 ${full.p99Ms} ms), ratio ${(full.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}; ` +
          `at ${halfRate} req/s: rapport p99 ${halves[r]?.half.p99Ms} ms, floor p99 ${halves[r]?.bareHalf.p99Ms} ms\n`,
      ),
    );
    const full = median(rounds.map((r) => r.full.requestsPerSecond));
    const halfP99 = median(halves.map((h) => h.half.p99Ms));
    const bareHalfP99 = median(halves.map((h) => h.bareHalf.p99Ms));
    return [
      {
        name: "POST /c/:token check-in submission (score, encrypt, alerts, audit, idempotency; target ≥ 0.5×)",
        baseline:
          "bare Fastify POST storing the payload as one row, same SQLite file, WAL + synchronous=FULL",
        value: full,
        baselineValue: bareRate,
        unit: "req/s",
        ratio: median(
          rounds.map(
            (r) => r.full.requestsPerSecond / r.bare.requestsPerSecond,
          ),
        ),
      },
      {
        name: "check-in submission p99 at half the floor's rate (target < 50 ms)",
        baseline: "bare Fastify POST p99 at the same rate",
        value: halfP99,
        baselineValue: bareHalfP99,
        unit: "ms",
        ratio: halfP99 / Math.max(1, bareHalfP99),
      },
    ];
  } finally {
    await floor.close();
    await app.close();
    await demo.close();
  }
}
