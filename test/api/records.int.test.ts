// Core records over HTTP (in-process), on every dialect of the matrix.
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
import {
  passwordLinkToken,
  startMailbox,
  type Mailbox,
} from "../support/mailbox.js";

interface ClientBody {
  id: string;
  name: string;
  therapistId: string;
  status: string;
  sharedWith: string[];
}

describe.each(DIALECTS)("core records on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let t2: Session;
  let supervisor: Session;
  let admin: Session;
  let other: Session;
  let t1Id: string;
  let t2Id: string;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    runtime = await testRuntime(dialect, {
      env: { RAPPORT_SMTP_URL: mailbox.url },
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    [t1, t2, supervisor, admin, other] = (await Promise.all(
      [
        "therapist1@demo.rapport.test",
        "therapist2@demo.rapport.test",
        "supervisor@demo.rapport.test",
        "admin@demo.rapport.test",
        "therapist@second.rapport.test",
      ].map((e) => signIn(app, e)),
    )) as [Session, Session, Session, Session, Session];
    t1Id = (await t1.get("/api/me")).json<{ id: string }>().id;
    t2Id = (await t2.get("/api/me")).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
    await mailbox.close();
  });

  it("pages through a therapist's caseload with a cursor and returns each client only once", async () => {
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const res = await t1.get(
        `/api/clients?limit=7${next ? `&cursor=${next}` : ""}`,
      );
      expect(res.statusCode).toBe(200);
      const page = res.json<{ items: ClientBody[]; next: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((c) => c.id));
      for (const c of page.items) expect(c.therapistId).toBe(t1Id);
      next = page.next;
    } while (next);
    expect(seen).toHaveLength(24);
    expect(new Set(seen).size).toBe(24);
  });

  it("creates, reads, renames and finds a client by exact name through the blind index", async () => {
    const created = await t1.post("/api/clients", { name: "Robin Example" });
    expect(created.statusCode).toBe(201);
    const client = created.json<ClientBody>();
    expect(client).toMatchObject({
      name: "Robin Example",
      therapistId: t1Id,
      status: "active",
    });
    expect(
      (await t1.get(`/api/clients/${client.id}`)).json<ClientBody>().name,
    ).toBe("Robin Example");
    const renamed = await t1.patch(`/api/clients/${client.id}`, {
      name: "Robin Renamed",
    });
    expect(renamed.json<ClientBody>().name).toBe("Robin Renamed");
    const found = await t1.post("/api/clients/search", {
      name: "  robin renamed ",
    });
    expect(
      found.json<{ items: ClientBody[] }>().items.map((c) => c.id),
    ).toEqual([client.id]);
  });

  it("keeps other therapists' and other organisations' clients out of reach (404, not 403)", async () => {
    const mine = (await t1.get("/api/clients?limit=1")).json<{
      items: ClientBody[];
    }>().items[0]!;
    expect((await t2.get(`/api/clients/${mine.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/clients/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await t2.patch(`/api/clients/${mine.id}`, { name: "x" })).statusCode,
    ).toBe(404);
    expect(
      (await t1.get(`/api/clients/00000000-0000-7000-8000-000000000000`))
        .statusCode,
    ).toBe(404);
  });

  it("gives a supervisor read-only access to supervisees' clients and an admin none", async () => {
    const mine = (await t1.get("/api/clients?limit=1")).json<{
      items: ClientBody[];
    }>().items[0]!;
    expect((await supervisor.get(`/api/clients/${mine.id}`)).statusCode).toBe(
      200,
    );
    const write = await supervisor.patch(`/api/clients/${mine.id}`, {
      name: "Changed",
    });
    expect(write.statusCode).toBe(403);
    expect(
      (await t1.get(`/api/clients/${mine.id}`)).json<ClientBody>().name,
    ).toBe(mine.name);
    const all = await supervisor.get("/api/clients?limit=200");
    expect(
      all.json<{ items: unknown[] }>().items.length,
    ).toBeGreaterThanOrEqual(40);
    expect((await admin.get(`/api/clients/${mine.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/clients`)).statusCode).toBe(403);
  });

  it("shares a client with a colleague, then transfers it", async () => {
    const client = (
      await t1.post("/api/clients", { name: "Shared Person" })
    ).json<ClientBody>();
    expect((await t2.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
    const shared = await t1.post(`/api/clients/${client.id}/shares`, {
      memberId: t2Id,
    });
    expect(shared.json<ClientBody>().sharedWith).toEqual([t2Id]);
    expect((await t2.get(`/api/clients/${client.id}`)).statusCode).toBe(200);
    expect(
      (
        await t1.delete(`/api/clients/${client.id}/shares/${t2Id}`)
      ).json<ClientBody>().sharedWith,
    ).toEqual([]);
    expect((await t2.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
    const moved = await t1.post(`/api/clients/${client.id}/transfer`, {
      therapistId: t2Id,
    });
    expect(moved.json<ClientBody>().therapistId).toBe(t2Id);
    expect((await t1.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
    expect((await t2.get(`/api/clients/${client.id}`)).statusCode).toBe(200);
  });

  it("opens and discharges episodes, one open at a time", async () => {
    const client = (
      await t1.post("/api/clients", { name: "Episode Person" })
    ).json<ClientBody>();
    const opened = await t1.post(`/api/clients/${client.id}/episodes`, {
      openedAt: "2026-01-05T09:00:00.000Z",
    });
    expect(opened.statusCode).toBe(201);
    expect(
      (await t1.post(`/api/clients/${client.id}/episodes`, {})).statusCode,
    ).toBe(409);
    const episode = opened.json<{ id: string }>();
    const discharged = await t1.post(
      `/api/clients/${client.id}/episodes/${episode.id}/discharge`,
      { reason: "goals met" },
    );
    expect(discharged.json()).toMatchObject({ dischargeReason: "goals met" });
    expect(
      (await t1.get(`/api/clients/${client.id}`)).json<ClientBody>().status,
    ).toBe("discharged");
    expect(
      (
        await t1.post(
          `/api/clients/${client.id}/episodes/${episode.id}/discharge`,
          {},
        )
      ).statusCode,
    ).toBe(409);
  });

  it("schedules sessions, records attendance, and keeps goals", async () => {
    const client = (
      await t1.post("/api/clients", { name: "Session Person" })
    ).json<ClientBody>();
    const session = await t1.post(`/api/clients/${client.id}/sessions`, {
      startsAt: "2026-11-26T10:00:00.000Z",
    });
    expect(session.json()).toMatchObject({
      status: "scheduled",
      therapistId: t1Id,
    });
    const id = session.json<{ id: string }>().id;
    expect(
      (
        await t1.patch(`/api/clients/${client.id}/sessions/${id}`, {
          status: "no-show",
        })
      ).json(),
    ).toMatchObject({ status: "no-show" });
    expect(
      (await t1.get(`/api/clients/${client.id}/sessions`)).json<{
        items: unknown[];
      }>().items,
    ).toHaveLength(1);
    const goal = await t1.post(`/api/clients/${client.id}/goals`, {
      text: "Walk the dog daily",
    });
    expect(goal.statusCode).toBe(201);
    const goalId = goal.json<{ id: string }>().id;
    expect(
      (
        await t1.patch(`/api/clients/${client.id}/goals/${goalId}`, {
          status: "achieved",
        })
      ).json(),
    ).toMatchObject({ status: "achieved", text: "Walk the dog daily" });
  });

  it("stores injection strings inert and returns them unchanged", async () => {
    const nasty = `Robert'); DROP TABLE clients;-- <script>alert(1)</script>`;
    const created = (
      await t1.post("/api/clients", { name: nasty })
    ).json<ClientBody>();
    expect(
      (await t1.get(`/api/clients/${created.id}`)).json<ClientBody>().name,
    ).toBe(nasty);
    expect((await t1.get("/api/clients?limit=1")).statusCode).toBe(200);
  });

  it("rejects wrong types, unknown fields and bad ids with 400 and writes nothing", async () => {
    const before = (await t1.get("/api/clients?limit=200")).json<{
      items: unknown[];
    }>().items.length;
    for (const body of [
      { name: 42 },
      { name: "A", extra: true },
      { name: "" },
      {},
      { name: "x".repeat(201) },
    ]) {
      const res = await t1.post("/api/clients", body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: "validation" } });
    }
    const raw = await app.inject({
      method: "POST",
      url: "/api/clients",
      headers: { cookie: t1.cookie, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(raw.statusCode).toBe(400);
    expect((await t1.get("/api/clients/bad%20id")).statusCode).toBe(400);
    expect((await t1.get("/api/clients?limit=abc")).statusCode).toBe(400);
    expect(
      (await t1.get("/api/clients?limit=200")).json<{ items: unknown[] }>()
        .items.length,
    ).toBe(before);
  });

  it("rejects an oversized body with 413", async () => {
    const res = await t1.post("/api/clients", { name: "x".repeat(2_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("requires a session: anonymous is 401, a bad cookie is 401", async () => {
    expect(
      (await app.inject({ method: "GET", url: "/api/clients" })).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: "GET",
          url: "/api/clients",
          headers: { cookie: "rapport_session=forged" },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("lets an admin manage members (invited by email) and supervision, and deactivation ends sessions", async () => {
    const sent = mailbox.messages.length;
    const created = await admin.post("/api/members", {
      email: "new.therapist@demo.rapport.test",
      name: "New Therapist",
      role: "therapist",
    });
    expect(created.statusCode).toBe(201);
    const [invitation = ""] = (await mailbox.waitFor(sent + 1)).slice(sent);
    expect(invitation).toMatch(/To: new\.therapist@demo\.rapport\.test/);
    const completed = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/complete",
      payload: {
        token: passwordLinkToken(invitation),
        newPassword: "a-long-password-1",
      },
    });
    expect(completed.statusCode).toBe(200);
    const id = created.json<{ id: string }>().id;
    expect(
      (
        await t1.post("/api/members", {
          email: "x@demo.rapport.test",
          name: "X",
          role: "admin",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await admin.post("/api/members", {
          email: "new.therapist@demo.rapport.test",
          name: "Dup",
          role: "therapist",
        })
      ).statusCode,
    ).toBe(409);
    const newcomer = await signIn(
      app,
      "new.therapist@demo.rapport.test",
      "a-long-password-1",
    );
    expect((await newcomer.get("/api/clients")).statusCode).toBe(200);
    expect(
      (await admin.patch(`/api/members/${id}`, { active: false })).json(),
    ).toMatchObject({ active: false });
    expect((await newcomer.get("/api/clients")).statusCode).toBe(401);
    const supervisorId = (await supervisor.get("/api/me")).json<{
      id: string;
    }>().id;
    const linked = await admin.put(`/api/members/${supervisorId}/supervisees`, {
      therapistIds: [t1Id],
    });
    expect(linked.json()).toMatchObject({ supervisees: [t1Id] });
    await admin.put(`/api/members/${supervisorId}/supervisees`, {
      therapistIds: [t1Id, t2Id],
    });
  });

  it("records every client read and write in a verifiable audit chain", async () => {
    const { listAudit, verifyAudit } =
      await import("../../src/server/audit/audit.repository.js");
    const client = (
      await t1.post("/api/clients", { name: "Audited Person" })
    ).json<ClientBody>();
    await t1.get(`/api/clients/${client.id}`);
    const me = (await t1.get("/api/me")).json<{
      id: string;
      organisationId: string;
    }>();
    const entries = await listAudit(
      runtime.context.db,
      me.organisationId,
      client.id,
    );
    expect(entries.map((e) => e.action)).toEqual([
      "client.create",
      "client.read",
    ]);
    expect(entries.every((e) => e.actor_id === me.id)).toBe(true);
    expect(
      (await verifyAudit(runtime.context.db)).every(
        (r) => r.problems.length === 0,
      ),
    ).toBe(true);
  });

  it("detects an audit row altered directly in the database", async () => {
    const { verifyAudit } =
      await import("../../src/server/audit/audit.repository.js");
    const row = await runtime.context.db
      .selectFrom("audit_log")
      .select(["id", "organisation_id"])
      .orderBy("seq")
      .limit(1)
      .executeTakeFirstOrThrow();
    await runtime.context.db
      .updateTable("audit_log")
      .set({ action: "forged" })
      .where("id", "=", row.id)
      .execute();
    const report = (await verifyAudit(runtime.context.db)).find(
      (r) => r.organisationId === row.organisation_id,
    );
    expect(report?.problems).toContainEqual({ seq: 1, problem: "altered" });
  });
});
