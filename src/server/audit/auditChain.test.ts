import { describe, expect, it } from "vitest";
import {
  GENESIS_HASH,
  checkAnchor,
  keyedHash,
  legacyHash,
  verifyChain,
  type AuditFields,
  type ChainHash,
} from "./auditChain.js";

const KEY = Buffer.alloc(32, 7);
const hash = keyedHash(KEY);

function chain(n: number, with_: ChainHash = hash) {
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
    const row = { ...fields, prev_hash: prev, hash: with_(prev, fields) };
    prev = row.hash;
    return row;
  });
}

describe("verifyChain", () => {
  it("accepts an intact chain", () => {
    expect(verifyChain(hash, chain(5))).toEqual([]);
  });

  it("reports an altered entry", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, action: "client.update" };
    expect(verifyChain(hash, rows)).toContainEqual({
      seq: 3,
      problem: "altered",
    });
  });

  it("reports a deleted entry as a gap and a broken link", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(hash, rows)).toEqual([
      { seq: 3, problem: "gap" },
      { seq: 3, problem: "broken-link" },
    ]);
  });

  it("reports an inserted entry", () => {
    const rows = chain(3);
    const forged = { ...rows[1]!, id: "forged" };
    rows.splice(2, 0, forged);
    expect(verifyChain(hash, rows).length).toBeGreaterThan(0);
  });

  it("rejects a chain recomputed without the key, or under another key", () => {
    expect(verifyChain(hash, chain(3, legacyHash))).toHaveLength(3);
    expect(
      verifyChain(hash, chain(3, keyedHash(Buffer.alloc(32, 8)))),
    ).toHaveLength(3);
  });
});

describe("checkAnchor", () => {
  const rows = chain(5);
  const head = { seq: 5, hash: rows[4]!.hash };

  it("accepts a chain that holds its anchored head, or grew past it", () => {
    expect(checkAnchor(rows, head)).toEqual([]);
    expect(checkAnchor(rows, { seq: 3, hash: rows[2]!.hash })).toEqual([]);
  });

  it("reports the newest entries deleted, or all of them", () => {
    expect(checkAnchor(rows.slice(0, 3), head)).toEqual([
      { seq: 5, problem: "truncated" },
    ]);
    expect(checkAnchor([], head)).toEqual([{ seq: 5, problem: "truncated" }]);
  });

  it("reports a chain rewritten up to the anchored entry", () => {
    expect(checkAnchor(chain(5, legacyHash), head)).toEqual([
      { seq: 5, problem: "diverged" },
    ]);
  });

  it("reports entries with nothing to check them against", () => {
    expect(checkAnchor(rows, undefined)).toEqual([
      { seq: 5, problem: "not-anchored" },
    ]);
    expect(checkAnchor([], undefined)).toEqual([]);
  });
});

describe("the chain's hash with a subject", () => {
  it("covers the subject, and leaves entries without one hashed as before", () => {
    const entryHash = keyedHash(Buffer.alloc(32, 7));
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
