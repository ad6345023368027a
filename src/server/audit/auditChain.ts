// Hash chain of audit entries: each hash covers the previous hash and the entry's fields.
import crypto from "node:crypto";

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

export function entryHash(prevHash: string, entry: AuditFields): string {
  const canonical = JSON.stringify([
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
  return crypto
    .createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonical)
    .digest("hex");
}

export interface ChainProblem {
  seq: number;
  problem: "altered" | "broken-link" | "gap";
}

/** Checks an organisation's entries in seq order; reports altered, inserted or deleted rows. */
export function verifyChain(
  entries: (AuditFields & { prev_hash: string; hash: string })[],
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq)
      problems.push({ seq: entry.seq, problem: "gap" });
    if (entry.prev_hash !== prev)
      problems.push({ seq: entry.seq, problem: "broken-link" });
    if (entryHash(entry.prev_hash, entry) !== entry.hash)
      problems.push({ seq: entry.seq, problem: "altered" });
    prev = entry.hash;
    expectedSeq = entry.seq + 1;
  }
  return problems;
}
