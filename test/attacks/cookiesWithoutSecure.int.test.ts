// Attack (issue 15, items 2 and 13): reading cookies off the wire behind a TLS proxy. TLS ends at
// the proxy, so the request reaching Rapport is plain HTTP: cookies were marked Secure only when
// the request itself was HTTPS, so the session and _csrf cookies went out without Secure and a
// browser would later send them over any plain-HTTP request to the host (a stray http:// link).
// Defence: Secure is decided by the configured public URL's scheme, for both cookies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { DEMO_PASSWORD } from "../support/http.js";

describe.each(DIALECTS)("cookies behind a TLS proxy on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;

  beforeAll(async () => {
    runtime = await testRuntime(dialect, {
      env: {
        RAPPORT_PUBLIC_URL: "https://rapport.example.org",
        RAPPORT_TRUST_PROXY: "1",
      },
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("marks the session and CSRF cookies Secure though the request came in over HTTP", async () => {
    // The proxy forwards plain HTTP and, as many do, says nothing about the scheme.
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "10.0.0.5",
      headers: { "x-forwarded-for": "203.0.113.7" },
      payload: {
        email: "therapist1@demo.rapport.test",
        password: DEMO_PASSWORD,
      },
    });
    expect(res.statusCode).toBe(200);
    const cookie = (name: string) => res.cookies.find((c) => c.name === name);
    expect(cookie("rapport_session")).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: "Strict",
    });
    expect(cookie("_csrf")).toMatchObject({ secure: true, httpOnly: true });
  });
});
