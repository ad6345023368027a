// Attack (issue 15, item 13): collecting client names from URLs. Searching the caseload by name
// put the name in the query string (GET /api/clients?name=…, GET /api/caseload?name=…), where it
// stays in browser history, proxy and load-balancer logs and Referer headers.
// Defence: no route takes a name in its URL; an exact lookup sends it in a POST body, and the web
// app filters a caseload by part of a name in the browser.
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

describe.each(DIALECTS)("client names in URLs on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("refuses a name in a query string and finds it in a POST body", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    for (const url of [
      "/api/clients?name=Sam%20Ortiz",
      "/api/caseload?name=Sam%20Ortiz",
    ])
      expect([url, (await t1.get(url)).statusCode]).toEqual([url, 400]);
    const found = await t1.post("/api/clients/search", { name: "sam ortiz" });
    expect(found.statusCode).toBe(200);
    expect(
      found.json<{ items: { name: string }[] }>().items.map((c) => c.name),
    ).toEqual(["Sam Ortiz"]);
  });

  it("lists no route with a name parameter in its URL", () => {
    const spec = app.swagger() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[] }>
      >;
    };
    const named = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, op]) =>
        (op.parameters ?? [])
          .filter((p) => p.in === "query" && /name/i.test(p.name))
          .map((p) => `${method.toUpperCase()} ${path} ?${p.name}`),
      ),
    );
    expect(named).toEqual([]);
  });
});
