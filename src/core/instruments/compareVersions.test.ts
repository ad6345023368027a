import { describe, expect, it } from "vitest";
import { compareVersions } from "./compareVersions.js";

describe("compareVersions", () => {
  it("orders numerically, not as text", () => {
    expect(["1.10.0", "1.2.0", "0.9.1"].sort(compareVersions)).toEqual([
      "0.9.1",
      "1.2.0",
      "1.10.0",
    ]);
  });

  it("ranks pre-releases below their release and ignores build metadata", () => {
    expect(
      ["1.0.0", "1.0.0-beta.2", "1.0.0-alpha", "1.0.0-beta.10"].sort(
        compareVersions,
      ),
    ).toEqual(["1.0.0-alpha", "1.0.0-beta.2", "1.0.0-beta.10", "1.0.0"]);
    expect(compareVersions("1.0.0+build.5", "1.0.0")).toBe(0);
  });
});
