import { describe, expect, it } from "vitest";
import { clientHref, parseRoute } from "./router";

describe("parseRoute", () => {
  it("reads every page from its path", () => {
    expect(parseRoute("/")).toEqual({ page: "home" });
    expect(parseRoute("/account/")).toEqual({ page: "account" });
    expect(parseRoute(clientHref("01ab-cd"))).toEqual({
      page: "client",
      id: "01ab-cd",
    });
    expect(parseRoute("/admin/audit")).toEqual({ page: "audit" });
    expect(parseRoute("/admin/instruments")).toEqual({ page: "instruments" });
    expect(parseRoute("/reset-password")).toEqual({ page: "reset-password" });
    expect(parseRoute("/clients/../etc")).toEqual({ page: "not-found" });
  });
});
