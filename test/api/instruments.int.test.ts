// Instruments and stored responses over HTTP (in-process), on every dialect of the matrix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPack } from "../../src/core/instruments/bundled.js";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

interface StoredBody {
  id: string;
  instrumentId: string;
  instrumentVersion: string;
  total: number | null;
  band: string | null;
  valid: boolean;
  answers: Record<string, number>;
  riskItems: { linkId: string; value: number }[];
  submittedAt: string;
  sessionId: string | null;
  episodeId: string | null;
  history: {
    instrumentVersion: string;
    total: number | null;
    band: string | null;
  }[];
}

const PHQ9 = { q1: 1, q2: 2, q3: 0, q4: 1, q5: 0, q6: 1, q7: 0, q8: 0, q9: 0 };

/** The bundled PHQ-9 as a new version whose "mild" band has another label. */
function phq9Version(version: string, extra: object = {}): object {
  const pack = structuredClone(bundledPack("phq-9"));
  if (!pack) throw new Error("phq-9");
  const bands = pack.scoring.bands?.ranges ?? [];
  for (const band of bands)
    if (band.label === "mild") band.label = "mild symptoms";
  return { ...pack, version, ...extra };
}

describe.each(DIALECTS)("instruments and responses on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let t2: Session;
  let supervisor: Session;
  let admin: Session;
  let other: Session;
  let clientId: string;

  const countResponses = async () =>
    Number(
      (
        await runtime.context.db
          .selectFrom("responses")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
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
    const created = await t1.post("/api/clients", { name: "Iris Measure" });
    clientId = created.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("lists bundled instruments with attribution, and rapport-alliance as not validated", async () => {
    const res = await t1.get("/api/instruments");
    expect(res.statusCode).toBe(200);
    const items = res.json<{
      items: {
        id: string;
        validated: boolean;
        notice: string | null;
        attribution: string;
        bundled: boolean;
      }[];
    }>().items;
    expect(items.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        "phq-9",
        "phq-2",
        "gad-7",
        "gad-2",
        "who-5",
        "k10",
        "core-10",
        "rapport-alliance",
      ]),
    );
    const alliance = items.find((i) => i.id === "rapport-alliance");
    expect(alliance).toMatchObject({ validated: false, bundled: true });
    expect(alliance?.notice).toMatch(/^Not a validated instrument/);
    for (const i of items) expect(i.attribution.length).toBeGreaterThan(0);
    const one = await t1.get("/api/instruments/gad-7?version=1.0.0");
    expect(one.json()).toMatchObject({
      id: "gad-7",
      version: "1.0.0",
      pack: { id: "gad-7" },
    });
    expect(
      (await t1.get("/api/instruments/gad-7?version=9.9.9")).statusCode,
    ).toBe(404);
    expect((await t1.get("/api/instruments/nope")).statusCode).toBe(404);
  });

  it("refuses a response without the client's routine-measurement consent, storing nothing", async () => {
    const before = await countResponses();
    const res = await t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId: "phq-9",
      answers: PHQ9,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      error: { details: { consentRequired: "routine-measurement" } },
    });
    expect(await countResponses()).toBe(before);
    const consent = await t1.post(`/api/clients/${clientId}/consents`, {
      kind: "routine-measurement",
      granted: true,
    });
    expect(consent.statusCode).toBe(200);
  });

  it("stores a scored response in the open episode, lists the timeline oldest first, and audits both", async () => {
    const episode = await t1.post(`/api/clients/${clientId}/episodes`, {});
    const episodeId = episode.json<{ id: string }>().id;
    const later = await t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId: "phq-9",
      answers: { ...PHQ9, q9: 2 },
      submittedAt: "2025-03-02T10:00:00+01:00",
    });
    expect(later.statusCode).toBe(201);
    expect(later.json<StoredBody>()).toMatchObject({
      instrumentVersion: "1.1.0",
      total: 7,
      band: "mild",
      valid: true,
      episodeId,
      submittedAt: "2025-03-02T09:00:00.000Z",
      riskItems: [{ linkId: "q9", value: 2 }],
    });
    const earlier = await t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId: "phq-9",
      answers: PHQ9,
      submittedAt: "2025-02-01T10:00:00Z",
    });
    expect(earlier.statusCode).toBe(201);
    await t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId: "gad-7",
      answers: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 },
      submittedAt: "2025-02-15T10:00:00Z",
    });
    const list = await t1.get(`/api/clients/${clientId}/responses`);
    const items = list.json<{ items: StoredBody[] }>().items;
    expect(items.map((i) => [i.instrumentId, i.total])).toEqual([
      ["phq-9", 5],
      ["gad-7", 7],
      ["phq-9", 7],
    ]);
    expect(items[0]?.answers).toEqual(PHQ9);
    const phq = await t1.get(
      `/api/clients/${clientId}/responses?instrumentId=phq-9&episodeId=${episodeId}`,
    );
    expect(phq.json<{ items: StoredBody[] }>().items).toHaveLength(2);
    const actions = await runtime.context.db
      .selectFrom("audit_log")
      .select("action")
      .where("client_id", "=", clientId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["response.create", "response.list"]),
    );
  });

  it("keeps the answers encrypted at rest", async () => {
    const row = await runtime.context.db
      .selectFrom("responses")
      .select("answers_enc")
      .where("client_id", "=", clientId)
      .executeTakeFirstOrThrow();
    // An envelope of base64url parts, which cannot hold the JSON's quotes (random ciphertext
    // may well contain the letters "q1": checking for those alone failed by chance).
    expect(row.answers_enc).toMatch(/^enc2\.[A-Za-z0-9_.-]+$/);
    expect(row.answers_enc).not.toContain('"q1"');
  });

  it("rejects invalid answers, unknown instruments, versions and sessions with typed errors and stores nothing", async () => {
    const before = await countResponses();
    const post = (body: object) =>
      t1.post(`/api/clients/${clientId}/responses`, body);
    const offScale = await post({
      instrumentId: "phq-9",
      answers: { ...PHQ9, q1: 4 },
    });
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json()).toMatchObject({
      error: {
        code: "validation",
        details: { reasons: [{ code: "not-an-option", linkId: "q1" }] },
      },
    });
    const missing = await post({ instrumentId: "phq-9", answers: { q1: 1 } });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toMatch(/required-missing/);
    expect(
      (await post({ instrumentId: "phq-9", answers: { ...PHQ9, q1: "two" } }))
        .statusCode,
    ).toBe(400);
    const unknown = await post({ instrumentId: "phq-99", answers: PHQ9 });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await post({ instrumentId: "phq-9", version: "3.0.0", answers: PHQ9 }))
        .statusCode,
    ).toBe(404);
    const session = await post({
      instrumentId: "phq-9",
      answers: PHQ9,
      sessionId: "01900000-0000-7000-8000-000000000000",
    });
    expect(session.statusCode).toBe(404);
    expect(session.json()).toMatchObject({
      error: { message: "session not found" },
    });
    expect(await countResponses()).toBe(before);
  });

  it("keeps other therapists and organisations out (404) and supervisors read-only (403 on write)", async () => {
    const body = { instrumentId: "phq-9", answers: PHQ9 };
    expect(
      (await t2.get(`/api/clients/${clientId}/responses`)).statusCode,
    ).toBe(404);
    expect(
      (await t2.post(`/api/clients/${clientId}/responses`, body)).statusCode,
    ).toBe(404);
    expect(
      (await other.get(`/api/clients/${clientId}/responses`)).statusCode,
    ).toBe(404);
    expect(
      (await other.post(`/api/clients/${clientId}/responses`, body)).statusCode,
    ).toBe(404);
    expect(
      (await supervisor.get(`/api/clients/${clientId}/responses`)).statusCode,
    ).toBe(200);
    expect(
      (await supervisor.post(`/api/clients/${clientId}/responses`, body))
        .statusCode,
    ).toBe(403);
    expect(
      (await admin.get(`/api/clients/${clientId}/responses`)).statusCode,
    ).toBe(404);
  });

  it("installs a pack only for administrators and lists every problem of an invalid one", async () => {
    expect(
      (await t1.post("/api/instruments", phq9Version("1.2.0"))).statusCode,
    ).toBe(403);
    expect(
      (await supervisor.post("/api/instruments", phq9Version("1.2.0")))
        .statusCode,
    ).toBe(403);
    const broken = {
      ...phq9Version("1.2.0"),
      id: "Bad Id",
      kind: "mood",
      validated: "yes",
    };
    const refused = await admin.post("/api/instruments", broken);
    expect(refused.statusCode).toBe(400);
    const problems = refused.json<{
      error: { details: { problems: string[] } };
    }>().error.details.problems;
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.join("\n")).toMatch(/\/id/);
    expect(problems.join("\n")).toMatch(/\/kind/);
    expect(problems.join("\n")).toMatch(/\/validated/);
    expect(
      (await admin.post("/api/instruments", phq9Version("1.1.0"))).statusCode,
    ).toBe(409);
    const installed = await admin.post(
      "/api/instruments",
      phq9Version("1.2.0"),
    );
    expect(installed.statusCode).toBe(201);
    expect(installed.json()).toMatchObject({
      id: "phq-9",
      version: "1.2.0",
      versions: ["1.0.0", "1.1.0", "1.2.0"],
      bundled: false,
    });
    expect((await other.get("/api/instruments/phq-9")).json()).toMatchObject({
      version: "1.1.0",
    });
  });

  it("accepts a pack up to the configured body limit and refuses a larger body with 413", async () => {
    const big = phq9Version("1.0.1", { notice: "x".repeat(900_000) });
    const res = await admin.post("/api/instruments", big);
    expect(res.statusCode).toBe(201);
    const tooBig = phq9Version("1.0.2", { notice: "x".repeat(1_100_000) });
    expect((await admin.post("/api/instruments", tooBig)).statusCode).toBe(413);
  });

  it("keeps the version a response was scored with; re-scoring moves to the latest and keeps the original", async () => {
    const fresh = await t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId: "phq-9",
      answers: PHQ9,
    });
    expect(fresh.json<StoredBody>()).toMatchObject({
      instrumentVersion: "1.2.0",
      band: "mild symptoms",
    });
    const pinned = await t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId: "phq-9",
      version: "1.0.0",
      answers: PHQ9,
    });
    expect(pinned.json<StoredBody>()).toMatchObject({
      instrumentVersion: "1.0.0",
      band: "mild",
    });
    expect((await t1.post("/api/instruments/phq-9/rescore")).statusCode).toBe(
      403,
    );
    const rescore = await admin.post("/api/instruments/phq-9/rescore");
    expect(rescore.statusCode).toBe(200);
    const report = rescore.json<{
      rescored: number;
      totalChanged: number;
      version: string;
    }>();
    expect(report.version).toBe("1.2.0");
    expect(report.rescored).toBeGreaterThan(3); // this client's 1.1.0 and 1.0.0 responses and the demo's
    expect(report.totalChanged).toBe(0);
    const items = (
      await t1.get(`/api/clients/${clientId}/responses?instrumentId=phq-9`)
    ).json<{ items: StoredBody[] }>().items;
    const first = items[0];
    expect(first).toMatchObject({
      instrumentVersion: "1.2.0",
      total: 5,
      band: "mild symptoms",
    });
    expect(first?.history).toEqual([
      expect.objectContaining({
        instrumentVersion: "1.1.0",
        total: 5,
        band: "mild",
      }),
    ]);
    const again = await admin.post("/api/instruments/phq-9/rescore");
    expect(again.json()).toMatchObject({ rescored: 0 });
  });

  it("reports alpha and omega with n on the organisation's own consented responses", async () => {
    expect(
      (await t1.get("/api/instruments/rapport-alliance/reliability"))
        .statusCode,
    ).toBe(403);
    const res = await supervisor.get("/api/instruments/phq-9/reliability");
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      n: number;
      items: number;
      alpha: number | null;
      omega: number | null;
    }>();
    expect(body.items).toBe(9);
    expect(body.n).toBeGreaterThan(100);
    expect(body.alpha).toBeGreaterThan(0.5);
    expect(body.alpha).toBeLessThan(1);
    expect(body.omega).toBeGreaterThan(0.5);
    const alliance = await admin.get(
      "/api/instruments/rapport-alliance/reliability",
    );
    expect(alliance.json()).toMatchObject({ items: 4 });
    const second = (await other.get("/api/instruments/phq-9/reliability"))
      .statusCode;
    expect(second).toBe(403);
  });
});
