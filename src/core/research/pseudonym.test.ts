import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { pseudonym } from "./pseudonym.js";

describe("pseudonym", () => {
  const ids = Array.from(
    { length: 200 },
    (_, i) => `0190f3a0-0000-7000-8000-${String(i).padStart(12, "0")}`,
  );

  it("is stable under one secret and shares nothing across two secrets", () => {
    const a = crypto.randomBytes(32);
    const b = crypto.randomBytes(32);
    const underA = ids.map((id) => pseudonym(a, "client", id));
    expect(ids.map((id) => pseudonym(a, "client", id))).toEqual(underA);
    const underB = new Set(ids.map((id) => pseudonym(b, "client", id)));
    expect(underA.filter((p) => underB.has(p))).toEqual([]);
    expect(new Set(underA).size).toBe(ids.length);
  });

  it("is the HMAC-SHA-256 of kind and id, and never contains the id", () => {
    const secret = Buffer.alloc(32, 7);
    const mac = crypto
      .createHmac("sha256", secret)
      .update(`therapist:${ids[0]}`)
      .digest("hex");
    expect(pseudonym(secret, "therapist", ids[0]!)).toBe(
      `T${mac.slice(0, 16)}`,
    );
    expect(pseudonym(secret, "client", ids[0]!)).not.toBe(
      pseudonym(secret, "therapist", ids[0]!).replace("T", "C"),
    );
    expect(pseudonym(secret, "client", ids[0]!)).not.toContain("0190f3a0");
  });
});
