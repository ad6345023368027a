// How appends reach the chain's key and anchor without a new argument: startRuntime (and the
// writer thread) attach them to the database handle, keyed by the Kysely adapter that the handle
// and its transactions share (as database.ts does for SQLite's connection), so
// `appendAudit(db | trx, entry)` keeps its shape.
import type { Db } from "../db/database.js";
import type { ChainHash } from "./auditChain.js";

export interface AuditChainUse {
  /** The keyed hash new entries are written with. */
  hash: ChainHash;
  /** Called as entries are appended (before their transaction commits): the anchor refreshes. */
  appended(organisationIds: readonly string[]): void;
}

const uses = new WeakMap<object, AuditChainUse>();

export function useAuditChain(db: Db, use: AuditChainUse): void {
  uses.set(db.getExecutor().adapter, use);
}

export function auditChainOf(db: Db): AuditChainUse {
  const use = uses.get(db.getExecutor().adapter);
  if (!use)
    throw new Error(
      "this database handle has no audit chain key: open it with startRuntime",
    );
  return use;
}
