// Attack (issue 15, item 2): forging the client address. With RAPPORT_TRUST_PROXY=true any
// client's X-Forwarded-For became request.ip: an attacker sent a new address with every request
// (no per-address limit ever bites) and wrote whatever address they liked into the audit trail.
// Defences: only a hop count or the proxies' own addresses are trusted ("true" is refused); the
// per-address limits are backed by per-account ones wherever a request names an account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { ConfigError, loadConfig } from "../../src/server/config.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { DEMO_PASSWORD } from "../support/http.js";

const PROXY = "10.0.0.5";
const CLIENT = "203.0.113.7";

it("refuses to trust every client's X-Forwarded-For", () => {
  expect(() => loadConfig({ RAPPORT_TRUST_PROXY: "true" })).toThrow(
    ConfigError,
  );
});

// Trusting one hop (the proxy in front) or the proxy's own address.
const SETTINGS = DIALECTS.flatMap((dialect) => [
  [dialect, "1"] as const,
  [dialect, PROXY] as const,
]);

describe.each(SETTINGS)(
  "X-Forwarded-For on %s, RAPPORT_TRUST_PROXY=%s",
  (dialect, trust) => {
    let runtime: TestRuntime;
    let app: App;

    beforeAll(async () => {
      runtime = await testRuntime(dialect, {
        env: { RAPPORT_TRUST_PROXY: trust, RAPPORT_LOGIN_RATE_PER_MINUTE: "5" },
      });
      await seedDemo(runtime.context);
      app = await buildApp(runtime.context, { logger: false });
    });
    afterAll(async () => {
      await app.close();
      await runtime.dispose();
    });

    /** A sign-in that the proxy forwards: it appends the address it saw to the client's header. */
    const viaProxy = (
      forged: string,
      email: string,
      password: string,
      client = CLIENT,
    ) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: PROXY,
        headers: { "x-forwarded-for": `${forged}, ${client}` },
        payload: { email, password },
      });

    it("records the address the proxy saw, not the one the client wrote", async () => {
      const res = await viaProxy(
        "6.6.6.6",
        "therapist1@demo.rapport.test",
        DEMO_PASSWORD,
      );
      expect(res.statusCode).toBe(200);
      // A client record read through the proxy, with a forged address again.
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const list = await app.inject({
        method: "GET",
        url: "/api/clients?limit=1",
        remoteAddress: PROXY,
        headers: { cookie, "x-forwarded-for": `6.6.6.7, ${CLIENT}` },
      });
      expect(list.statusCode).toBe(200);
      const sources = async (action: string) =>
        (
          await runtime.context.db
            .selectFrom("audit_log")
            .select("source")
            .where("action", "=", action)
            .execute()
        ).map((e) => e.source);
      expect(await sources("client.list")).toEqual([CLIENT]);
      expect(await sources("auth.login")).toEqual([CLIENT]);
    });

    it("keeps the per-address limit when every request forges a new address", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (
            await viaProxy(
              `6.6.6.${i}`,
              `nobody-${i}@demo.rapport.test`,
              "x",
              "203.0.113.99",
            )
          ).statusCode,
        );
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses[5]).toBe(429);
    });

    it("backs the per-address limit of reset requests with a per-account one", async () => {
      // Really many addresses (a botnet through the proxy): the per-address limit never bites.
      for (let i = 0; i < 10; i++) {
        const res = await app.inject({
          method: "POST",
          url: "/api/auth/password-reset/request",
          remoteAddress: PROXY,
          headers: { "x-forwarded-for": `192.0.2.${i + 1}` },
          payload: { email: "therapist1@demo.rapport.test" },
        });
        expect(res.statusCode).toBe(202);
      }
      const member = await runtime.context.db
        .selectFrom("members")
        .select("id")
        .where("email", "=", "therapist1@demo.rapport.test")
        .executeTakeFirstOrThrow();
      const links = async () =>
        (
          await runtime.context.db
            .selectFrom("password_resets")
            .select("token_hash")
            .where("member_id", "=", member.id)
            .execute()
        ).length;
      // The requests are handled after they are answered: wait for them to settle.
      for (let i = 0; i < 100 && (await links()) < 3; i++)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
      expect(await links()).toBe(3);
    });
  },
);

// Only with the proxy's address: a hop count cannot tell the proxy from a client that reaches
// Rapport directly (SECURITY.md), so it is safe only where clients cannot.
describe.each(DIALECTS)("X-Forwarded-For from a stranger on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;

  beforeAll(async () => {
    runtime = await testRuntime(dialect, {
      env: { RAPPORT_TRUST_PROXY: PROXY },
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("ignores X-Forwarded-For from a peer that is not the proxy", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "198.51.100.9",
      headers: { "x-forwarded-for": "10.9.9.9" },
      payload: {
        email: "supervisor@demo.rapport.test",
        password: DEMO_PASSWORD,
      },
    });
    expect(res.statusCode).toBe(200);
    const login = await runtime.context.db
      .selectFrom("audit_log")
      .select("source")
      .where("action", "=", "auth.login")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(login.source).toBe("198.51.100.9");
  });
});
