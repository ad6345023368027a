// Alerts: raised with the response that triggers them, one per cause, most severe first, and a
// lifecycle of acknowledge-with-note and resolve.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

interface AlertBody {
  id: string;
  clientId: string;
  kind: string;
  severity: string;
  explanation: string;
  status: string;
  note: string | null;
}

const phq9 = (items: number[]) =>
  Object.fromEntries(items.map((v, i) => [`q${i + 1}`, v]));

describe.each(DIALECTS)("alerts on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let t2: Session;
  let supervisor: Session;

  async function newClient(): Promise<string> {
    const id = (await t1.post("/api/clients", { name: "Alert Person" })).json<{
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
    instrumentId = "phq-9",
  ) =>
    t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId,
      answers,
      submittedAt,
    });
  const alertsOf = async (s: Session, clientId: string) =>
    (await s.get(`/api/clients/${clientId}/alerts`)).json<{
      items: AlertBody[];
    }>().items;

  beforeAll(async () => {
    runtime = await testRuntime(dialect, {
      clock: () => new Date("2026-11-25T12:00:00.000Z"),
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    [t1, t2, supervisor] = (await Promise.all(
      [
        "therapist1@demo.rapport.test",
        "therapist2@demo.rapport.test",
        "supervisor@demo.rapport.test",
      ].map((e) => signIn(app, e)),
    )) as [Session, Session, Session];
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("raises a critical risk alert with the response that answers PHQ-9 item 9 above 0, and only one", async () => {
    const client = await newClient();
    const stored = await respond(
      client,
      phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]),
      "2026-11-20T10:00:00.000Z",
    );
    expect(stored.statusCode).toBe(201);
    const alerts = await alertsOf(t1, client);
    const risk = alerts.filter((a) => a.kind === "risk");
    expect(risk).toHaveLength(1);
    expect(risk[0]).toMatchObject({ severity: "critical", status: "open" });
    expect(risk[0]!.explanation).toMatch(/PHQ-9|item 9|q9/i);
    await respond(
      client,
      phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]),
      "2026-11-21T10:00:00.000Z",
    );
    expect(
      (await alertsOf(t1, client)).filter((a) => a.kind === "risk"),
    ).toHaveLength(1);
  });

  it("raises nothing for a response with item 9 at 0 and a low total", async () => {
    const client = await newClient();
    await respond(
      client,
      phq9([0, 1, 0, 0, 1, 0, 0, 0, 0]),
      "2026-11-20T10:00:00.000Z",
    );
    expect(await alertsOf(t1, client)).toEqual([]);
  });

  it("flags reliable deterioration from the first to the latest PHQ-9", async () => {
    const client = await newClient();
    await respond(
      client,
      phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]),
      "2026-10-01T10:00:00.000Z",
    );
    await respond(
      client,
      phq9([2, 2, 2, 2, 2, 2, 2, 2, 0]),
      "2026-10-15T10:00:00.000Z",
    );
    expect((await alertsOf(t1, client)).map((a) => a.kind)).toContain(
      "reliable-deterioration",
    );
  });

  it("lists the caseload's alerts most severe first, hidden from other therapists, read-only for the supervisor", async () => {
    const client = await newClient();
    await respond(
      client,
      phq9([3, 3, 3, 3, 3, 3, 3, 3, 3]),
      "2026-11-22T10:00:00.000Z",
    );
    const page = (await t1.get("/api/alerts?limit=200")).json<{
      items: AlertBody[];
    }>().items;
    const ranks = page.map((a) =>
      ["critical", "high", "medium", "low"].indexOf(a.severity),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(page.some((a) => a.clientId === client)).toBe(true);
    expect(
      (await t2.get("/api/alerts?limit=200"))
        .json<{ items: AlertBody[] }>()
        .items.some((a) => a.clientId === client),
    ).toBe(false);
    expect((await t2.get(`/api/clients/${client}/alerts`)).statusCode).toBe(
      404,
    );
    const alert = (await alertsOf(supervisor, client))[0]!;
    expect(
      (
        await supervisor.post(`/api/alerts/${alert.id}/acknowledge`, {
          action: "other",
          note: "seen",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("acknowledges with an action and a note, then resolves; a resolved cause does not come back without new evidence", async () => {
    const client = await newClient();
    await respond(
      client,
      phq9([2, 2, 2, 2, 2, 2, 2, 2, 1]),
      "2026-11-22T10:00:00.000Z",
    );
    const risk = (await alertsOf(t1, client)).find((a) => a.kind === "risk")!;
    expect(
      (await t1.post(`/api/alerts/${risk.id}/acknowledge`, {})).statusCode,
    ).toBe(400);
    const acked = await t1.post(`/api/alerts/${risk.id}/acknowledge`, {
      action: "safety-plan-reviewed",
      note: "Phoned; safety plan reviewed",
    });
    expect(acked.json()).toMatchObject({
      status: "acknowledged",
      note: "Phoned; safety plan reviewed",
    });
    expect(
      (
        await t1.post(`/api/alerts/${risk.id}/acknowledge`, {
          action: "other",
          note: "again",
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await t1.post(`/api/alerts/${risk.id}/resolve`, {})).json(),
    ).toMatchObject({ status: "resolved" });
    await t1.post(`/api/clients/${client}/sessions`, {
      startsAt: "2026-11-23T10:00:00.000Z",
      status: "attended",
    });
    expect(
      (await alertsOf(t1, client)).find((a) => a.kind === "risk"),
    ).toBeUndefined();
    expect(
      (await t1.get(`/api/clients/${client}/alerts?status=resolved`))
        .json<{ items: AlertBody[] }>()
        .items.map((a) => a.id),
    ).toContain(risk.id);
  });

  it("flags disengagement after no-shows in a row", async () => {
    const client = await newClient();
    await t1.post(`/api/clients/${client}/sessions`, {
      startsAt: "2026-11-01T10:00:00.000Z",
      status: "attended",
    });
    await respond(
      client,
      phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]),
      "2026-11-01T11:00:00.000Z",
    );
    await t1.post(`/api/clients/${client}/sessions`, {
      startsAt: "2026-11-08T10:00:00.000Z",
      status: "no-show",
    });
    await t1.post(`/api/clients/${client}/sessions`, {
      startsAt: "2026-11-15T10:00:00.000Z",
      status: "no-show",
    });
    expect((await alertsOf(t1, client)).map((a) => a.kind)).toContain(
      "disengagement",
    );
  });

  it("keeps the reference model until the clinic has enough clients, then fits its own and says so", async () => {
    const { fitOrganisationModel } =
      await import("../../src/server/alerts/trajectoryModels.js");
    const me = (await t1.get("/api/me")).json<{ organisationId: string }>();
    const client = (await t1.get("/api/clients?limit=1")).json<{
      items: { id: string }[];
    }>().items[0]!.id;
    const label = async () =>
      (await t1.get(`/api/clients/${client}/signals`)).json<{
        trajectoryModels: Record<string, string>;
      }>().trajectoryModels["phq-9"];
    expect(await label()).toBe("reference model, not fitted to your clinic");
    const strict = {
      ...runtime.context,
      config: { ...runtime.context.config, modelMinClients: 1000 },
    };
    const refused = await fitOrganisationModel(
      strict,
      me.organisationId,
      "phq-9",
    );
    expect(refused).toMatchObject({ fitted: false });
    expect(await label()).toBe("reference model, not fitted to your clinic");
    const lenient = {
      ...runtime.context,
      config: { ...runtime.context.config, modelMinClients: 10 },
    };
    const fitted = await fitOrganisationModel(
      lenient,
      me.organisationId,
      "phq-9",
    );
    expect(fitted).toMatchObject({ fitted: true });
    expect(fitted.nClients).toBeGreaterThanOrEqual(10);
    expect(await label()).toMatch(
      /^fitted to your clinic's data \(\d+ clients, /,
    );
  });
});
