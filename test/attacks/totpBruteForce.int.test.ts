// Attack (issue 15, item 1): brute-forcing the second factor. An attacker who has a member's
// password opens pending sessions and guesses TOTP codes from ever-new addresses (so the
// per-address limit never bites), across several app servers; or replays a code seen over a
// shoulder; or keeps a pending session id planted before the code is entered.
// Defences: failures count per account in the database (shared by every server): 5 in 15 min lock
// it for 15 min, even for the right code; a pending session ends at its fifth wrong code; a code
// is accepted once; a right code replaces the session id.
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
import {
  DEMO_PASSWORD,
  asCookie,
  cookiesOf,
  signIn,
  type Session,
} from "../support/http.js";

describe.each(DIALECTS)("TOTP brute force on %s", (dialect) => {
  let runtime: TestRuntime;
  let servers: [App, App];
  let now = new Date("2026-11-25T09:00:00Z");
  let address = 0;
  /** Every request from a new address, as a botnet would send them. */
  const nextAddress = () => `198.51.100.${(address++ % 250) + 1}`;
  const secrets = new Map<string, string>();

  async function enrol(email: string): Promise<void> {
    const member = await signIn(servers[0], email);
    const { secret } = (await member.post("/api/auth/totp/setup")).json<{
      secret: string;
    }>();
    const enabled = await member.post("/api/auth/totp/enable", {
      code: await currentCode(secret, now),
    });
    expect(enabled.statusCode).toBe(200);
    secrets.set(email, secret);
    now = new Date(now.getTime() + 30_000); // the enrolment code is used up
  }

  /** Signs in with the password; the session waits for the code. */
  async function pending(app: App, email: string): Promise<Session> {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: nextAddress(),
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(res.json()).toMatchObject({ secondFactorRequired: true });
    return asCookie(
      app,
      cookiesOf(res),
      res.json<{ csrfToken: string }>().csrfToken,
    );
  }

  const guess = (app: App, session: Session, code: string) =>
    app.inject({
      method: "POST",
      url: "/api/auth/totp/verify",
      remoteAddress: nextAddress(),
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
      payload: { code },
    });

  const rightCode = (email: string) =>
    currentCode(secrets.get(email) ?? "", now);

  beforeAll(async () => {
    runtime = await testRuntime(dialect, { clock: () => now });
    await seedDemo(runtime.context);
    // Two app servers on one database, as behind a load balancer.
    servers = [
      await buildApp(runtime.context, { logger: false }),
      await buildApp(runtime.context, { logger: false }),
    ];
    await enrol("therapist1@demo.rapport.test");
    await enrol("therapist2@demo.rapport.test");
    await enrol("supervisor@demo.rapport.test");
  });
  afterAll(async () => {
    for (const app of servers) await app.close();
    await runtime.dispose();
  });

  it("locks the account after 5 wrong codes across sessions, addresses and servers, even for the right code", async () => {
    const email = "therapist1@demo.rapport.test";
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A fresh pending session and server for every guess.
      const app = servers[i % 2] as App;
      statuses.push(
        (await guess(app, await pending(app, email), "000000")).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await guess(
      servers[1],
      await pending(servers[1], email),
      await rightCode(email),
    );
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    now = new Date(now.getTime() + 16 * 60_000); // the lock ends
    const after = await guess(
      servers[0],
      await pending(servers[0], email),
      await rightCode(email),
    );
    expect(after.statusCode).toBe(200);
  });

  it("ends a pending session at its fifth wrong code", async () => {
    const email = "therapist2@demo.rapport.test";
    const session = await pending(servers[0], email);
    for (let i = 0; i < 4; i++)
      expect((await guess(servers[0], session, "000000")).statusCode).toBe(401);
    const fifth = await guess(servers[0], session, "000000");
    expect(fifth.json()).toMatchObject({
      error: { details: { sessionEnded: true } },
    });
    // The right code no longer helps in that session: it is gone.
    now = new Date(now.getTime() + 16 * 60_000);
    expect(
      (await guess(servers[0], session, await rightCode(email))).statusCode,
    ).toBe(401);
    expect((await session.get("/api/me")).statusCode).toBe(401);
  });

  it("accepts a code once: a replayed code is refused, even sent twice at once", async () => {
    const email = "supervisor@demo.rapport.test";
    const code = await rightCode(email);
    expect(
      (await guess(servers[0], await pending(servers[0], email), code))
        .statusCode,
    ).toBe(200);
    // Seen over a shoulder and replayed at once, from another server.
    expect(
      (await guess(servers[1], await pending(servers[1], email), code))
        .statusCode,
    ).toBe(401);
    // The next code, raced through two sessions on two servers: one wins.
    now = new Date(now.getTime() + 30_000);
    const next = await rightCode(email);
    const [a, b] = [
      await pending(servers[0], email),
      await pending(servers[1], email),
    ];
    const raced = await Promise.all([
      guess(servers[0], a, next),
      guess(servers[1], b, next),
    ]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it("gives the signed-in session a new id: the pending cookie never becomes a signed-in one", async () => {
    now = new Date(now.getTime() + 30_000);
    const email = "supervisor@demo.rapport.test";
    const session = await pending(servers[0], email);
    const verified = await guess(servers[0], session, await rightCode(email));
    expect(verified.statusCode).toBe(200);
    const issued = verified.cookies.find((c) => c.name === "rapport_session");
    expect(issued?.value).toBeDefined();
    expect(session.cookie).not.toContain(`rapport_session=${issued?.value}`);
    expect((await session.get("/api/clients?limit=1")).statusCode).toBe(401);
    const signedIn = await servers[0].inject({
      method: "GET",
      url: "/api/clients?limit=1",
      headers: { cookie: `rapport_session=${issued?.value ?? ""}` },
    });
    expect(signedIn.statusCode).toBe(200);
  });
});
