// Ids: UUIDv7, unique and strictly increasing even when many are made in one millisecond.
import { describe, expect, it } from "vitest";
import { newId } from "./ids.js";

const AT = new Date(Date.UTC(2026, 0, 1));

describe("newId", () => {
  it("makes unique, strictly increasing UUIDv7s", () => {
    const ids = Array.from({ length: 5_000 }, () => newId(AT));
    for (const id of ids)
      expect(id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || (ids[i - 1] ?? "") < id)).toBe(true);
  });
});
