// Attack (issue 15, item 11): racing the sign-in lockout. Twenty guesses sent at once all read
// "not locked" before any of them has failed, so each gets its password checked: the 5-failure
// lock becomes a 20-guess lock (and more with more connections).
// Defence: each attempt is counted, in one atomic statement, before its password is checked; the
// sixth and later attempts in a window are refused unchecked.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../src/server/app.js";
import * as password from "../../src/server/auth/password.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { DEMO_PASSWORD } from "../support/http.js";

// Counts how many guesses had their password checked (the real check still runs).
vi.mock("../../src/server/auth/password.js", async (original) => {
  const actual = await original<typeof password>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const checked = vi.mocked(password.verifyPassword);

describe.each(DIALECTS)("parallel sign-in guesses on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  const login = (email: string, password: string, i: number) =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: `203.0.113.${i + 1}`,
      payload: { email, password },
    });

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("checks at most 5 of 20 simultaneous guesses, then refuses the right password too", async () => {
    const email = "therapist1@demo.rapport.test";
    checked.mockClear();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(email, `guess-${i}`, i)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(checked).toHaveBeenCalledTimes(5);
    // Four checked and wrong (401), the fifth checked and wrong (locks: 429), fifteen refused.
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
    expect((await login(email, DEMO_PASSWORD, 0)).statusCode).toBe(429);
  });

  it("counts every one of many parallel failures (no lost update)", async () => {
    const email = "ghost@demo.rapport.test"; // unknown emails are throttled alike
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(email, `guess-${i}`, i)),
    );
    const { failures } = await runtime.context.db
      .selectFrom("login_throttle")
      .select("failures")
      .where(
        "key_hash",
        "=",
        crypto.createHash("sha256").update(`login:${email}`).digest("hex"),
      )
      .executeTakeFirstOrThrow();
    expect(failures).toBe(12);
  });
});
