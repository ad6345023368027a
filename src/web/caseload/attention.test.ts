import { describe, expect, it } from "vitest";
import { waitedFor } from "./attention";

describe("waitedFor", () => {
  it("words a wait in minutes, hours or days", () => {
    expect(waitedFor(0)).toBe("less than a minute");
    expect(waitedFor(45)).toBe("45 min");
    expect(waitedFor(120)).toBe("2 h");
    expect(waitedFor(150)).toBe("2 h 30 min");
    expect(waitedFor(3 * 24 * 60 + 5)).toBe("3 days");
  });
});
