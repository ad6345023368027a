// Attack (issue 15, item 6): harvesting client links from the logs. A client's check-in link
// (/c/<token>), its unsubscribe and progress pages and the personal progress link (/p/<token>)
// carry their credential in the path, and every request path was logged: anyone who reads the
// logs (a log shipper, a support engineer) could open a client's check-in or progress page.
// Defence: the request logger replaces the token in those paths; query strings are never logged.
import { Writable } from "node:stream";
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

describe.each(DIALECTS)("link tokens in request logs on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let logs = "";

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    app = await buildApp(runtime.context, { logStream: stream });
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("never writes a check-in or progress token to the log", async () => {
    const t1 = await signIn(app, "therapist1@demo.rapport.test");
    const client = (
      await t1.post("/api/clients", { name: "Logged Person" })
    ).json<{ id: string }>();
    await t1.post(`/api/clients/${client.id}/consents`, {
      kind: "routine-measurement",
      granted: true,
    });
    const checkin = (
      await t1.post("/api/checkins", {
        clientId: client.id,
        instruments: ["phq-9"],
      })
    ).json<{ url: string }>();
    const checkinToken = checkin.url.split("/c/")[1] ?? "";
    await t1.put(`/api/clients/${client.id}/progress-view`, {
      enabled: true,
      showAlliance: true,
    });
    const progress = (
      await t1.post(`/api/clients/${client.id}/progress-view/link`)
    ).json<{ url: string }>();
    const progressToken = progress.url.split("/p/")[1] ?? "";
    expect(checkinToken.length).toBeGreaterThan(20);
    expect(progressToken.length).toBeGreaterThan(20);

    for (const url of [
      `/c/${checkinToken}`,
      `/c/${checkinToken}?lang=de`,
      `/c/${checkinToken}/unsubscribe`,
      `/c/${checkinToken}/progress`,
      `/p/${progressToken}`,
    ])
      await app.inject({ method: "GET", url });
    await app.inject({
      method: "POST",
      url: `/c/${checkinToken}/unsubscribe`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });

    expect(logs).toContain('"path":"/c/[redacted]"');
    expect(logs).toContain('"path":"/c/[redacted]/unsubscribe"');
    expect(logs).toContain('"path":"/p/[redacted]"');
    expect(logs).not.toContain(checkinToken);
    expect(logs).not.toContain(progressToken);
  });
});
