import { describe, expect, it } from "vitest";
import { pollDelay } from "./useBackoffPoll";

describe("pollDelay", () => {
  it("doubles the wait from the first up to the longest", () => {
    const backoff = { firstMs: 2000, maxMs: 15_000 };
    expect([0, 1, 2, 3, 4, 10].map((n) => pollDelay(n, backoff))).toEqual([
      2000, 4000, 8000, 15_000, 15_000, 15_000,
    ]);
  });
});
