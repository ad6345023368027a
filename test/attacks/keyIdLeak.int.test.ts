// Attack (issue 15, item 13): learning about the keys from error messages. An internal error's
// message went back to the caller as is: a client key wrapped under another master key answered
// 500 "client key is wrapped by master key <id>, not the loaded one", naming key ids (and, for
// other internal errors, files, queries or state) to anyone who could trigger one.
// Defence: an internal error answers "internal error" only; the detail goes to the server's log.
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

describe.each(DIALECTS)("key ids in error answers on %s", (dialect) => {
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

  it("answers a key mismatch with a bare internal error", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const client = (
      await t1.post("/api/clients", { name: "Key Person" })
    ).json<{ id: string }>();
    // The client's key is wrapped under another master key (a half-finished rotation).
    await runtime.context.db
      .updateTable("client_keys")
      .set({ master_key_id: "0123456789ab" })
      .where("client_id", "=", client.id)
      .execute();
    runtime.context.cipher.forget(client.id);
    const loaded = runtime.context.cipher.master.id;
    for (const url of [
      `/api/clients/${client.id}`,
      `/api/clients/${client.id}/export?format=fhir`,
    ]) {
      const res = await t1.get(url);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain("0123456789ab");
      expect(res.body).not.toContain(loaded);
      expect(res.body).not.toMatch(/master key/i);
    }
    expect((await t1.get(`/api/clients/${client.id}`)).json()).toEqual({
      error: { code: "internal", message: "internal error" },
    });
  });
});
