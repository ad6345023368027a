// GET /api/clients/:id/trajectory: the band from the model in use, labelled, by session of care.
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

interface Trajectory {
  label: string;
  model: string;
  intake: number | null;
  scores: { session: number; total: number }[];
  points: {
    session: number;
    expected: number;
    yellow: { lower: number; upper: number };
    red: { lower: number; upper: number };
  }[];
}

describe.each(DIALECTS)("trajectory on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let sam = "";

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    t1 = await signIn(app, "therapist1@demo.rapport.test");
    sam = (await t1.post("/api/clients/search", { name: "Sam Ortiz" })).json<{
      items: { id: string }[];
    }>().items[0]!.id;
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("draws the reference band from the intake past the latest score", async () => {
    const res = await t1.get(
      `/api/clients/${sam}/trajectory?instrumentId=phq-9`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Trajectory>();
    expect(body.model).toBe("reference");
    expect(body.label).toBe("reference model, not fitted to your clinic");
    expect(body.scores[0]).toMatchObject({ session: 1, total: body.intake });
    const last = body.scores.at(-1)?.session ?? 0;
    expect(body.points.at(-1)?.session).toBe(last + 2);
    for (const p of body.points) {
      expect(p.red.lower).toBeLessThan(p.yellow.lower);
      expect(p.yellow.lower).toBeLessThan(p.expected);
      expect(p.expected).toBeLessThan(p.yellow.upper);
      expect(p.yellow.upper).toBeLessThan(p.red.upper);
    }
  });

  it("answers an empty series for a client without scores", async () => {
    const id = (await t1.post("/api/clients", { name: "New Person" })).json<{
      id: string;
    }>().id;
    const body = (
      await t1.get(`/api/clients/${id}/trajectory?instrumentId=gad-7`)
    ).json<Trajectory>();
    expect(body).toMatchObject({ intake: null, scores: [], points: [] });
  });

  it("is not found for an instrument without a model, and hides other therapists' clients", async () => {
    expect(
      (
        await t1.get(
          `/api/clients/${sam}/trajectory?instrumentId=rapport-alliance`,
        )
      ).statusCode,
    ).toBe(404);
    const t2 = await signIn(app, "therapist2@demo.rapport.test");
    expect(
      (await t2.get(`/api/clients/${sam}/trajectory?instrumentId=phq-9`))
        .statusCode,
    ).toBe(404);
  });
});
