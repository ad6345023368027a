// Attack (issue 15, item 9): finding accounts by timing password-reset requests. The handler sent
// the reset email (awaiting SMTP) only when the account existed, so a request for a real account
// took as long as an SMTP round trip and one for a made-up email returned at once.
// Defence: the request is answered at once, the same way for every email; the lookup and the
// link happen afterwards and the email goes through the outbox (its payload sealed: it holds the
// link).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import type { Mail } from "../../src/server/mail/mailer.js";
import { deliverOutbox } from "../../src/server/notifications/outbox.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";

describe.each(DIALECTS)("password-reset timing on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  const sent: Mail[] = [];
  let smtpAnswers = false;

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    // An SMTP server that does not answer until the test lets it.
    runtime.context.mailer = {
      configured: true,
      send: async (mail) => {
        while (!smtpAnswers) await new Promise((r) => setTimeout(r, 10));
        sent.push(mail);
      },
    };
    app = await buildApp(runtime.context, { logger: false });
  });
  afterAll(async () => {
    smtpAnswers = true;
    await app.close();
    await runtime.dispose();
  });

  const request = (email: string) =>
    app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      payload: { email },
    });

  it("answers a real account's request without waiting for SMTP, like an unknown one", async () => {
    // Generous on purpose: the old handler waited for the (here silent) SMTP server forever.
    const hung = new Promise<"hung">((r) => setTimeout(() => r("hung"), 5_000));
    const known = await Promise.race([
      request("therapist1@demo.rapport.test"),
      hung,
    ]);
    const unknown = await request("nobody@demo.rapport.test");
    expect(known).not.toBe("hung");
    if (known === "hung") return;
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(sent).toEqual([]);
  });

  it("queues the email through the outbox with its link sealed, and sends it once SMTP answers", async () => {
    const rows = async () =>
      runtime.context.db
        .selectFrom("outbox")
        .selectAll()
        .where("kind", "=", "password-reset")
        .execute();
    for (let i = 0; i < 100 && (await rows()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    const [row] = await rows();
    expect(row?.payload).toBeDefined();
    expect(row?.payload).not.toMatch(/token|therapist1|reset-password/);
    smtpAnswers = true;
    for (let i = 0; i < 100 && sent.length === 0; i++) {
      await deliverOutbox(runtime.context);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(sent.map((m) => m.to)).toEqual(["therapist1@demo.rapport.test"]);
    expect(sent[0]?.text).toMatch(/reset-password#token=[A-Za-z0-9_-]{20,}/);
  });
});
