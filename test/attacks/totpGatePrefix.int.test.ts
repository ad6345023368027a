// Attack (issue 15, item 10): slipping past the mandatory second factor. When an organisation
// requires TOTP, a member who has not enrolled may reach only the enrolment routes; the gate
// allowed them by prefix, and "/api/me" is a prefix of "/api/members", so the member list (names,
// emails, roles) stayed open to a stolen password without a second factor.
// Defence: the gate allows exact routes only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { currentCode } from "../../src/server/auth/totp.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

describe.each(DIALECTS)("mandatory TOTP gate on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let unenrolled: Session;
  const now = new Date("2026-11-25T09:00:00Z");

  beforeAll(async () => {
    runtime = await testRuntime(dialect, { clock: () => now });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    const admin = await signIn(app, "admin@demo.rapport.test");
    const { secret } = (await admin.post("/api/auth/totp/setup")).json<{
      secret: string;
    }>();
    await admin.post("/api/auth/totp/enable", {
      code: await currentCode(secret, now),
    });
    expect(
      (
        await admin.patch("/api/organisation", {
          settings: { requireTotp: true },
        })
      ).statusCode,
    ).toBe(200);
    unenrolled = await signIn(app, "therapist1@demo.rapport.test");
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("refuses every route that merely starts like an enrolment route", async () => {
    const me = (await unenrolled.get("/api/me")).json<{ id: string }>();
    for (const url of [
      "/api/members",
      `/api/members/${me.id}`,
      "/api/me/",
      "/api/clients",
    ]) {
      const res = await unenrolled.get(url);
      expect([url, res.statusCode]).toEqual([url, 403]);
      expect(res.json()).toMatchObject({
        error: { details: { totpEnrolmentRequired: true } },
      });
    }
  });

  it("still lets the member see who they are and enrol", async () => {
    expect((await unenrolled.get("/api/me")).statusCode).toBe(200);
    expect((await unenrolled.post("/api/auth/totp/setup")).statusCode).toBe(
      200,
    );
  });
});
