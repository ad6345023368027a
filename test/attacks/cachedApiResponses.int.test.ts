// Attack (issue 15, item 13): reading health data from a cache. API answers carried no
// Cache-Control, so a browser's cache (a shared computer's back button after sign-out) or a
// caching proxy between clinic and server could keep a copy of a client's record.
// Defence: every /api and /fhir answer, errors included, says Cache-Control: no-store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn } from "../support/http.js";

describe.each(DIALECTS)("cached API answers on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("tells every cache not to store client data, or any other API answer", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const [client] = (await t1.get("/api/clients?limit=1")).json<{
      items: { id: string }[];
    }>().items;
    const answers = [
      await t1.get(`/api/clients/${client?.id ?? ""}`),
      await t1.get(`/api/clients/${client?.id ?? ""}/export?format=fhir`),
      await t1.get("/api/caseload?limit=5"),
      await t1.get("/api/clients/not-a-client"),
      await app.inject({ method: "GET", url: "/api/me" }),
      await t1.get("/fhir/R4/Questionnaire/phq-9"),
    ];
    for (const answer of answers)
      expect([answer.statusCode, answer.headers["cache-control"]]).toEqual([
        answer.statusCode,
        "no-store",
      ]);
  });
});
