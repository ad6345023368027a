import { describe, expect, it } from "vitest";
import { redactPath } from "./logging.js";

describe("redactPath", () => {
  it.each([
    ["/c/abc123", "/c/[redacted]"],
    ["/c/abc123?lang=de", "/c/[redacted]"],
    ["/c/abc123/unsubscribe", "/c/[redacted]/unsubscribe"],
    ["/c/abc123/progress", "/c/[redacted]/progress"],
    ["/p/xyz789", "/p/[redacted]"],
    ["/c/assets/checkin.css", "/c/assets/checkin.css"],
    ["/api/clients/0190-ab", "/api/clients/0190-ab"],
    ["/reset-password", "/reset-password"],
    ["/api/members?token=x", "/api/members"],
  ])("%s is logged as %s", (url, logged) => {
    expect(redactPath(url)).toBe(logged);
  });
});
