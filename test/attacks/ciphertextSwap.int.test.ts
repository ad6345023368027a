// Attack (issue 15, item 13): moving ciphertext between columns. Every value of a client was
// encrypted under the client's key with only the client id as associated data, so someone who
// can write to the database (but has no key) could copy one field's ciphertext into another of
// the same client, e.g. a goal's text or a break-glass reason into the name the therapist sees,
// and Rapport would decrypt and show it as that field.
// Defence: the associated data binds the field (table.column) as well as the client; a value
// moved to another column fails to open, and the request fails instead of showing it.
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

describe.each(DIALECTS)("ciphertext moved between fields on %s", (dialect) => {
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

  it("refuses to show a goal's ciphertext as the client's name", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const client = (await t1.post("/api/clients", { name: "Real Name" })).json<{
      id: string;
    }>();
    await t1.post(`/api/clients/${client.id}/goals`, {
      text: "Forged Name",
    });
    const { db } = runtime.context;
    const goal = await db
      .selectFrom("goals")
      .select("text_enc")
      .where("client_id", "=", client.id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("clients")
      .set({ name_enc: goal.text_enc })
      .where("id", "=", client.id)
      .execute();
    const res = await t1.get(`/api/clients/${client.id}`);
    expect(res.body).not.toContain("Forged Name");
    expect(res.statusCode).toBe(500);
  });
});
