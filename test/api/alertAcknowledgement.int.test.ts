// Acknowledging an alert (issue 14, points 5–7): what was done from the kind's list, who, when and
// an encrypted note; an acknowledged alert stays in the caseload's attention column until
// resolved; a supervisor acts on an alert escalated to them; urgent email that cannot go out is
// shown to the workspace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { escalateAlerts } from "../../src/server/notifications/notificationJobs.js";
import { deliverOutbox } from "../../src/server/notifications/outbox.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import type { Mailer } from "../../src/server/mail/mailer.js";
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
  note: string | null;
  acknowledgement: {
    action: string;
    actionLabel: string;
    note: string | null;
    by: string;
    byName: string | null;
    at: string;
  } | null;
}
interface CaseloadRow {
  clientId: string;
  attention: {
    kind: string;
    status: string;
    waitingMinutes: number | null;
    acknowledged: { by: string; byName: string | null; at: string } | null;
  } | null;
  openAlerts: number;
}

const phq9 = (items: number[]) =>
  Object.fromEntries(items.map((v, i) => [`q${i + 1}`, v]));
const RISKY = phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]);

describe.each(DIALECTS)("alert acknowledgement on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let supervisor: Session;
  let admin: Session;
  let now = new Date("2026-11-25T12:00:00.000Z");

  async function riskyClient(): Promise<{ client: string; alert: string }> {
    const client = (
      await t1.post("/api/clients", { name: "Ack Person" })
    ).json<{ id: string }>().id;
    await t1.post(`/api/clients/${client}/consents`, {
      kind: "routine-measurement",
      granted: true,
    });
    const stored = await t1.post(`/api/clients/${client}/responses`, {
      instrumentId: "phq-9",
      answers: RISKY,
      submittedAt: now.toISOString(),
    });
    expect(stored.statusCode).toBe(201);
    const alerts = (await t1.get(`/api/clients/${client}/alerts`)).json<{
      items: AlertBody[];
    }>().items;
    const risk = alerts.find((a) => a.kind === "risk");
    if (!risk) throw new Error("no risk alert");
    return { client, alert: risk.id };
  }
  const acknowledge = (s: Session, id: string, body: unknown) =>
    s.post(`/api/alerts/${id}/acknowledge`, body);
  const caseload = async (s: Session) =>
    (await s.get("/api/caseload?limit=200")).json<{ items: CaseloadRow[] }>()
      .items;
  const meId = async (s: Session) =>
    (await s.get("/api/me")).json<{ id: string; name: string }>();
  const warnings = async (s: Session) =>
    (await s.get("/api/warnings")).json<{
      items: { code: string; message: string }[];
    }>().items;

  /** Moves the clock on; sessions idle that long have expired, so everyone signs in again. */
  async function advance(ms: number): Promise<void> {
    now = new Date(now.getTime() + ms);
    [t1, supervisor, admin] = (await Promise.all(
      [
        "therapist1@demo.rapport.test",
        "supervisor@demo.rapport.test",
        "admin@demo.rapport.test",
      ].map((e) => signIn(app, e)),
    )) as [Session, Session, Session];
  }

  beforeAll(async () => {
    runtime = await testRuntime(dialect, { clock: () => now });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    await advance(0);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("records the action from the kind's list, who, when and an encrypted, audited note", async () => {
    const { client, alert } = await riskyClient();
    const refused = [
      { note: "Phoned" }, // no action
      { action: "plan-changed", note: "x" }, // a progress action, not a risk one
      { action: "other" }, // "other" says nothing without a note
      { action: "other", note: "   " },
    ];
    for (const body of refused)
      expect((await acknowledge(t1, alert, body)).statusCode).toBe(400);
    const me = await meId(t1);
    const acked = await acknowledge(t1, alert, {
      action: "safety-plan-reviewed",
      note: "Phoned; plan reviewed",
    });
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({
      status: "acknowledged",
      acknowledgedBy: me.id,
      acknowledgedAt: now.toISOString(),
      note: "Phoned; plan reviewed",
      acknowledgement: {
        action: "safety-plan-reviewed",
        actionLabel: "Safety plan reviewed",
        note: "Phoned; plan reviewed",
        by: me.id,
        byName: me.name,
        at: now.toISOString(),
      },
    });
    expect(
      (await acknowledge(t1, alert, { action: "escalated" })).statusCode,
    ).toBe(409);
    const rows = await runtime.context.db
      .selectFrom("alert_acknowledgements")
      .selectAll()
      .where("alert_id", "=", alert)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      client_id: client,
      action: "safety-plan-reviewed",
      acknowledged_by: me.id,
    });
    expect(rows[0]?.note_enc).toBeTruthy();
    expect(rows[0]?.note_enc).not.toContain("Phoned");
    const audited = await runtime.context.db
      .selectFrom("audit_log")
      .select("actor_id")
      .where("client_id", "=", client)
      .where("action", "=", "alert.acknowledge")
      .execute();
    expect(audited).toEqual([{ actor_id: me.id }]);
    // Listed with it later, too.
    const listed = (await t1.get(`/api/clients/${client}/alerts`)).json<{
      items: AlertBody[];
    }>().items;
    expect(listed.find((a) => a.id === alert)?.acknowledgement).toMatchObject({
      action: "safety-plan-reviewed",
      note: "Phoned; plan reviewed",
    });
  });

  it("erases a client's acknowledgements with the client", async () => {
    const { client, alert } = await riskyClient();
    await acknowledge(t1, alert, { action: "other", note: "Letter to GP" });
    expect((await admin.delete(`/api/clients/${client}`)).statusCode).toBe(204);
    expect(
      await runtime.context.db
        .selectFrom("alert_acknowledgements")
        .select("id")
        .where("client_id", "=", client)
        .execute(),
    ).toEqual([]);
  });

  it("takes each kind's own list: a rupture is not escalated, a no-improvement alert is referred", async () => {
    const { client } = await riskyClient();
    const at = now.toISOString();
    const { organisation_id } = await runtime.context.db
      .selectFrom("clients")
      .select("organisation_id")
      .where("id", "=", client)
      .executeTakeFirstOrThrow();
    const insert = (id: string, kind: string) =>
      runtime.context.db
        .insertInto("alerts")
        .values({
          id,
          organisation_id,
          client_id: client,
          kind,
          severity: "high",
          severity_rank: 1,
          cause_key: `${kind}:${id}`,
          instrument_id: null,
          rule: `${kind}.test`,
          explanation: "test",
          evidence: "{}",
          signal_at: at,
          status: "open",
          created_at: at,
          updated_at: at,
          acknowledged_by: null,
          acknowledged_at: null,
          note_enc: null,
          resolved_by: null,
          resolved_at: null,
          escalated_at: null,
        })
        .execute();
    await insert(`rupture-${dialect}`, "rupture");
    await insert(`noimp-${dialect}`, "no-improvement");
    expect(
      (await acknowledge(t1, `rupture-${dialect}`, { action: "escalated" }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await acknowledge(t1, `rupture-${dialect}`, {
          action: "repair-attempted",
        })
      ).json<AlertBody>().acknowledgement,
    ).toMatchObject({ action: "repair-attempted", note: null });
    expect(
      (await acknowledge(t1, `noimp-${dialect}`, { action: "referred" }))
        .statusCode,
    ).toBe(200);
  });

  it("keeps an acknowledged alert in the caseload's attention column, with who and when, until resolved", async () => {
    const { client, alert } = await riskyClient();
    await advance(90 * 60_000);
    let rows = await caseload(t1);
    let row = rows.find((r) => r.clientId === client);
    expect(row?.attention).toMatchObject({
      kind: "risk",
      status: "open",
      waitingMinutes: 90,
      acknowledged: null,
    });
    await acknowledge(t1, alert, { action: "contacted-client" });
    const me = await meId(t1);
    rows = await caseload(t1);
    row = rows.find((r) => r.clientId === client);
    expect(row?.attention).toMatchObject({
      kind: "risk",
      status: "acknowledged",
      waitingMinutes: null,
      acknowledged: { by: me.id, byName: me.name, at: now.toISOString() },
    });
    // Still ordered with the clients who need attention, above every client without an alert.
    const index = rows.findIndex((r) => r.clientId === client);
    const firstQuiet = rows.findIndex((r) => r.attention === null);
    expect(firstQuiet === -1 || index < firstQuiet).toBe(true);
    expect(
      (await t1.post(`/api/alerts/${alert}/resolve`, { note: "Safe" }))
        .statusCode,
    ).toBe(200);
    row = (await caseload(t1)).find((r) => r.clientId === client);
    expect(row?.attention?.kind).not.toBe("risk");
  });

  it("lets a supervisor acknowledge and resolve an alert once it was escalated to them", async () => {
    const { alert } = await riskyClient();
    expect(
      (await acknowledge(supervisor, alert, { action: "escalated" }))
        .statusCode,
    ).toBe(403);
    await advance(5 * 3_600_000); // past the 240-minute default
    expect(await escalateAlerts(runtime.context)).toBeGreaterThan(0);
    const sup = await meId(supervisor);
    const acked = await acknowledge(supervisor, alert, {
      action: "contacted-client",
      note: "Rang the client; safe tonight",
    });
    expect(acked.statusCode).toBe(200);
    expect(acked.json<AlertBody>().acknowledgement).toMatchObject({
      by: sup.id,
      byName: sup.name,
    });
    expect(
      (await supervisor.post(`/api/alerts/${alert}/resolve`, {})).json(),
    ).toMatchObject({ status: "resolved" });
  });

  it("warns therapists and administrators while urgent-alert email cannot be sent, and administrators about empty crisis information", async () => {
    // The test runtime has no SMTP server configured.
    expect((await warnings(t1)).map((w) => w.code)).toContain("email-off");
    expect((await warnings(admin)).map((w) => w.code)).toEqual(
      expect.arrayContaining(["email-off", "crisis-information-empty"]),
    );
    await admin.patch("/api/organisation", {
      settings: { crisisInformation: "Samaritans: 116 123" },
    });
    expect((await warnings(admin)).map((w) => w.code)).not.toContain(
      "crisis-information-empty",
    );

    const original = runtime.context.mailer;
    let up = false;
    const flaky: Mailer = {
      configured: true,
      send: () =>
        up ? Promise.resolve() : Promise.reject(new Error("SMTP refused")),
    };
    runtime.context.mailer = flaky;
    try {
      await riskyClient();
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await advance(10 * 60_000);
        await deliverOutbox(runtime.context, 500);
      }
      const therapist = await warnings(t1);
      expect(therapist.map((w) => w.code)).toEqual(["urgent-email-failing"]);
      expect(therapist[0]?.message).toMatch(
        /urgent-alert emails? could not be sent/,
      );
      expect((await warnings(admin)).map((w) => w.code)).toEqual([
        "urgent-email-failing",
      ]);
      up = true;
      await advance(7 * 3_600_000);
      await deliverOutbox(runtime.context, 500);
      expect(await warnings(t1)).toEqual([]);
    } finally {
      runtime.context.mailer = original;
    }
  });
});
