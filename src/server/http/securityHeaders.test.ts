// The recorded headers are helmet's own: the policy Rapport configures and helmet's defaults.
import { describe, expect, it } from "vitest";
import { helmetHeaders } from "./securityHeaders.js";

describe("helmetHeaders", () => {
  it("records the configured policy and helmet's default headers", () => {
    const headers = helmetHeaders();
    expect(headers["content-security-policy"]).toContain(
      "frame-ancestors 'none'",
    );
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(headers["referrer-policy"]).toBe("no-referrer");
  });
});
