// Attacks and identity features, each test naming the mechanism that stops it.
import crypto from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { currentCode } from "../../src/server/auth/totp.js";
import {
  createApiToken,
  revokeApiToken,
} from "../../src/server/auth/tokens.service.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import {
  asCookie,
  asToken,
  cookiesOf,
  signIn,
  verifyCode,
} from "../support/http.js";

interface Mailbox {
  port: number;
  messages: string[];
  close(): Promise<void>;
}

async function smtp(): Promise<Mailbox> {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString()));
      stream.on("end", () => {
        messages.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    messages,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe.each(DIALECTS)("identity and access on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let mailbox: Mailbox;
  let now = new Date("2026-11-25T09:00:00Z");
  const login = (email: string, password: string) =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
    });

  beforeAll(async () => {
    mailbox = await smtp();
    runtime = await testRuntime(dialect, {
      clock: () => now,
      env: { RAPPORT_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` },
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
    await mailbox.close();
  });

  it("CSRF: a cookie-authenticated POST without the token, or with another session's, is refused (csrf-protection)", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const t2 = await signIn(app, "therapist2@demo.rapport.test");
    const bare = await app.inject({
      method: "POST",
      url: "/api/clients",
      headers: { cookie: t1.cookie },
      payload: { name: "CSRF Victim" },
    });
    expect(bare.statusCode).toBe(403);
    const crossed = await asCookie(app, t1.cookie, t2.csrfToken).post(
      "/api/clients",
      { name: "CSRF Victim" },
    );
    expect(crossed.statusCode).toBe(403);
    expect(
      (await t1.post("/api/clients", { name: "Legit Client" })).statusCode,
    ).toBe(201);
  });

  it("session fixation: a cookie planted before sign-in is never adopted; sign-in issues a fresh one", async () => {
    const planted = "rapport_session=attacker-chosen-value";
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: planted },
      payload: {
        email: "therapist1@demo.rapport.test",
        password: "demo-password-1",
      },
    });
    const issued = res.cookies.find((c) => c.name === "rapport_session")?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe("attacker-chosen-value");
    expect(
      (
        await app.inject({
          method: "GET",
          url: "/api/me",
          headers: { cookie: planted },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("enumeration: an unknown email and a wrong password get the same answer", async () => {
    const unknown = await login("nobody@demo.rapport.test", "wrong-password");
    const wrong = await login("therapist2@demo.rapport.test", "wrong-password");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
  });

  it("brute force: five failures lock the account with 429 and Retry-After, even for the right password (login_throttle)", async () => {
    const email = "supervisor@demo.rapport.test";
    for (let i = 0; i < 4; i++)
      expect((await login(email, `guess-${i}`)).statusCode).toBe(401);
    const fifth = await login(email, "guess-5");
    expect(fifth.statusCode).toBe(429);
    expect(Number(fifth.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login(email, "demo-password-1")).statusCode).toBe(429);
    for (let i = 0; i < 5; i++)
      await login("ghost@demo.rapport.test", `guess-${i}`);
    expect((await login("ghost@demo.rapport.test", "x")).statusCode).toBe(429);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await login(email, "demo-password-1")).statusCode).toBe(200);
  });

  it("idle timeout: a session unused for longer than the idle limit ends (auth hook)", async () => {
    const t2 = await signIn(app, "therapist2@demo.rapport.test");
    expect((await t2.get("/api/me")).statusCode).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await t2.get("/api/me")).statusCode).toBe(401);
  });

  it("API tokens: bearer without CSRF; read-only scope; expired and revoked tokens are refused", async () => {
    const full = await createApiToken(runtime.context, {
      email: "therapist1@demo.rapport.test",
      scopes: [],
    });
    const api = asToken(app, full.token);
    expect((await api.get("/api/clients?limit=1")).statusCode).toBe(200);
    expect(
      (await api.post("/api/clients", { name: "Via Token" })).statusCode,
    ).toBe(201);
    const readOnly = asToken(
      app,
      (
        await createApiToken(runtime.context, {
          email: "therapist1@demo.rapport.test",
          scopes: ["read"],
        })
      ).token,
    );
    expect((await readOnly.get("/api/clients?limit=1")).statusCode).toBe(200);
    expect(
      (await readOnly.post("/api/clients", { name: "Nope" })).statusCode,
    ).toBe(403);
    const short = await createApiToken(runtime.context, {
      email: "therapist1@demo.rapport.test",
      scopes: [],
      expiresInDays: 1,
    });
    now = new Date(now.getTime() + 2 * 86_400_000);
    expect((await asToken(app, short.token).get("/api/me")).statusCode).toBe(
      401,
    );
    await revokeApiToken(runtime.context, full.id);
    expect((await api.get("/api/me")).statusCode).toBe(401);
    expect((await asToken(app, "rpt_made-up").get("/api/me")).statusCode).toBe(
      401,
    );
  });

  it("TOTP: enrolment, a pending session until the code, and single-use recovery codes", async () => {
    const t2 = await signIn(app, "therapist2@demo.rapport.test");
    const { secret } = (await t2.post("/api/auth/totp/setup")).json<{
      secret: string;
    }>();
    expect(
      (await t2.post("/api/auth/totp/enable", { code: "000000" })).statusCode,
    ).toBe(400);
    const enabled = await t2.post("/api/auth/totp/enable", {
      code: await currentCode(secret, now),
    });
    const { recoveryCodes } = enabled.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);

    const first = await login(
      "therapist2@demo.rapport.test",
      "demo-password-1",
    );
    expect(first.json()).toMatchObject({
      secondFactorRequired: true,
      me: null,
    });
    const pending = asCookie(
      app,
      cookiesOf(first),
      first.json<{ csrfToken: string }>().csrfToken,
    );
    expect((await pending.get("/api/clients")).statusCode).toBe(401);
    expect(
      (await pending.post("/api/auth/totp/verify", { code: "123456" }))
        .statusCode,
    ).toBe(401);
    // The enrolment code was used and cannot sign in; the next one (30 s later) signs in, under a
    // new session id.
    expect(
      (
        await pending.post("/api/auth/totp/verify", {
          code: await currentCode(secret, now),
        })
      ).statusCode,
    ).toBe(401);
    now = new Date(now.getTime() + 30_000);
    const verified = await verifyCode(
      app,
      pending,
      await currentCode(secret, now),
    );
    expect(verified.response.statusCode).toBe(200);
    expect((await pending.get("/api/clients")).statusCode).toBe(401);
    const signedIn = verified.session;
    expect((await signedIn.get("/api/clients")).statusCode).toBe(200);

    const second = await login(
      "therapist2@demo.rapport.test",
      "demo-password-1",
    );
    const viaRecovery = asCookie(
      app,
      cookiesOf(second),
      second.json<{ csrfToken: string }>().csrfToken,
    );
    expect(
      (
        await viaRecovery.post("/api/auth/totp/verify", {
          code: recoveryCodes[0],
        })
      ).statusCode,
    ).toBe(200);
    const third = await login(
      "therapist2@demo.rapport.test",
      "demo-password-1",
    );
    const reused = asCookie(
      app,
      cookiesOf(third),
      third.json<{ csrfToken: string }>().csrfToken,
    );
    expect(
      (await reused.post("/api/auth/totp/verify", { code: recoveryCodes[0] }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await signedIn.post("/api/auth/totp/disable", {
          password: "demo-password-1",
        })
      ).statusCode,
    ).toBe(200);
  });

  it("an organisation can make the second factor mandatory: unenrolled members may only enrol", async () => {
    const admin = await signIn(app, "admin@demo.rapport.test");
    expect(
      (
        await admin.patch("/api/organisation", {
          settings: { requireTotp: true },
        })
      ).statusCode,
    ).toBe(400);
    const { secret } = (await admin.post("/api/auth/totp/setup")).json<{
      secret: string;
    }>();
    await admin.post("/api/auth/totp/enable", {
      code: await currentCode(secret, now),
    });
    expect(
      (
        await admin.patch("/api/organisation", {
          settings: { requireTotp: true },
        })
      ).statusCode,
    ).toBe(200);
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const blocked = await t1.get("/api/clients");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({
      error: { details: { totpEnrolmentRequired: true } },
    });
    expect((await t1.get("/api/me")).json()).toMatchObject({
      totpRequired: true,
      totpEnabled: false,
    });
    expect((await t1.post("/api/auth/totp/setup")).statusCode).toBe(200);
    expect(
      (
        await admin.patch("/api/organisation", {
          settings: { requireTotp: false },
        })
      ).statusCode,
    ).toBe(200);
    await admin.post("/api/auth/totp/disable", { password: "demo-password-1" });
  });

  it("password change ends the other sessions; reset works once by an emailed link", async () => {
    const a = await signIn(app, "therapist1@demo.rapport.test");
    const b = await signIn(app, "therapist1@demo.rapport.test");
    expect(
      (
        await a.post("/api/auth/password", {
          currentPassword: "demo-password-1",
          newPassword: "another-long-password",
        })
      ).statusCode,
    ).toBe(200);
    expect((await a.get("/api/me")).statusCode).toBe(200);
    expect((await b.get("/api/me")).statusCode).toBe(401);

    const unknown = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      payload: { email: "nobody@demo.rapport.test" },
    });
    const known = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      payload: { email: "therapist1@demo.rapport.test" },
    });
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const sent = mailbox.messages.length;
    await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      payload: { email: "therapist1@demo.rapport.test" },
    });
    for (let i = 0; i < 100 && mailbox.messages.length < sent + 1; i++)
      await new Promise((r) => setTimeout(r, 20));
    const [token, other] = mailbox.messages.slice(-2).map((mail) => {
      expect(mail).not.toMatch(/Ortiz|Nair/);
      return (
        /token=([A-Za-z0-9_-]+)/.exec(
          mail.replace(/=\r?\n/g, "").replace(/=3D/g, "="),
        )?.[1] ?? ""
      );
    }) as [string, string];
    expect(other).not.toBe(token);
    const complete = (t: string) =>
      app.inject({
        method: "POST",
        url: "/api/auth/password-reset/complete",
        payload: { token: t, newPassword: "demo-password-1" },
      });
    expect((await complete(token)).statusCode).toBe(200);
    expect((await complete(token)).statusCode).toBe(400);
    // The member's other open link stopped working with the first one used.
    expect((await complete(other)).statusCode).toBe(400);
    expect((await a.get("/api/me")).statusCode).toBe(401);
    expect(
      (await login("therapist1@demo.rapport.test", "demo-password-1"))
        .statusCode,
    ).toBe(200);
  });

  it("break-glass gives an administrator audited, read-only, time-limited access", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const admin = await signIn(app, "admin@demo.rapport.test");
    const listed = await t1.get("/api/clients?limit=1");
    const client = listed.json<{ items: { id: string }[] }>().items[0]!;
    expect((await admin.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
    expect(
      (
        await admin.post(`/api/clients/${client.id}/break-glass`, {
          reason: "short",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t1.post(`/api/clients/${client.id}/break-glass`, {
          reason: "I want to look at this",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await admin.post(`/api/clients/${client.id}/break-glass`, {
          reason: "Client phoned in crisis; therapist unreachable",
        })
      ).statusCode,
    ).toBe(200);
    expect((await admin.get(`/api/clients/${client.id}`)).statusCode).toBe(200);
    expect(
      (await admin.patch(`/api/clients/${client.id}`, { name: "Changed" }))
        .statusCode,
    ).toBe(403);
    const audit = (
      await admin.get(`/api/audit?clientId=${client.id}&limit=1000`)
    ).json<{ items: { action: string }[] }>();
    expect(audit.items.map((e) => e.action)).toContain("client.break-glass");
    const csv = await admin.get("/api/audit/export");
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body.split("\n")[0]).toBe(
      "seq,at,actor_id,subject_id,client_id,action,source,prev_hash,hash",
    );
    expect((await t1.get("/api/audit")).statusCode).toBe(403);
  });

  it("consents are recorded with who and when, and required actions refuse without them", async () => {
    const { requireConsent } =
      await import("../../src/server/consents/consents.service.js");
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const client = (
      await t1.post("/api/clients", { name: "Consent Person" })
    ).json<{ id: string }>();
    const me = (await t1.get("/api/me")).json<{
      id: string;
      organisationId: string;
    }>();
    await expect(
      requireConsent(
        runtime.context.db,
        me.organisationId,
        client.id,
        "transcript-analysis",
      ),
    ).rejects.toThrow(/not consented to analysis of session transcripts/);
    const granted = await t1.post(`/api/clients/${client.id}/consents`, {
      kind: "transcript-analysis",
      granted: true,
    });
    expect(
      granted
        .json<{
          items: { kind: string; granted: boolean; recordedBy: string }[];
        }>()
        .items.find((c) => c.kind === "transcript-analysis"),
    ).toMatchObject({ granted: true, recordedBy: me.id });
    await expect(
      requireConsent(
        runtime.context.db,
        me.organisationId,
        client.id,
        "transcript-analysis",
      ),
    ).resolves.toBeUndefined();
    await t1.post(`/api/clients/${client.id}/consents`, {
      kind: "transcript-analysis",
      granted: false,
    });
    await expect(
      requireConsent(
        runtime.context.db,
        me.organisationId,
        client.id,
        "transcript-analysis",
      ),
    ).rejects.toThrow();
    expect(
      (
        await t1.post(`/api/clients/${client.id}/consents`, {
          kind: "marketing",
          granted: true,
        })
      ).statusCode,
    ).toBe(400);
  });

  it("subject access: the export holds the record and its access history; erasure destroys data and key, keeps the audit", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const admin = await signIn(app, "admin@demo.rapport.test");
    const client = (
      await t1.post("/api/clients", { name: "Subject Person" })
    ).json<{ id: string }>();
    await t1.post(`/api/clients/${client.id}/goals`, { text: "Sleep better" });
    await t1.post(`/api/clients/${client.id}/sessions`, {
      startsAt: "2026-11-20T10:00:00.000Z",
      status: "attended",
    });
    const exported = (await t1.get(`/api/clients/${client.id}/export`)).json<{
      client: { name: string };
      goals: { text: string }[];
      accessHistory: { action: string }[];
    }>();
    expect(exported.client.name).toBe("Subject Person");
    expect(exported.goals.map((g) => g.text)).toEqual(["Sleep better"]);
    expect(exported.accessHistory.map((h) => h.action)).toEqual(
      expect.arrayContaining([
        "client.create",
        "goal.create",
        "session.create",
      ]),
    );

    expect((await t1.delete(`/api/clients/${client.id}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/clients/${client.id}`)).statusCode).toBe(
      204,
    );
    expect((await t1.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
    const db = runtime.context.db;
    expect(
      await db
        .selectFrom("client_keys")
        .select("client_id")
        .where("client_id", "=", client.id)
        .execute(),
    ).toEqual([]);
    expect(
      await db
        .selectFrom("goals")
        .select("id")
        .where("client_id", "=", client.id)
        .execute(),
    ).toEqual([]);
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("client_id", "=", client.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("client.erase");
  });

  it("key rotation re-wraps client keys: the old key no longer opens them, the new one does, search still works", async () => {
    const { rotateMasterKey } =
      await import("../../src/server/crypto/rotateKey.js");
    const { masterKeyFrom, unwrapKey } =
      await import("../../src/server/crypto/envelope.js");
    const { ClientCipher } =
      await import("../../src/server/crypto/clientKeys.js");
    const old = runtime.context.cipher.master;
    const next = masterKeyFrom(crypto.randomBytes(32));
    const anchor = runtime.context.config.auditAnchor;
    // Rotation is for stopped servers: let this one's anchor catch up first, or its late write
    // of the pre-rotation heads races the rotation's own (and the second rotation refuses).
    await runtime.auditAnchor.flush();
    const result = await rotateMasterKey(runtime.context.db, old, next, anchor);
    expect(result.clients).toBeGreaterThan(40);
    const row = await runtime.context.db
      .selectFrom("client_keys")
      .selectAll()
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.master_key_id).toBe(next.id);
    expect(() => unwrapKey(old, row.wrapped_key, row.client_id)).toThrow();
    const cipher = new ClientCipher(next);
    const client = await runtime.context.db
      .selectFrom("clients")
      .selectAll()
      .where("id", "=", row.client_id)
      .executeTakeFirstOrThrow();
    const name = await cipher.decrypt(
      runtime.context.db,
      client.organisation_id,
      client.id,
      "clients.name",
      client.name_enc,
    );
    expect(client.name_index).toBe(cipher.index(name));
    await rotateMasterKey(runtime.context.db, next, old, anchor);
  });

  it("sends security headers and a strict CSP", async () => {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    expect(res.headers["content-security-policy"]).toMatch(
      /default-src 'self'/,
    );
    expect(res.headers["content-security-policy"]).toMatch(
      /frame-ancestors 'none'/,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBeDefined();
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
