// Client check-ins end to end over HTTP (in-process), on both dialects, with a real SMTP server:
// links, the form without JavaScript, idempotent submission, drafts, risk, email, reminders,
// escalation, the organisation's schedule and the client's progress view.
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import {
  CHECKIN_CSS,
  CHECKIN_JS,
} from "../../src/server/checkins/page/assets.js";
import { verifyAudit } from "../../src/server/audit/audit.repository.js";
import { sendReminders } from "../../src/server/checkins/reminderJob.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import { deliverOutbox } from "../../src/server/notifications/outbox.js";
import { escalateAlerts } from "../../src/server/notifications/notificationJobs.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";
import { plainText, startMailbox, type Mailbox } from "../support/mailbox.js";

const CRISIS =
  "Call the Demo Clinic crisis line on 0100 000 000, or your local emergency number.";
const phq9 = (items: number[]) =>
  Object.fromEntries(items.map((v, i) => [`a:phq-9:q${i + 1}`, String(v)]));
const gad7 = (items: number[]) =>
  Object.fromEntries(items.map((v, i) => [`a:gad-7:q${i + 1}`, String(v)]));

interface Link {
  id: string;
  url: string;
  qrSvg: string;
  expiresAt: string;
}

describe.each(DIALECTS)("client check-ins on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let t2: Session;
  let supervisor: Session;
  let admin: Session;
  let mailbox: Mailbox;
  let now = new Date("2026-11-25T12:00:00.000Z");

  const pathOf = (url: string) => new URL(url).pathname;
  const page = (path: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url: path, headers });
  const post = (
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method: "POST",
      url: path,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...headers,
      },
      payload: new URLSearchParams(fields).toString(),
    });
  const submissionIdOf = (body: string) =>
    /name="submissionId" value="([^"]+)"/.exec(body)?.[1] ?? "";

  async function newClient(): Promise<string> {
    const id = (
      await t1.post("/api/clients", { name: "Checkin Person" })
    ).json<{ id: string }>().id;
    await t1.post(`/api/clients/${id}/episodes`, {
      openedAt: "2026-09-01T09:00:00.000Z",
    });
    await t1.post(`/api/clients/${id}/consents`, {
      kind: "routine-measurement",
      granted: true,
    });
    return id;
  }
  async function newCheckin(
    instruments = ["phq-9", "gad-7"],
    clientId?: string,
  ) {
    const client = clientId ?? (await newClient());
    const res = await t1.post("/api/checkins", {
      clientId: client,
      instruments,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { client, link: res.json<Link>() };
  }
  const responsesOf = async (client: string) =>
    (await t1.get(`/api/clients/${client}/responses`)).json<{
      items: { instrumentId: string; source: string }[];
    }>().items;

  beforeAll(async () => {
    mailbox = await startMailbox();
    runtime = await testRuntime(dialect, {
      clock: () => now,
      env: { RAPPORT_SMTP_URL: mailbox.url },
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    [t1, t2, supervisor, admin] = (await Promise.all(
      [
        "therapist1@demo.rapport.test",
        "therapist2@demo.rapport.test",
        "supervisor@demo.rapport.test",
        "admin@demo.rapport.test",
      ].map((e) => signIn(app, e)),
    )) as [Session, Session, Session, Session];
    expect(
      (
        await admin.patch("/api/organisation", {
          settings: { crisisInformation: CRISIS },
        })
      ).statusCode,
    ).toBe(200);
  });
  beforeEach(async () => {
    now = new Date("2026-11-25T12:00:00.000Z");
    [t1, t2, supervisor, admin] = (await Promise.all(
      [
        "therapist1@demo.rapport.test",
        "therapist2@demo.rapport.test",
        "supervisor@demo.rapport.test",
        "admin@demo.rapport.test",
      ].map((e) => signIn(app, e)),
    )) as [Session, Session, Session, Session];
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
    await mailbox.close();
  });

  it("creates a check-in with a 256-bit link stored only as a hash, expiring after 72 hours, with a QR code", async () => {
    const { link } = await newCheckin();
    const token = pathOf(link.url).split("/c/")[1] ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(link.expiresAt).getTime() - now.getTime()).toBe(
      72 * 3_600_000,
    );
    expect(link.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const rows = await runtime.context.db
      .selectFrom("checkin_links")
      .select("token_hash")
      .execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it("refuses without consent, to a read-only supervisor and to another therapist; unknown instruments are 404", async () => {
    const bare = (await t1.post("/api/clients", { name: "No Consent" })).json<{
      id: string;
    }>().id;
    expect(
      (
        await t1.post("/api/checkins", {
          clientId: bare,
          instruments: ["phq-9"],
        })
      ).statusCode,
    ).toBe(403);
    const client = await newClient();
    expect(
      (
        await supervisor.post("/api/checkins", {
          clientId: client,
          instruments: ["phq-9"],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t2.post("/api/checkins", {
          clientId: client,
          instruments: ["phq-9"],
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t1.post("/api/checkins", {
          clientId: client,
          instruments: ["nope"],
        })
      ).statusCode,
    ).toBe(404);
  });

  it("serves the form without JavaScript: official items, no-store, first submit button sends, privacy and crisis information", async () => {
    const { link } = await newCheckin();
    const res = await page(pathOf(link.url));
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["content-security-policy"]).toContain(
      "script-src 'self'",
    );
    expect(res.body).toContain("Little interest or pleasure in doing things");
    expect(res.body).toContain("Feeling nervous, anxious or on edge");
    expect(res.body).toContain(CRISIS);
    expect(res.body).toContain("Who sees your answers");
    expect(res.body).toContain("not watched around the clock");
    expect(res.body).not.toMatch(/<script>|on(click|change|submit)=/);
    const buttons = [
      ...res.body.matchAll(
        /<button type="submit" name="action" value="(\w+)"/g,
      ),
    ].map((m) => m[1]);
    expect(buttons[0]).toBe("submit");
    expect(res.body).toContain("0 of 17 questions answered");
  });

  it("speaks German by ?lang= or Accept-Language, while the items keep their official wording", async () => {
    const { link } = await newCheckin(["phq-9"]);
    for (const res of [
      await page(`${pathOf(link.url)}?lang=de`),
      await page(pathOf(link.url), {
        "accept-language": "de-CH, de;q=0.9, en;q=0.5",
      }),
    ]) {
      expect(res.body).toContain('<html lang="de">');
      expect(res.body).toContain("Antworten senden");
      expect(res.body).toContain(
        '<span lang="en">Little interest or pleasure in doing things</span>',
      );
    }
    expect(
      (await page(pathOf(link.url), { "accept-language": "fr, en;q=0.4" }))
        .body,
    ).toContain('<html lang="en">');
  });

  it("keeps everything entered when an answer is missing, and links each error to its question", async () => {
    const { link, client } = await newCheckin(["phq-9"]);
    const form = await page(pathOf(link.url));
    const answers = phq9([1, 2, 1, 0, 0, 1, 0, 0, 0]);
    delete answers["a:phq-9:q4"];
    const res = await post(pathOf(link.url), {
      ...answers,
      feedback: "More time",
      submissionId: submissionIdOf(form.body),
      action: "submit",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(
      /<fieldset id="f-a-phq-9-q4" class="item has-error" aria-describedby="f-a-phq-9-q4-e">/,
    );
    expect(res.body).toContain('href="#f-a-phq-9-q4"');
    expect(res.body).toMatch(
      /name="a:phq-9:q2" value="2"\s+id="[^"]+"\s+checked/,
    );
    expect(res.body).toContain("More time</textarea>");
    expect(await responsesOf(client)).toEqual([]);
  });

  it("stores exactly one response per instrument however often the same submission arrives, and then says the link is used", async () => {
    const { link, client } = await newCheckin();
    const path = pathOf(link.url);
    const fields = {
      ...phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]),
      ...gad7([1, 1, 1, 1, 1, 1, 1]),
      submissionId: submissionIdOf((await page(path)).body),
      action: "submit",
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post(path, fields)),
    );
    for (const r of results) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain("Thank you");
    }
    expect((await post(path, fields)).statusCode).toBe(200);
    const stored = await responsesOf(client);
    expect(stored.map((r) => r.instrumentId).sort()).toEqual([
      "gad-7",
      "phq-9",
    ]);
    expect(stored.every((r) => r.source === "checkin")).toBe(true);
    const other = await post(path, {
      ...fields,
      submissionId: "another-submission-1",
    });
    expect(other.statusCode).toBe(409);
    expect(other.body).toContain("already done");
    const again = await page(path);
    expect(again.body).toContain("already done");
    expect(again.body).not.toContain("checked");
  });

  it("stores each of many check-ins submitted at once exactly once, duplicates included, each audited once in an intact chain", async () => {
    const opened = await Promise.all(
      Array.from({ length: 6 }, () => newCheckin(["phq-9"])),
    );
    const answered = await Promise.all(
      opened.flatMap(({ link }, i) =>
        [1, 2].map(() =>
          post(pathOf(link.url), {
            ...phq9([i % 4, 1, 0, 1, 0, 1, 0, 1, 0]),
            submissionId: `at-once-${i}`,
            action: "submit",
          }),
        ),
      ),
    );
    expect(answered.map((r) => r.statusCode)).toEqual(
      Array.from({ length: 12 }, () => 200),
    );
    for (const { client } of opened) {
      expect(await responsesOf(client)).toHaveLength(1);
      const audited = await runtime.context.db
        .selectFrom("audit_log")
        .select(["action", "source"])
        .where("client_id", "=", client)
        .where("action", "=", "response.create")
        .execute();
      expect(audited).toEqual([
        { action: "response.create", source: "checkin" },
      ]);
    }
    // The batch's entries were appended together: the chain must still verify.
    for (const report of await verifyAudit(runtime.context.db))
      expect(report.problems).toEqual([]);
  });

  it("resumes a draft (kept encrypted) where the client stopped", async () => {
    const { link, client } = await newCheckin(["phq-9"]);
    const path = pathOf(link.url);
    const saved = await post(
      path,
      {
        "a:phq-9:q1": "2",
        "a:phq-9:q2": "3",
        feedback: "Quieter room",
        action: "save",
      },
      { accept: "application/json" },
    );
    expect(saved.json()).toEqual({ saved: true });
    const draft = await runtime.context.db
      .selectFrom("checkin_drafts")
      .selectAll()
      .where("client_id", "=", client)
      .executeTakeFirstOrThrow();
    expect(draft.answers_enc).not.toContain("Quieter");
    const resumed = await page(path);
    expect(resumed.body).toMatch(
      /name="a:phq-9:q2" value="3"\s+id="[^"]+"\s+checked/,
    );
    expect(resumed.body).toContain("Quieter room</textarea>");
    expect(resumed.body).toContain("2 of 10 questions answered");
    const noJs = await post(path, { "a:phq-9:q1": "2", action: "save" });
    expect(noJs.statusCode).toBe(200);
    expect(noJs.body).toContain("answers so far are saved");
  });

  it("raises the risk alert from a saved draft at once, tells the therapist by email without names or answers, and shows crisis information on confirmation", async () => {
    const { link, client } = await newCheckin(["phq-9"]);
    const path = pathOf(link.url);
    const before = mailbox.messages.length;
    await post(
      path,
      { "a:phq-9:q9": "2", action: "save" },
      { accept: "application/json" },
    );
    const alerts = (await t1.get(`/api/clients/${client}/alerts`)).json<{
      items: { kind: string; severity: string }[];
    }>().items;
    expect(alerts.filter((a) => a.kind === "risk")).toHaveLength(1);
    await deliverOutbox(runtime.context);
    const mail = plainText((await mailbox.waitFor(before + 1)).at(-1) ?? "");
    expect(mail).toContain("urgent alert is waiting");
    expect(mail).toContain("To: therapist1@demo.rapport.test");
    expect(mail).not.toMatch(/Checkin Person|phq|item 9/i);
    const done = await post(path, {
      ...phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]),
      submissionId: "risk-submission-1",
      action: "submit",
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("please do not wait");
    expect(done.body.split(CRISIS).length).toBeGreaterThan(2); // in the message and the footer
    const risk = (await t1.get(`/api/clients/${client}/alerts`))
      .json<{ items: { kind: string }[] }>()
      .items.filter((a) => a.kind === "risk");
    expect(risk.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps one risk alert when a risk answer is saved in a draft and then submitted", async () => {
    const { link, client } = await newCheckin(["phq-9"]);
    const path = pathOf(link.url);
    await post(
      path,
      { "a:phq-9:q9": "1", action: "save" },
      { accept: "application/json" },
    );
    const riskAlerts = async () =>
      (await t1.get(`/api/clients/${client}/alerts`))
        .json<{ items: { id: string; kind: string; status: string }[] }>()
        .items.filter((a) => a.kind === "risk");
    const [drafted] = await riskAlerts();
    expect(drafted).toBeDefined();
    const notices = async () =>
      (
        await runtime.context.db
          .selectFrom("outbox")
          .select("id")
          .where("kind", "=", "risk-alert")
          .execute()
      ).length;
    const noticed = await notices();
    const done = await post(path, {
      ...phq9([0, 0, 1, 0, 0, 0, 0, 0, 1]),
      submissionId: "risk-once-1",
      action: "submit",
    });
    expect(done.statusCode).toBe(200);
    // The draft's answer was emailed already: the submitted one joins its alert silently.
    expect(await notices()).toBe(noticed);
    const after = await riskAlerts();
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(drafted?.id);
    const causes = await runtime.context.db
      .selectFrom("alerts")
      .select("cause_key")
      .where("client_id", "=", client)
      .where("kind", "=", "risk")
      .execute();
    expect(causes.map((c) => c.cause_key)).toEqual([
      expect.stringMatching(/^risk:phq-9:/),
    ]);
  });

  it("shows the free-text feedback to the therapist, stored encrypted", async () => {
    const { link, client } = await newCheckin(["gad-7"]);
    await post(pathOf(link.url), {
      ...gad7([0, 0, 1, 0, 0, 0, 0]),
      feedback: "Starting on time",
      submissionId: "feedback-submission",
      action: "submit",
    });
    const items = (await t1.get(`/api/clients/${client}/checkins`)).json<{
      items: {
        feedback: string | null;
        status: string;
        responseIds: string[];
      }[];
    }>().items;
    expect(items[0]).toMatchObject({
      feedback: "Starting on time",
      status: "completed",
    });
    expect(items[0]?.responseIds).toHaveLength(1);
    const row = await runtime.context.db
      .selectFrom("checkins")
      .select("feedback_enc")
      .where("client_id", "=", client)
      .executeTakeFirstOrThrow();
    expect(row.feedback_enc).not.toContain("Starting");
    expect((await t2.get(`/api/clients/${client}/checkins`)).statusCode).toBe(
      404,
    );
  });

  it("tells the therapist a check-in's status, without answers or feedback, only if they may read the client", async () => {
    const { link, client } = await newCheckin(["gad-7"]);
    const status = async (who: Session = t1, id = link.id) => {
      const res = await who.get(`/api/checkins/${id}`);
      return {
        code: res.statusCode,
        body: res.json<Record<string, unknown>>(),
      };
    };
    expect(await status()).toEqual({
      code: 200,
      body: {
        id: link.id,
        status: "open",
        completedAt: null,
        expiresAt: link.expiresAt,
      },
    });
    expect((await status(t2)).code).toBe(404);
    expect(
      (await status(t1, "00000000-0000-7000-8000-000000000000")).code,
    ).toBe(404);
    await post(pathOf(link.url), {
      ...gad7([0, 0, 1, 0, 0, 0, 0]),
      feedback: "Starting on time",
      submissionId: "status-submission",
      action: "submit",
    });
    const done = await status();
    expect(done.body).toMatchObject({ status: "completed" });
    expect(done.body.completedAt).toEqual(expect.any(String));
    expect(JSON.stringify(done.body)).not.toContain("Starting on time");
    const actions = (
      await runtime.context.db
        .selectFrom("audit_log")
        .select("action")
        .where("client_id", "=", client)
        .execute()
    ).map((r) => r.action);
    expect(actions.filter((a) => a === "checkin.status")).toHaveLength(2);
    const later = await newCheckin(["gad-7"], client);
    now = new Date(now.getTime() + 73 * 3_600_000);
    const signedInAgain = await signIn(app, "therapist1@demo.rapport.test");
    expect((await status(signedInAgain, later.link.id)).body).toMatchObject({
      status: "expired",
    });
  });

  it("says kindly that an expired or unknown link cannot be used, and what to do", async () => {
    const { link } = await newCheckin(["phq-9"]);
    now = new Date(now.getTime() + 73 * 3_600_000);
    const expired = await page(pathOf(link.url));
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("ask your therapist for a new link");
    const unknown = await page(`/c/${"x".repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("We do not recognise this link");
  });

  it("emails the link, reminds once outside quiet hours, and stops after unsubscribing", async () => {
    await admin.patch("/api/organisation", {
      settings: {
        timeZone: "Europe/London",
        quietHours: { start: "21:00", end: "08:00" },
        checkinReminderHours: 24,
      },
    });
    const { link, client } = await newCheckin(["phq-9"]);
    const before = mailbox.messages.length;
    expect(
      (
        await t1.post(`/api/checkins/${link.id}/send`, {
          email: "client@example.org",
        })
      ).statusCode,
    ).toBe(202);
    const sent = plainText((await mailbox.waitFor(before + 1)).at(-1) ?? "");
    const emailed =
      /(http:\/\/localhost:\d+\/c\/[A-Za-z0-9_-]{43})/.exec(sent)?.[1] ?? "";
    expect(emailed).not.toBe("");
    expect((await page(pathOf(emailed))).statusCode).toBe(200);
    expect(sent).not.toMatch(/Checkin Person|depress/i);
    now = new Date("2026-11-26T23:00:00.000Z"); // 35 h later, but 23:00 in London
    expect(await sendReminders(runtime.context)).toBe(0);
    now = new Date("2026-11-27T09:00:00.000Z");
    expect(await sendReminders(runtime.context)).toBe(1);
    expect(await sendReminders(runtime.context)).toBe(0);
    await deliverOutbox(runtime.context);
    expect(
      plainText((await mailbox.waitFor(before + 2)).at(-1) ?? ""),
    ).toContain("reminder");
    const unsubscribe = await post(`${pathOf(emailed)}/unsubscribe`, {});
    expect(unsubscribe.body).toContain("no more check-in emails");
    now = new Date("2026-11-25T12:00:00.000Z");
    t1 = await signIn(app, "therapist1@demo.rapport.test");
    expect(
      (
        await t1.post(`/api/checkins/${link.id}/send`, {
          email: "client@example.org",
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await t1.get(`/api/clients/${client}/checkins`)).json<{
        items: { remindersSent: number; emailed: boolean }[];
      }>().items[0],
    ).toMatchObject({ remindersSent: 1, emailed: true });
  });

  it("keeps the response when email fails, and sends it later with backoff", async () => {
    const mailer = runtime.context.mailer;
    runtime.context.mailer = {
      configured: true,
      send: () => Promise.reject(new Error("SMTP down")),
    };
    try {
      const { link, client } = await newCheckin(["phq-9"]);
      const res = await post(pathOf(link.url), {
        ...phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]),
        submissionId: "outbox-submission",
        action: "submit",
      });
      expect(res.statusCode).toBe(200);
      expect(await responsesOf(client)).toHaveLength(1);
      await deliverOutbox(runtime.context);
      const pending = await runtime.context.db
        .selectFrom("outbox")
        .selectAll()
        .where("status", "=", "pending")
        .where("kind", "=", "risk-alert")
        .where("attempts", ">", 0)
        .execute();
      expect(pending.length).toBeGreaterThan(0);
    } finally {
      runtime.context.mailer = mailer;
    }
    const before = mailbox.messages.length;
    now = new Date(now.getTime() + 10 * 60_000);
    await deliverOutbox(runtime.context);
    await mailbox.waitFor(before + 1);
  });

  it("escalates an unacknowledged critical alert to the supervisor after the configured delay", async () => {
    await admin.patch("/api/organisation", {
      settings: { alertEscalationMinutes: 30 },
    });
    const { link } = await newCheckin(["phq-9"]);
    await post(pathOf(link.url), {
      ...phq9([2, 2, 2, 2, 2, 2, 2, 2, 3]),
      submissionId: "escalate-submission",
      action: "submit",
    });
    now = new Date(now.getTime() + 20 * 60_000);
    expect(await escalateAlerts(runtime.context)).toBe(0);
    now = new Date(now.getTime() + 20 * 60_000);
    expect(await escalateAlerts(runtime.context)).toBeGreaterThan(0);
    expect(await escalateAlerts(runtime.context)).toBe(0);
    const before = mailbox.messages.length;
    await deliverOutbox(runtime.context);
    const mails = (await mailbox.waitFor(before + 1))
      .slice(before)
      .map(plainText);
    expect(
      mails.some(
        (m) =>
          m.includes("To: supervisor@demo.rapport.test") &&
          m.includes("not been acknowledged"),
      ),
    ).toBe(true);
  });

  it("creates the scheduled check-in when a session is marked attended, every n-th for phq-9", async () => {
    await admin.patch("/api/organisation", {
      settings: {
        checkinSchedule: [
          { instrumentId: "rapport-alliance", everyNthSession: 1 },
          { instrumentId: "phq-9", everyNthSession: 2 },
        ],
      },
    });
    const client = await newClient();
    const sessions: string[] = [];
    for (const day of ["2026-11-02", "2026-11-09"]) {
      const s = (
        await t1.post(`/api/clients/${client}/sessions`, {
          startsAt: `${day}T10:00:00.000Z`,
        })
      ).json<{ id: string }>();
      await t1.patch(`/api/clients/${client}/sessions/${s.id}`, {
        status: "attended",
      });
      sessions.push(s.id);
    }
    await t1.patch(`/api/clients/${client}/sessions/${sessions[1]}`, {
      status: "attended",
    });
    const items = (await t1.get(`/api/clients/${client}/checkins`)).json<{
      items: { id: string; sessionId: string; instruments: string[] }[];
    }>().items;
    expect(items).toHaveLength(2);
    expect(items.find((c) => c.sessionId === sessions[0])?.instruments).toEqual(
      ["rapport-alliance"],
    );
    expect(items.find((c) => c.sessionId === sessions[1])?.instruments).toEqual(
      ["rapport-alliance", "phq-9"],
    );
    const fresh = await t1.post(`/api/checkins/${items[0]?.id ?? ""}/link`);
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json<{ url: string }>().url).toMatch(
      /\/c\/[A-Za-z0-9_-]{43}$/,
    );
    await admin.patch("/api/organisation", {
      settings: { checkinSchedule: [] },
    });
  });

  it("shows the client their progress when the therapist turns it on; alliance only when chosen; the link is revocable", async () => {
    const { link, client } = await newCheckin(["phq-9", "rapport-alliance"]);
    await post(pathOf(link.url), {
      ...phq9([2, 2, 1, 1, 1, 1, 1, 1, 0]),
      "a:rapport-alliance:goals": "7",
      "a:rapport-alliance:tasks": "8",
      "a:rapport-alliance:bond": "9",
      "a:rapport-alliance:overall": "8",
      submissionId: "progress-submission",
      action: "submit",
    });
    expect(
      (await t1.post(`/api/clients/${client}/progress-view/link`)).statusCode,
    ).toBe(409);
    expect(
      (
        await t1.put(`/api/clients/${client}/progress-view`, {
          enabled: true,
          showAlliance: false,
        })
      ).json(),
    ).toMatchObject({ enabled: true });
    const url = (
      await t1.post(`/api/clients/${client}/progress-view/link`)
    ).json<{ url: string }>().url;
    const view = await page(pathOf(url));
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('role="img"');
    expect(view.body).toContain("<table>");
    expect(view.body).toContain("Patient Health Questionnaire");
    expect(view.body).not.toMatch(/How sessions felt/);
    await t1.put(`/api/clients/${client}/progress-view`, {
      enabled: true,
      showAlliance: true,
    });
    expect((await page(pathOf(url))).body).toContain("How sessions felt");
    expect((await page(`${pathOf(link.url)}/progress`)).statusCode).toBe(200);
    await t1.delete(`/api/clients/${client}/progress-view/link`);
    expect((await page(pathOf(url))).statusCode).toBe(404);
  });

  it("weighs under 30 KB compressed: the page, its stylesheet and its script", async () => {
    const { link } = await newCheckin(["phq-9", "gad-7", "rapport-alliance"]);
    const res = await page(pathOf(link.url), { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    const html = res.rawPayload.length;
    const css = zlib.gzipSync(CHECKIN_CSS).length;
    const js = zlib.gzipSync(CHECKIN_JS).length;
    console.log(
      `check-in page weight (gzip): html ${html} B, css ${css} B, js ${js} B, total ${html + css + js} B`,
    );
    expect(html + css + js).toBeLessThan(30 * 1024);
    const asset = await page("/c/assets/checkin.js", {
      "accept-encoding": "gzip",
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-type"]).toContain("javascript");
  });
});
