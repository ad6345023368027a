// Clinical numbers over HTTP (issue 14, items 8–15): caseness apart from screening cut-offs,
// item flags, the paired NHS Talking Therapies outcome, no-improvement alerts, disengagement
// against the schedule and trajectory bands within the instrument's range.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { evaluateSignalsJob } from "../../src/server/alerts/alertJobs.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

interface SignalBody {
  kind: string;
  instrumentId: string | null;
  rule: string;
  evidence: Record<string, unknown>;
}

const answers = (items: number[]) =>
  Object.fromEntries(items.map((v, i) => [`q${i + 1}`, v]));
const day = (d: number) => new Date(Date.UTC(2026, 8, 1 + d, 10)).toISOString();

describe.each(DIALECTS)("clinical numbers on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let admin: Session;
  let now = new Date("2026-11-25T12:00:00.000Z");
  /** Past the check-in links' expiry (72 h), then the hourly job re-evaluates every client. */
  const afterLinksExpire = async () => {
    now = new Date(now.getTime() + 4 * 86_400_000);
    await evaluateSignalsJob.run(runtime.context);
    // Sign-in sessions time out too.
    [t1, admin] = await Promise.all([
      signIn(app, "therapist1@demo.rapport.test"),
      signIn(app, "admin@demo.rapport.test"),
    ]);
  };

  async function newClient(): Promise<string> {
    const id = (
      await t1.post("/api/clients", { name: "Numbers Person" })
    ).json<{
      id: string;
    }>().id;
    await t1.post(`/api/clients/${id}/episodes`, { openedAt: day(0) });
    await t1.post(`/api/clients/${id}/consents`, {
      kind: "routine-measurement",
      granted: true,
    });
    return id;
  }
  const respond = async (
    clientId: string,
    instrumentId: string,
    items: number[],
    submittedAt: string,
  ) => {
    const stored = await t1.post(`/api/clients/${clientId}/responses`, {
      instrumentId,
      answers: answers(items),
      submittedAt,
    });
    expect(stored.statusCode, stored.body).toBe(201);
    return stored.json<Record<string, unknown>>();
  };
  const attend = async (clientId: string, d: number) =>
    (
      await t1.post(`/api/clients/${clientId}/sessions`, {
        startsAt: day(d),
        status: "attended",
      })
    ).json<{ id: string }>().id;
  const alertKinds = async (clientId: string) =>
    (await t1.get(`/api/clients/${clientId}/alerts`))
      .json<{ items: { kind: string }[] }>()
      .items.map((a) => a.kind);
  const settings = async (value: Record<string, unknown>) => {
    const res = await admin.patch("/api/organisation", { settings: value });
    expect(res.statusCode, res.body).toBe(200);
  };
  const signalsOf = async (clientId: string) =>
    (await t1.get(`/api/clients/${clientId}/signals`)).json<{
      items: SignalBody[];
    }>().items;

  beforeAll(async () => {
    runtime = await testRuntime(dialect, { clock: () => now });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    t1 = await signIn(app, "therapist1@demo.rapport.test");
    admin = await signIn(app, "admin@demo.rapport.test");
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  describe("item 8: GAD-7 recovery uses caseness (≥ 8), not the screening cut-off (≥ 10)", () => {
    it("a GAD-7 of 12 → 9 is not recovery: 9 is still at caseness", async () => {
      const client = await newClient();
      await respond(client, "gad-7", [2, 2, 2, 2, 2, 1, 1], day(1)); // 12
      await respond(client, "gad-7", [2, 2, 2, 1, 1, 1, 0], day(8)); // 9
      expect((await signalsOf(client)).map((s) => s.kind)).not.toContain(
        "recovery",
      );
    });

    it("a GAD-7 of 9 → 6 is recovery: from caseness to below it", async () => {
      const client = await newClient();
      await respond(client, "gad-7", [2, 2, 2, 1, 1, 1, 0], day(1)); // 9
      await respond(client, "gad-7", [1, 1, 1, 1, 1, 1, 0], day(8)); // 6
      const recovery = (await signalsOf(client)).find(
        (s) => s.kind === "recovery",
      );
      expect(recovery).toMatchObject({
        instrumentId: "gad-7",
        evidence: { first: 9, last: 6, caseness: 8 },
      });
    });

    it("stores caseness apart from the screening cut-off on the response", async () => {
      const client = await newClient();
      const nine = await respond(
        client,
        "gad-7",
        [2, 2, 2, 1, 1, 1, 0],
        day(1),
      );
      expect(nine).toMatchObject({
        total: 9,
        clinical: false,
        caseness: true,
        instrumentVersion: "1.1.0",
      });
    });
  });

  describe("item 10: WHO-5 flags an item answered 0 or 1", () => {
    it("returns the flag with the response, beside a total above the raw < 13 cut-off", async () => {
      const client = await newClient();
      const stored = await respond(client, "who-5", [4, 4, 4, 4, 1], day(1));
      expect(stored).toMatchObject({ total: 17, clinical: false });
      expect(stored.flags).toEqual([
        expect.objectContaining({ linkId: "q5", value: 1 }),
      ]);
      const listed = (await t1.get(`/api/clients/${client}/responses`)).json<{
        items: { flags: unknown[] }[];
      }>().items;
      expect(listed[0]?.flags).toHaveLength(1);
    });
  });

  describe("item 12: no reliable improvement by session k is an alert", () => {
    // PHQ-9 16, 15, 15, 14, 14, 14 at six weekly sessions: 2 points better, short of the 6 needed.
    const PLATEAU = [
      [2, 2, 2, 2, 2, 2, 2, 2, 0],
      [2, 2, 2, 2, 2, 2, 2, 1, 0],
      [2, 2, 2, 2, 2, 2, 2, 1, 0],
      [2, 2, 2, 2, 2, 2, 1, 1, 0],
      [2, 2, 2, 2, 2, 2, 1, 1, 0],
      [2, 2, 2, 2, 2, 2, 1, 1, 0],
    ];
    async function plateauingClient(): Promise<string> {
      const client = await newClient();
      for (const [i, items] of PLATEAU.entries()) {
        await attend(client, 1 + 7 * i);
        await respond(client, "phq-9", items, day(1 + 7 * i));
      }
      return client;
    }

    it("raises a no-improvement alert at session 6 (the default k), which not-on-track does not", async () => {
      const client = await plateauingClient();
      const kinds = await alertKinds(client);
      expect(kinds).toContain("no-improvement");
      expect(kinds).not.toContain("not-on-track");
      const caseload = (await t1.get("/api/caseload?limit=200")).json<{
        items: { clientId: string; attention: { reason: string } | null }[];
      }>().items;
      expect(
        caseload.find((c) => c.clientId === client)?.attention?.reason,
      ).toBe("No reliable improvement");
    });

    it("follows the organisation's k (noImprovementBySession), and takes ruptureMode too", async () => {
      await settings({ noImprovementBySession: 8, ruptureMode: "sensitive" });
      try {
        const client = await plateauingClient();
        expect(await alertKinds(client)).not.toContain("no-improvement");
        const org = (await admin.get("/api/organisation")).json<{
          settings: Record<string, unknown>;
        }>();
        expect(org.settings).toMatchObject({
          noImprovementBySession: 8,
          ruptureMode: "sensitive",
        });
        expect(
          (
            await admin.patch("/api/organisation", {
              settings: { noImprovementBySession: 1 },
            })
          ).statusCode,
        ).toBe(400);
      } finally {
        await settings({ noImprovementBySession: 6, ruptureMode: "strict" });
      }
    });
  });

  describe("item 13: disengagement counts missed check-ins only where the schedule asked for one", () => {
    it("a clinic measuring every second session gets no alert for the sessions between", async () => {
      await settings({
        checkinSchedule: [{ instrumentId: "phq-9", everyNthSession: 2 }],
      });
      try {
        const client = await newClient();
        const sessions: string[] = [];
        for (const d of [1, 8, 15, 22, 29])
          sessions.push(await attend(client, d));
        const stored = await t1.post(`/api/clients/${client}/responses`, {
          instrumentId: "phq-9",
          answers: answers([1, 1, 1, 1, 1, 1, 1, 1, 0]),
          submittedAt: day(8),
          sessionId: sessions[1],
        });
        expect(stored.statusCode).toBe(201);
        // Session 4's check-in went unanswered; sessions 3 and 5 asked for none.
        const asked = (await t1.get(`/api/clients/${client}/checkins`))
          .json<{ items: { sessionId: string }[] }>()
          .items.map((c) => sessions.indexOf(c.sessionId) + 1)
          .sort();
        expect(asked).toEqual([2, 4]);
        await afterLinksExpire();
        expect(await alertKinds(client)).not.toContain("disengagement");
      } finally {
        await settings({ checkinSchedule: [] });
      }
    });

    it("counts a check-in a therapist asked for by hand, once its link expired unanswered", async () => {
      const client = await newClient();
      for (const d of [1, 8]) {
        const session = await attend(client, d);
        const made = await t1.post("/api/checkins", {
          clientId: client,
          sessionId: session,
          instruments: ["phq-9"],
        });
        expect(made.statusCode, made.body).toBe(201);
      }
      expect(await alertKinds(client)).not.toContain("disengagement");
      await afterLinksExpire();
      expect(await alertKinds(client)).toContain("disengagement");
    });

    it("still alerts when two check-ins the schedule asked for go unanswered in a row", async () => {
      await settings({
        checkinSchedule: [{ instrumentId: "phq-9", everyNthSession: 1 }],
      });
      try {
        const client = await newClient();
        const first = await attend(client, 1);
        await t1.post(`/api/clients/${client}/responses`, {
          instrumentId: "phq-9",
          answers: answers([1, 1, 1, 1, 1, 1, 1, 1, 0]),
          submittedAt: day(1),
          sessionId: first,
        });
        await attend(client, 8);
        await attend(client, 15);
        // Links still open are pending, not missed.
        expect(await alertKinds(client)).not.toContain("disengagement");
        await afterLinksExpire();
        expect(await alertKinds(client)).toContain("disengagement");
      } finally {
        await settings({ checkinSchedule: [] });
      }
    });
  });

  describe("item 15: expected-trajectory bands stay within the instrument's range", () => {
    it("clamps the PHQ-9 band to 0–27 and says so", async () => {
      const client = await newClient();
      for (let i = 0; i < 8; i++) await attend(client, 1 + 7 * i);
      await respond(client, "phq-9", [2, 2, 2, 2, 2, 2, 1, 1, 0], day(1)); // 14
      await respond(client, "phq-9", [1, 1, 1, 1, 1, 1, 1, 1, 1], day(50)); // 9, session 8
      const res = await t1.get(
        `/api/clients/${client}/trajectory?instrumentId=phq-9`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        clamped: boolean;
        range: { min: number; max: number };
        points: {
          expected: number;
          yellow: { lower: number; upper: number };
          red: { lower: number; upper: number };
        }[];
      }>();
      expect(body.range).toEqual({ min: 0, max: 27 });
      expect(body.clamped).toBe(true);
      const values = body.points.flatMap((p) => [
        p.expected,
        p.yellow.lower,
        p.yellow.upper,
        p.red.lower,
        p.red.upper,
      ]);
      expect(Math.min(...values)).toBe(0);
      expect(Math.max(...values)).toBeLessThanOrEqual(27);
    });
  });

  describe("item 11: the NHS Talking Therapies paired outcome is the episode's outcome", () => {
    interface EpisodeBody {
      id: string;
      talkingTherapies: {
        course: string;
        label: string;
        reliableRecovery: boolean | null;
        attendedSessions: number;
      } | null;
    }
    const episodesOf = async (clientId: string) =>
      (await t1.get(`/api/clients/${clientId}/episodes`)).json<{
        items: EpisodeBody[];
      }>().items;
    const caseloadOutcome = async (clientId: string) =>
      (await t1.get("/api/caseload?limit=200"))
        .json<{
          items: {
            clientId: string;
            episodeOutcome: EpisodeBody["talkingTherapies"];
          }[];
        }>()
        .items.find((c) => c.clientId === clientId)?.episodeOutcome;

    it("classifies PHQ-9 16 → 7 with GAD-7 12 → 6 as reliable recovery, so far, then as a finished course once discharged", async () => {
      const client = await newClient();
      for (const d of [1, 8, 15]) await attend(client, d);
      await respond(client, "phq-9", [2, 2, 2, 2, 2, 2, 2, 2, 0], day(1));
      await respond(client, "gad-7", [2, 2, 2, 2, 2, 1, 1], day(1));
      await respond(client, "phq-9", [1, 1, 1, 1, 1, 1, 1, 0, 0], day(15));
      await respond(client, "gad-7", [1, 1, 1, 1, 1, 1, 0], day(15));
      const [episode] = await episodesOf(client);
      expect(episode?.talkingTherapies).toMatchObject({
        course: "ongoing",
        label: "reliable recovery",
        reliableRecovery: true,
        attendedSessions: 3,
      });
      expect(await caseloadOutcome(client)).toMatchObject({
        course: "ongoing",
        label: "reliable recovery",
      });
      await t1.post(
        `/api/clients/${client}/episodes/${episode!.id}/discharge`,
        {
          reason: "finished",
          dischargedAt: day(20),
        },
      );
      expect((await episodesOf(client))[0]?.talkingTherapies).toMatchObject({
        course: "finished",
        label: "reliable recovery",
      });
      expect(await caseloadOutcome(client)).toMatchObject({
        course: "finished",
      });
    });

    it("does not count an episode that ended after one attended session as a finished course", async () => {
      const client = await newClient();
      await attend(client, 1);
      await respond(client, "phq-9", [2, 2, 2, 2, 2, 2, 2, 2, 0], day(1));
      await respond(client, "gad-7", [2, 2, 2, 2, 2, 1, 1], day(1));
      await respond(client, "phq-9", [1, 1, 1, 1, 1, 1, 1, 0, 0], day(3));
      await respond(client, "gad-7", [1, 1, 1, 1, 1, 1, 0], day(3));
      const [episode] = await episodesOf(client);
      await t1.post(
        `/api/clients/${client}/episodes/${episode!.id}/discharge`,
        {
          dischargedAt: day(5),
        },
      );
      expect((await episodesOf(client))[0]?.talkingTherapies).toMatchObject({
        course: "ended-early",
        attendedSessions: 1,
      });
    });

    it("has no paired outcome without both measures", async () => {
      const client = await newClient();
      await respond(client, "phq-9", [2, 2, 2, 2, 2, 2, 2, 2, 0], day(1));
      await respond(client, "phq-9", [1, 1, 1, 1, 1, 1, 1, 0, 0], day(8));
      expect((await episodesOf(client))[0]?.talkingTherapies).toBeNull();
      expect(await caseloadOutcome(client)).toBeNull();
    });
  });
});
