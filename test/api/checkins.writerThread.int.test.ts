// Check-in submissions on a SQLite file are written by a thread with its own connection
// (src/server/checkins/submissionWriter.ts). The server's connection keeps writing beside it
// (drafts, audited reads) in one intact audit chain, and a thread that dies leaves no
// submission acknowledged that was not stored.
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import {
  auditHeads,
  verifyAudit,
} from "../../src/server/audit/audit.repository.js";
import { readAnchor } from "../../src/server/audit/auditAnchor.js";
import { findCheckin } from "../../src/server/checkins/checkins.repository.js";
import { ThreadSubmissionWriter } from "../../src/server/checkins/submissionWriter.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import { testRuntime, type TestRuntime } from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

const phq9 = (items: number[]) =>
  Object.fromEntries(items.map((v, i) => [`a:phq-9:q${i + 1}`, String(v)]));

describe("check-in submissions on SQLite's writer thread", () => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;

  const post = (url: string, fields: Record<string, string>) =>
    app.inject({
      method: "POST",
      url: new URL(url).pathname,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
    });
  async function newCheckin(): Promise<{
    client: string;
    id: string;
    url: string;
  }> {
    const client = (
      await t1.post("/api/clients", { name: "Thread Person" })
    ).json<{ id: string }>().id;
    await t1.post(`/api/clients/${client}/consents`, {
      kind: "routine-measurement",
      granted: true,
    });
    const res = await t1.post("/api/checkins", {
      clientId: client,
      instruments: ["phq-9"],
    });
    expect(res.statusCode, res.body).toBe(201);
    return { client, ...res.json<{ id: string; url: string }>() };
  }
  const responsesOf = async (client: string) =>
    (await t1.get(`/api/clients/${client}/responses`)).json<{
      items: unknown[];
    }>().items;
  async function checkinOf(client: string, id: string) {
    const { organisation_id } = await runtime.context.db
      .selectFrom("clients")
      .select("organisation_id")
      .where("id", "=", client)
      .executeTakeFirstOrThrow();
    const checkin = await findCheckin(runtime.context.db, organisation_id, id);
    if (!checkin) throw new Error(`no check-in ${id}`);
    return checkin;
  }
  const writer = () => runtime.context.submissions as ThreadSubmissionWriter;
  // The thread itself, to make it die: not part of the writer's interface.
  const threadOf = (w: ThreadSubmissionWriter) =>
    (w as unknown as { worker: Worker | undefined }).worker;

  beforeAll(async () => {
    runtime = await testRuntime("sqlite");
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    t1 = await signIn(app, "therapist1@demo.rapport.test");
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("is the writer on a SQLite file, its thread started before the first submission by start()", () => {
    expect(runtime.context.submissions).toBeInstanceOf(ThreadSubmissionWriter);
    expect(threadOf(writer())).toBeUndefined();
    writer().start();
    expect(threadOf(writer())).toBeDefined();
  });

  it("writes beside the server's own connection without failing, in one intact audit chain", async () => {
    const opened = await Promise.all(
      Array.from({ length: 10 }, () => newCheckin()),
    );
    const submitted = opened.slice(0, 5);
    const drafted = opened.slice(5);
    const answers = await Promise.all([
      // The thread's transactions…
      ...submitted.map((c, i) =>
        post(c.url, {
          ...phq9([i % 4, 1, 0, 1, 0, 1, 0, 1, 0]),
          submissionId: `beside-${i}`,
          action: "submit",
        }),
      ),
      // …interleaved with the server's: drafts (a risk answer raises its alert at once) and
      // audited reads of every client.
      ...drafted.map((c) =>
        post(c.url, { "a:phq-9:q1": "2", "a:phq-9:q9": "1", action: "save" }),
      ),
      ...opened.map((c) => t1.get(`/api/clients/${c.client}/responses`)),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    for (const c of submitted)
      expect(await responsesOf(c.client)).toHaveLength(1);
    for (const c of drafted) {
      expect(await responsesOf(c.client)).toHaveLength(0);
      const alerts = await runtime.context.db
        .selectFrom("alerts")
        .select("kind")
        .where("client_id", "=", c.client)
        .execute();
      expect(alerts).toEqual([{ kind: "risk" }]);
    }
    for (const report of await verifyAudit(runtime.context.db))
      expect(report.problems).toEqual([]);
  });

  it("anchors the audit entries the thread commits (the server is told of each one)", async () => {
    const { url } = await newCheckin();
    await runtime.auditAnchor.flush();
    const before = await readAnchor(runtime.context.config.auditAnchor);
    const answered = await post(url, {
      ...phq9([1, 1, 0, 1, 0, 1, 0, 1, 0]),
      submissionId: "anchored",
      action: "submit",
    });
    expect(answered.statusCode).toBe(200);
    await runtime.auditAnchor.flush();
    const anchored = await readAnchor(runtime.context.config.auditAnchor);
    expect(anchored).not.toEqual(before);
    expect(anchored).toEqual(await auditHeads(runtime.context.db));
    for (const report of await verifyAudit(runtime.context.db, anchored))
      expect(report.problems).toEqual([]);
  });

  it("queues a transaction of the server's and the thread's one behind the other instead of failing either", async () => {
    const { client, id } = await newCheckin();
    const checkin = await checkinOf(client, id);
    let written: ReturnType<ThreadSubmissionWriter["write"]> | undefined;
    await runtime.context.db.transaction().execute(async (trx) => {
      // Read first, then let the thread write, then write: a deferred transaction would now
      // fail (its snapshot is older than the thread's commit); an immediate one held the lock.
      await trx
        .selectFrom("checkins")
        .select("id")
        .where("id", "=", id)
        .execute();
      written = writer().write({
        checkin,
        submissionId: "queued",
        responses: [],
        feedbackEnc: null,
        risk: false,
        at: new Date().toISOString(),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await trx
        .insertInto("job_leases")
        .values({
          name: "beside-the-thread",
          holder: null,
          lease_until: null,
          last_run_at: null,
        })
        .execute();
    });
    expect((await written)?.outcome).toEqual({
      kind: "stored",
      risk: false,
      replayed: false,
    });
  });

  it("fails the writes a dying thread held, stores nothing of them, and starts a new thread for the next", async () => {
    const { client, id, url } = await newCheckin();
    const checkin = await checkinOf(client, id);
    const before = threadOf(writer());
    expect(before).toBeDefined();
    // The thread dies with the write posted to it and not yet taken.
    void before?.terminate();
    const lost = writer().write({
      checkin,
      submissionId: "dies-with-thread",
      responses: [],
      feedbackEnc: null,
      risk: false,
      at: new Date().toISOString(),
    });
    await expect(lost).rejects.toThrow(/exited/);
    expect((await checkinOf(client, id)).status).toBe("open");
    // The client's retry of the same submission is stored once, by a new thread.
    const fields = {
      ...phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]),
      submissionId: "dies-with-thread",
      action: "submit",
    };
    const [first, again] = [await post(url, fields), await post(url, fields)];
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(first.body).toContain("Thank you");
    expect(threadOf(writer())).toBeDefined();
    expect(threadOf(writer())).not.toBe(before);
    expect(await responsesOf(client)).toHaveLength(1);
  });

  it("on close, finishes the writes under way, then ends its thread", async () => {
    const { client, id } = await newCheckin();
    const checkin = await checkinOf(client, id);
    const thread = threadOf(writer());
    const write = writer().write({
      checkin,
      submissionId: "at-close",
      responses: [],
      feedbackEnc: null,
      risk: false,
      at: new Date().toISOString(),
    });
    await writer().close();
    await expect(write).resolves.toMatchObject({
      outcome: { kind: "stored" },
    });
    expect(threadOf(writer())).toBeUndefined();
    expect(thread?.threadId).toBe(-1); // a worker that has exited
    expect((await checkinOf(client, id)).status).toBe("completed");
  });
});

describe("RAPPORT_SUBMISSION_THREAD=false", () => {
  it("keeps the submissions on the server's own connection", async () => {
    const runtime = await testRuntime("sqlite", {
      env: { RAPPORT_SUBMISSION_THREAD: "false" },
    });
    try {
      expect(runtime.context.config.submissionThread).toBe(false);
      expect(runtime.context.submissions).not.toBeInstanceOf(
        ThreadSubmissionWriter,
      );
    } finally {
      await runtime.dispose();
    }
  });
});
