import { describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  entryHash,
  verifyChain,
  type AuditFields,
} from "./auditChain.js";

function chain(n: number) {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const fields: AuditFields = {
      id: `e${i}`,
      organisation_id: "o",
      seq: i + 1,
      at: `2026-01-0${i + 1}T00:00:00Z`,
      actor_id: "m",
      client_id: "c",
      action: "client.read",
      source: "127.0.0.1",
    };
    const row = { ...fields, prev_hash: prev, hash: entryHash(prev, fields) };
    prev = row.hash;
    return row;
  });
}

describe("verifyChain", () => {
  it("accepts an intact chain", () => {
    expect(verifyChain(chain(5))).toEqual([]);
  });

  it("reports an altered entry", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, action: "client.update" };
    expect(verifyChain(rows)).toContainEqual({ seq: 3, problem: "altered" });
  });

  it("reports a deleted entry as a gap and a broken link", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toEqual([
      { seq: 3, problem: "gap" },
      { seq: 3, problem: "broken-link" },
    ]);
  });

  it("reports an inserted entry", () => {
    const rows = chain(3);
    const forged = { ...rows[1]!, id: "forged" };
    rows.splice(2, 0, forged);
    expect(verifyChain(rows).length).toBeGreaterThan(0);
  });
});

describe("entryHash with a subject", () => {
  it("covers the subject, and leaves entries without one hashed as before", () => {
    const fields: AuditFields = {
      id: "e1",
      organisation_id: "o",
      seq: 1,
      at: "2026-01-01T00:00:00Z",
      actor_id: "admin",
      client_id: null,
      action: "member.create",
      source: "127.0.0.1",
    };
    const bare = entryHash(GENESIS_HASH, fields);
    expect(entryHash(GENESIS_HASH, { ...fields, subject_id: null })).toBe(bare);
    const about = entryHash(GENESIS_HASH, { ...fields, subject_id: "m1" });
    expect(about).not.toBe(bare);
    expect(entryHash(GENESIS_HASH, { ...fields, subject_id: "m2" })).not.toBe(
      about,
    );
  });
});
