// Keyed hash chain of audit entries: each entry's hash is an HMAC-SHA256, under a key derived from
// the master key (never stored in the database), of the previous hash and the entry's fields. A
// database-level attacker can delete or edit rows but cannot recompute the chain without the key;
// deleting the newest rows is caught by the anchor (auditAnchor.ts), which lives outside it.
import crypto from "node:crypto";
import { derivePurposeKey, type MasterKey } from "../crypto/envelope.js";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditFields {
  id: string;
  organisation_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  client_id: string | null;
  action: string;
  source: string | null;
  /** The member an entry is about; absent from entries written before it existed. */
  subject_id?: string | null;
}

export type ChainedEntry = AuditFields & { prev_hash: string; hash: string };

/** How an entry's hash is computed from the previous one. */
export type ChainHash = (prevHash: string, entry: AuditFields) => string;

export function deriveAuditKey(master: MasterKey): Buffer {
  return derivePurposeKey(master, "audit chain");
}

function canonical(entry: AuditFields): string {
  return JSON.stringify([
    entry.id,
    entry.organisation_id,
    entry.seq,
    entry.at,
    entry.actor_id,
    entry.client_id,
    entry.action,
    entry.source,
    // Only when set, so every entry written before the column existed keeps its hash.
    ...(entry.subject_id ? [entry.subject_id] : []),
  ]);
}

/** The keyed chain every entry is written with. */
export function keyedHash(key: Buffer): ChainHash {
  return (prevHash, entry) =>
    crypto
      .createHmac("sha256", key)
      .update(prevHash)
      .update("\n")
      .update(canonical(entry))
      .digest("hex");
}

/** The unkeyed SHA-256 chain of databases written before the key (schema v1); read only to upgrade them. */
export const legacyHash: ChainHash = (prevHash, entry) =>
  crypto
    .createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonical(entry))
    .digest("hex");

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainProblem {
  seq: number;
  /**
   * altered: the entry does not match its hash; broken-link: its previous hash is not the hash
   * before it; gap: a sequence number is missing; truncated: the anchored entry is gone;
   * diverged: the entry at the anchored position is not the anchored one; not-anchored: there is
   * no anchor to check the newest entries against.
   */
  problem:
    | "altered"
    | "broken-link"
    | "gap"
    | "truncated"
    | "diverged"
    | "not-anchored";
}

/** Checks an organisation's entries in seq order; reports altered, inserted or deleted rows. */
export function verifyChain(
  hash: ChainHash,
  entries: readonly ChainedEntry[],
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq)
      problems.push({ seq: entry.seq, problem: "gap" });
    if (entry.prev_hash !== prev)
      problems.push({ seq: entry.seq, problem: "broken-link" });
    if (hash(entry.prev_hash, entry) !== entry.hash)
      problems.push({ seq: entry.seq, problem: "altered" });
    prev = entry.hash;
    expectedSeq = entry.seq + 1;
  }
  return problems;
}

/**
 * Checks that the chain still holds its anchored head: the anchored entry is there (else rows
 * were deleted from the end) with the anchored hash (else the chain was rewritten up to it).
 */
export function checkAnchor(
  entries: readonly ChainedEntry[],
  anchored: ChainHead | undefined,
): ChainProblem[] {
  const head = entries.at(-1);
  if (!anchored)
    return head ? [{ seq: head.seq, problem: "not-anchored" }] : [];
  const atAnchor = entries.find((e) => e.seq === anchored.seq);
  if (!atAnchor) return [{ seq: anchored.seq, problem: "truncated" }];
  if (atAnchor.hash !== anchored.hash)
    return [{ seq: anchored.seq, problem: "diverged" }];
  return [];
}
