// Clinical numbers over HTTP (issue 14, items 8–15): caseness apart from screening cut-offs,
// item flags, the paired NHS Talking Therapies outcome, no-improvement alerts, disengagement
// against the schedule and trajectory bands within the instrument's range.
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
  const signalsOf = async (clientId: string) =>
    (await t1.get(`/api/clients/${clientId}/signals`)).json<{
      items: SignalBody[];
    }>().items;

  beforeAll(async () => {
    runtime = await testRuntime(dialect, {
      clock: () => new Date("2026-11-25T12:00:00.000Z"),
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    t1 = await signIn(app, "therapist1@demo.rapport.test");
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
});
