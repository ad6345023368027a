// Issue 14, points 1–4: every stored risk answer raises (or joins) a risk alert whatever its date,
// with its own dated evidence and a notice; an unscorable response's risk answer still alerts;
// re-scoring and the hourly job go the same way; a pack may not silently drop a risk item; and
// a schedule without a risk item is flagged where it is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPack } from "../../src/core/instruments/bundled.js";
import { evaluateSignalsJob } from "../../src/server/alerts/alertJobs.js";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  insertPreparedResponse,
  prepareResponse,
} from "../../src/server/responses/recordResponse.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

interface AlertBody {
  id: string;
  kind: string;
  status: string;
  explanation: string;
}

const phq9 = (items: number[]) =>
  Object.fromEntries(items.map((v, i) => [`q${i + 1}`, v]));

describe.each(DIALECTS)("risk alerts on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let admin: Session;

  async function newClient(): Promise<string> {
    const id = (await t1.post("/api/clients", { name: "Risk Person" })).json<{
      id: string;
    }>().id;
    await t1.post(`/api/clients/${id}/episodes`, {
      openedAt: "2026-09-01T09:00:00.000Z",
    });
    await t1.post(`/api/clients/${id}/consents`, {
      kind: "routine-measurement",
      granted: true,
    });
    return id;
  }
  const respond = (
    clientId: string,
    answers: Record<string, number>,
    submittedAt: string,
  ) =>
    t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId: "phq-9",
      answers,
      submittedAt,
    });
  const riskAlerts = async (clientId: string) =>
    (await t1.get(`/api/clients/${clientId}/alerts`))
      .json<{ items: AlertBody[] }>()
      .items.filter((a) => a.kind === "risk");
  const evidenceOf = (clientId: string) =>
    runtime.context.db
      .selectFrom("risk_evidence")
      .selectAll()
      .where("client_id", "=", clientId)
      .orderBy("answered_at")
      .execute();
  const notices = async () =>
    Number(
      (
        await runtime.context.db
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("kind", "=", "risk-alert")
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    runtime = await testRuntime(dialect, {
      clock: () => new Date("2026-11-25T12:00:00.000Z"),
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    [t1, admin] = (await Promise.all(
      ["therapist1@demo.rapport.test", "admin@demo.rapport.test"].map((e) =>
        signIn(app, e),
      ),
    )) as [Session, Session];
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("alerts a PHQ-9 backdated three days before the latest one, saying when it was answered, and notifies", async () => {
    const client = await newClient();
    const latest = await respond(
      client,
      phq9([1, 1, 1, 1, 1, 1, 0, 0, 0]),
      "2026-11-20T10:00:00.000Z",
    );
    expect(latest.statusCode).toBe(201);
    const before = await notices();
    const late = await respond(
      client,
      phq9([1, 1, 1, 1, 1, 1, 0, 0, 2]),
      "2026-11-17T10:00:00.000Z",
    );
    expect(late.statusCode).toBe(201);
    const alerts = await riskAlerts(client);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.explanation).toContain("answered 2 on 2026-11-17");
    expect(await notices()).toBe(before + 1);
    const evidence = await evidenceOf(client);
    expect(evidence).toMatchObject([
      {
        alert_id: alerts[0]!.id,
        response_id: late.json<{ id: string }>().id,
        answered_at: "2026-11-17T10:00:00.000Z",
      },
    ]);
  });

  it("alerts an answer dated before the client record existed (paper form entered later)", async () => {
    const client = await newClient();
    const paper = await respond(
      client,
      phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]),
      "2025-03-02T09:00:00.000Z",
    );
    expect(paper.statusCode).toBe(201);
    const [alert] = await riskAlerts(client);
    expect(alert?.explanation).toContain("answered 1 on 2025-03-02");
  });

  it("joins an unresolved risk alert with its own dated evidence, and notifies again", async () => {
    const client = await newClient();
    await respond(
      client,
      phq9([2, 2, 2, 2, 1, 1, 1, 1, 1]),
      "2026-11-10T10:00:00.000Z",
    );
    const [first] = await riskAlerts(client);
    expect(first).toBeDefined();
    const before = await notices();
    await respond(
      client,
      phq9([2, 2, 2, 2, 1, 1, 1, 1, 3]),
      "2026-11-03T10:00:00.000Z",
    );
    const alerts = await riskAlerts(client);
    expect(alerts.map((a) => a.id)).toEqual([first!.id]);
    expect(alerts[0]!.explanation).toContain("answered 3 on 2026-11-03");
    expect(alerts[0]!.explanation).toContain("holds 2 triggering answers");
    expect(await notices()).toBe(before + 1);
    // Acknowledged is still unresolved: a further answer joins it too, and notifies.
    await runtime.context.db
      .updateTable("alerts")
      .set({ status: "acknowledged" })
      .where("id", "=", first!.id)
      .execute();
    await respond(
      client,
      phq9([2, 2, 2, 2, 1, 1, 1, 1, 1]),
      "2026-11-24T10:00:00.000Z",
    );
    expect((await riskAlerts(client)).map((a) => a.id)).toEqual([first!.id]);
    expect(await notices()).toBe(before + 2);
    const evidence = await evidenceOf(client);
    expect(evidence.map((e) => [e.alert_id, e.answered_at])).toEqual([
      [first!.id, "2026-11-03T10:00:00.000Z"],
      [first!.id, "2026-11-10T10:00:00.000Z"],
      [first!.id, "2026-11-24T10:00:00.000Z"],
    ]);
    const listed = await t1.get(`/api/alerts/${first!.id}/evidence`);
    expect(listed.statusCode).toBe(200);
    expect(
      listed
        .json<{ items: { answer: number; answeredAt: string }[] }>()
        .items.map((e) => [e.answer, e.answeredAt]),
    ).toEqual([
      [3, "2026-11-03T10:00:00.000Z"],
      [1, "2026-11-10T10:00:00.000Z"],
      [1, "2026-11-24T10:00:00.000Z"],
    ]);
  });

  it("refuses an unscorable response but raises the alert for its risk answer, kept encrypted, and says both (422)", async () => {
    const client = await newClient();
    const before = await notices();
    const refused = await respond(
      client,
      { q1: 1, q9: 2 },
      "2026-11-24T10:00:00.000Z",
    );
    expect(refused.statusCode).toBe(422);
    const body = refused.json<{
      error: { code: string; details: { riskItems: { linkId: string }[] } };
      riskAlert: { raised: boolean; alertIds: string[] };
    }>();
    expect(body.error.code).toBe("unscorable");
    expect(body.error.details.riskItems).toMatchObject([{ linkId: "q9" }]);
    expect(body.riskAlert.raised).toBe(true);
    const alerts = await riskAlerts(client);
    expect(alerts.map((a) => a.id)).toEqual(body.riskAlert.alertIds);
    expect(await notices()).toBe(before + 1);
    const responses = (await t1.get(`/api/clients/${client}/responses`)).json<{
      items: unknown[];
    }>().items;
    expect(responses).toEqual([]);
    const [evidence] = await evidenceOf(client);
    expect(evidence).toMatchObject({ response_id: null, link_id: "q9" });
    expect(evidence!.answer_enc).not.toContain("answer");
    const opened = await runtime.context.cipher.decrypt(
      runtime.context.db,
      evidence!.organisation_id,
      client,
      "risk_evidence.answer",
      evidence!.answer_enc!,
    );
    expect(JSON.parse(opened)).toEqual({ answer: 2 });
    // Without a risk answer an unscorable response is refused as before, and raises nothing.
    const plain = await respond(client, { q1: 1 }, "2026-11-24T10:00:00.000Z");
    expect(plain.statusCode).toBe(400);
  });

  it("the hourly job alerts and notifies a risk answer stored without its alert", async () => {
    const client = await newClient();
    const { db } = runtime.context;
    const organisationId = (
      await db
        .selectFrom("clients")
        .select("organisation_id")
        .where("id", "=", client)
        .executeTakeFirstOrThrow()
    ).organisation_id;
    // As a restore or a bulk import would: the row, and no evaluation.
    const prepared = await prepareResponse(
      runtime.context,
      db,
      bundledPack("phq-9")!,
      {
        organisationId,
        clientId: client,
        instrumentId: "phq-9",
        answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]),
        submittedAt: "2026-11-23T10:00:00.000Z",
        recordedBy: null,
        source: "therapist",
        auditSource: null,
      },
    );
    await insertPreparedResponse(db, prepared);
    expect(await riskAlerts(client)).toEqual([]);
    const before = await notices();
    await evaluateSignalsJob.run(runtime.context);
    expect(await riskAlerts(client)).toHaveLength(1);
    expect(await notices()).toBe(before + 1);
    // Evaluating again repeats nothing.
    await evaluateSignalsJob.run(runtime.context);
    expect(await evidenceOf(client)).toHaveLength(1);
    expect(await notices()).toBe(before + 1);
  });

  it("refuses a pack version that drops a risk item (409) unless confirmed, and audits the confirmation", async () => {
    const core10 = structuredClone(bundledPack("core-10")!);
    const dropping = {
      ...core10,
      version: "5.0.0",
      scoring: { ...core10.scoring, risk: [] },
    };
    const refused = await admin.post("/api/instruments", dropping);
    expect(refused.statusCode).toBe(409);
    expect(
      refused.json<{ error: { details: { droppedRiskItems: string[] } } }>()
        .error.details.droppedRiskItems,
    ).toEqual(core10.scoring.risk!.map((r) => r.item));
    const confirmed = await admin.post(
      "/api/instruments?confirmDroppedRiskItems=true",
      dropping,
    );
    expect(confirmed.statusCode).toBe(201);
    const audited = await runtime.context.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "pack.risk-items-dropped")
      .execute();
    expect(audited).toHaveLength(1);
  });

  it("warns where the schedule is set when it asks no instrument with a risk item", async () => {
    const set = (checkinSchedule: object[]) =>
      admin.patch("/api/organisation", { settings: { checkinSchedule } });
    const warned = await set([
      { instrumentId: "phq-2", everyNthSession: 1 },
      { instrumentId: "who-5", everyNthSession: 2 },
    ]);
    expect(warned.statusCode).toBe(200);
    const warning = warned.json<{ checkinScheduleWarning: string | null }>()
      .checkinScheduleWarning;
    expect(warning).toMatch(/\(.*PHQ-2.*WHO-5.*\) asks a risk item/);
    expect(warning).toContain("never raise a risk alert");
    const fine = await set([{ instrumentId: "phq-9", everyNthSession: 1 }]);
    expect(
      fine.json<{ checkinScheduleWarning: string | null }>()
        .checkinScheduleWarning,
    ).toBeNull();
    expect(
      (await admin.get("/api/organisation")).json<{
        checkinScheduleWarning: string | null;
      }>().checkinScheduleWarning,
    ).toBeNull();
  });

  // Last: it installs a PHQ-9 version the organisation then scores with.
  it("re-scoring alerts and notifies a risk answer the new version triggers on", async () => {
    const phq9Pack = structuredClone(bundledPack("phq-9")!);
    const withTriggers = (version: string, triggerValues: number[]) => ({
      ...phq9Pack,
      version,
      scoring: {
        ...phq9Pack.scoring,
        risk: phq9Pack.scoring.risk!.map((r) => ({ ...r, triggerValues })),
      },
    });
    expect(
      (await admin.post("/api/instruments", withTriggers("8.0.0", [2, 3])))
        .statusCode,
    ).toBe(201);
    const client = await newClient();
    await respond(
      client,
      phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]),
      "2026-11-24T10:00:00.000Z",
    );
    expect(await riskAlerts(client)).toEqual([]);
    expect(
      (await admin.post("/api/instruments", withTriggers("8.1.0", [1, 2, 3])))
        .statusCode,
    ).toBe(201);
    const before = await notices();
    const rescored = await admin.post("/api/instruments/phq-9/rescore", {});
    expect(rescored.statusCode).toBe(200);
    const alerts = await riskAlerts(client);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.explanation).toContain("answered 1 on 2026-11-24");
    expect(await notices()).toBe(before + 1);
  });
});
