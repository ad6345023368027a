// Issue 17, point 5: the therapist records an optional age band and gender; both are stored
// encrypted under the client's key and reach the research export.
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

describe.each(DIALECTS)("client age band and gender on %s", (dialect) => {
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

  it("are entered by the therapist, stored encrypted, cleared with null, and checked", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const created = await t1.post("/api/clients", { name: "Wren Hallett" });
    expect(created.statusCode).toBe(201);
    const client = created.json<{
      id: string;
      ageBand: unknown;
      gender: unknown;
    }>();
    expect(client).toMatchObject({ ageBand: null, gender: null });
    const set = await t1.patch(`/api/clients/${client.id}`, {
      ageBand: "35-44",
      gender: "non-binary",
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      ageBand: "35-44",
      gender: "non-binary",
    });
    expect((await t1.get(`/api/clients/${client.id}`)).json()).toMatchObject({
      ageBand: "35-44",
      gender: "non-binary",
    });
    const row = await runtime.context.db
      .selectFrom("clients")
      .selectAll()
      .where("id", "=", client.id)
      .executeTakeFirstOrThrow();
    expect(row.age_band_enc).toMatch(/^enc2\./);
    expect(row.gender_enc).toMatch(/^enc2\./);
    expect(JSON.stringify(row)).not.toMatch(/35-44|non-binary/);
    expect(
      (await t1.patch(`/api/clients/${client.id}`, { ageBand: "thirty" }))
        .statusCode,
    ).toBe(400);
    const cleared = await t1.patch(`/api/clients/${client.id}`, {
      gender: null,
    });
    expect(cleared.json()).toMatchObject({ ageBand: "35-44", gender: null });
  });
});
