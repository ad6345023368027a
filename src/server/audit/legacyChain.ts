// Databases written before the chain was keyed (schema v1) hold unkeyed SHA-256 chains. At start,
// each chain whose first entry is unkeyed is rewritten under the key, if it verifies as unkeyed:
// once only, since a keyed chain no longer looks unkeyed. A chain that verifies under neither is
// left as it is, for `rapport audit verify` to report.
import { inTransaction } from "../context.js";
import type { Db } from "../db/database.js";
import { GENESIS_HASH, legacyHash, type ChainHash } from "./auditChain.js";
import {
  auditOrganisations,
  chainEntry,
  rehashChain,
} from "./audit.repository.js";

async function startsUnkeyed(
  db: Db,
  organisationId: string,
  keyed: ChainHash,
): Promise<boolean> {
  const first = await chainEntry(db, organisationId, 1);
  return (
    first !== undefined &&
    first.hash === legacyHash(GENESIS_HASH, first) &&
    first.hash !== keyed(GENESIS_HASH, first)
  );
}

/** Keys every unkeyed chain that verifies; returns the organisations whose chains it keyed. */
export async function keyLegacyChains(
  db: Db,
  keyed: ChainHash,
): Promise<string[]> {
  const upgraded: string[] = [];
  for (const id of await auditOrganisations(db)) {
    if (!(await startsUnkeyed(db, id, keyed))) continue;
    const problems = await inTransaction(db, (trx) =>
      rehashChain(trx, id, legacyHash, keyed),
    );
    if (problems.length === 0) upgraded.push(id);
  }
  return upgraded;
}
