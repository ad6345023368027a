// Issue 17, point 1: an administrator queues the research export; it is downloaded once, then
// deleted; the request and the download are audited.
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

describe.each(DIALECTS)("queued research export on %s", (dialect) => {
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

  it("is queued, downloaded once, then gone, and both steps are audited", async () => {
    const admin = await signIn(app, "admin@demo.rapport.test");
    const refused = await admin.post("/api/research-exports", { k: 2 });
    expect(refused.statusCode).toBe(400);
    const queued = await admin.post("/api/research-exports", {});
    expect(queued.statusCode).toBe(202);
    const { id, secret } = queued.json<{ id: string; secret: string }>();
    expect(secret).toMatch(/^[\w-]{43}$/);
    let status = "queued";
    for (let i = 0; i < 200 && status === "queued"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const polled = await admin.get(`/api/research-exports/${id}`);
      status = polled.json<{ status: string; secret?: unknown }>().status;
      expect(polled.json<{ secret?: unknown }>().secret).toBeUndefined();
    }
    expect(status).toBe("ready");
    const row = await runtime.context.db
      .selectFrom("research_exports")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.result_enc).toMatch(/^enc2\./);
    expect(JSON.stringify(row)).not.toContain(secret);
    const download = await admin.get(`/api/research-exports/${id}/download`);
    expect(download.statusCode).toBe(200);
    const body = download.json<{
      files: Record<string, string>;
      clients: number;
    }>();
    expect(body.clients).toBeGreaterThan(10);
    expect(Object.keys(body.files)).toContain("codebook.csv");
    expect(body.files["clients.csv"]).toMatch(
      /^client,therapist,age_band,gender/,
    );
    expect(
      (await admin.get(`/api/research-exports/${id}/download`)).statusCode,
    ).toBe(404);
    expect((await admin.get(`/api/research-exports/${id}`)).statusCode).toBe(
      404,
    );
    const audit = await runtime.context.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "research.export%")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "research.export.download",
      "research.export.request",
    ]);
  });
});
