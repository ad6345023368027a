// Attack (issue 15, item 4): an administrator bypasses break-glass without a trace. They create a
// supervisor with a password of their choosing, make them supervise every therapist and sign in
// as them: every client is readable, and nothing in the audit log linked any of it to them.
// Defences: nobody sets another member's password (the member gets an invitation link at their
// own email address); every security-relevant action is audited with who did it and which member
// it concerned; the log filters by action, actor, member, client and time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { currentCode } from "../../src/server/auth/totp.js";
import {
  createApiToken,
  revokeApiToken,
} from "../../src/server/auth/tokens.service.js";
import { bundledPack } from "../../src/core/instruments/bundled.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { DEMO_PASSWORD, signIn, type Session } from "../support/http.js";
import {
  passwordLinkToken,
  startMailbox,
  type Mailbox,
} from "../support/mailbox.js";

interface Entry {
  seq: number;
  at: string;
  actorId: string | null;
  subjectId: string | null;
  clientId: string | null;
  action: string;
}

describe.each(DIALECTS)("silent administrator takeover on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let mailbox: Mailbox;
  let admin: Session;
  let adminId: string;
  let now = new Date("2026-11-25T09:00:00Z");

  const audit = async (query: string): Promise<Entry[]> => {
    const res = await admin.get(`/api/audit?limit=1000&${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<{ items: Entry[] }>().items;
  };

  beforeAll(async () => {
    mailbox = await startMailbox();
    runtime = await testRuntime(dialect, {
      clock: () => now,
      env: { RAPPORT_SMTP_URL: mailbox.url },
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    admin = await signIn(app, "admin@demo.rapport.test");
    adminId = (await admin.get("/api/me")).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
    await mailbox.close();
  });

  it("cannot choose another member's password, and everything it does instead is on record", async () => {
    const withPassword = await admin.post("/api/members", {
      email: "shadow@demo.rapport.test",
      name: "Shadow Supervisor",
      role: "supervisor",
      password: "chosen-by-the-admin",
    });
    expect(withPassword.statusCode).toBe(400);

    const sent = mailbox.messages.length;
    const created = await admin.post("/api/members", {
      email: "shadow@demo.rapport.test",
      name: "Shadow Supervisor",
      role: "supervisor",
    });
    expect(created.statusCode).toBe(201);
    // The link goes to the member's address only, never back to the administrator.
    expect(created.body).not.toMatch(/token|reset-password/);
    const shadow = created.json<{ id: string }>();
    const therapists = (
      await admin.get("/api/members?role=therapist&limit=200")
    ).json<{ items: { id: string }[] }>().items;
    expect(
      (
        await admin.put(`/api/members/${shadow.id}/supervisees`, {
          therapistIds: therapists.map((t) => t.id),
        })
      ).statusCode,
    ).toBe(200);

    const [invitation = ""] = (await mailbox.waitFor(sent + 1)).slice(sent);
    expect(invitation).toMatch(/To: shadow@demo\.rapport\.test/);
    const completed = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/complete",
      payload: {
        token: passwordLinkToken(invitation),
        newPassword: "chosen-by-the-member",
      },
    });
    expect(completed.statusCode).toBe(200);
    await signIn(app, "shadow@demo.rapport.test", "chosen-by-the-member");

    const byAdmin = await audit(`actorId=${adminId}`);
    expect(
      byAdmin.filter((e) => e.subjectId === shadow.id).map((e) => e.action),
    ).toEqual([
      "member.create",
      "auth.password-reset-link",
      "supervision.update",
    ]);
    const aboutShadow = (await audit(`subjectId=${shadow.id}`)).map((e) => [
      e.action,
      e.actorId,
    ]);
    expect(aboutShadow).toEqual([
      ["member.create", adminId],
      ["auth.password-reset-link", adminId],
      ["supervision.update", adminId],
      ["auth.password-reset", shadow.id],
      ["auth.login", shadow.id],
    ]);
    expect(
      (await audit("action=auth.login")).some((e) => e.actorId === shadow.id),
    ).toBe(true);
  });

  it("records every security-relevant action under its name, with the member it concerns", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const t1Id = (await t1.get("/api/me")).json<{ id: string }>().id;
    const t2 = (await admin.get("/api/members?role=therapist&limit=200"))
      .json<{ items: { id: string; email: string }[] }>()
      .items.find((m) => m.email === "therapist2@demo.rapport.test");
    now = new Date(now.getTime() + 60_000);
    const from = now.toISOString();

    await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "therapist1@demo.rapport.test", password: "wrong" },
    });
    await admin.patch(`/api/members/${t2?.id ?? ""}`, { name: "Renamed" });
    expect(
      (await admin.post(`/api/members/${t2?.id ?? ""}/password-link`))
        .statusCode,
    ).toBe(202);
    await t1.post("/api/auth/password", {
      currentPassword: DEMO_PASSWORD,
      newPassword: "another-long-password",
    });
    const { secret } = (await t1.post("/api/auth/totp/setup")).json<{
      secret: string;
    }>();
    await t1.post("/api/auth/totp/enable", {
      code: await currentCode(secret, now),
    });
    await t1.post("/api/auth/totp/disable", {
      password: "another-long-password",
    });
    const token = await createApiToken(runtime.context, {
      email: "therapist1@demo.rapport.test",
      scopes: ["read"],
    });
    await revokeApiToken(runtime.context, token.id);
    await admin.patch("/api/organisation", {
      settings: { requireTotp: false },
    });
    expect(
      (
        await admin.post("/api/instruments", {
          ...bundledPack("gad-2"),
          version: "9.9.9",
        })
      ).statusCode,
    ).toBe(201);
    // The failed sign-in is appended without making its answer wait: let it land.
    for (let i = 0; i < 50; i++) {
      if ((await audit("action=auth.login-failed")).length > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }

    const entries = await audit(`from=${encodeURIComponent(from)}`);
    const seen = (action: string) =>
      entries
        .filter((e) => e.action === action)
        .map((e) => ({ actorId: e.actorId, subjectId: e.subjectId }));
    expect(seen("auth.login-failed")).toContainEqual({
      actorId: null,
      subjectId: t1Id,
    });
    expect(seen("member.update")).toEqual([
      { actorId: adminId, subjectId: t2?.id },
    ]);
    expect(seen("auth.password-reset-link")).toEqual([
      { actorId: adminId, subjectId: t2?.id },
    ]);
    for (const action of [
      "auth.password-change",
      "totp.enable",
      "totp.disable",
    ])
      expect(seen(action)).toEqual([{ actorId: t1Id, subjectId: t1Id }]);
    for (const action of ["token.create", "token.revoke"])
      expect(seen(action)).toEqual([{ actorId: null, subjectId: t1Id }]);
    expect(seen("organisation.update")).toEqual([
      { actorId: adminId, subjectId: null },
    ]);
    expect(seen("pack.install")).toEqual([
      { actorId: adminId, subjectId: null },
    ]);
    // The time filters: `from` drops what came before; a window ending earlier holds none of it.
    expect(entries.every((e) => e.at >= from)).toBe(true);
    expect(
      await audit(
        `to=${encodeURIComponent(new Date(now.getTime() - 1).toISOString())}&action=totp.enable`,
      ),
    ).toEqual([]);
  });
});
