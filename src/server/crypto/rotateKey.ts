// Rotates the master key in one transaction: re-wraps every client data key, recomputes the blind
// indexes, re-encrypts members' TOTP secrets and rewrites the audit chain under the new keys
// (all derived from the master). Client data keys are kept, not replaced, so values themselves
// are not re-encrypted: see SECURITY.md for what that leaves to an old copy of the database.
import { deriveAuditKey, keyedHash, checkAnchor } from "../audit/auditChain.js";
import {
  readAnchor,
  writeAnchor,
  type AnchoredHeads,
} from "../audit/auditAnchor.js";
import {
  auditHeads,
  auditOrganisations,
  rehashChain,
} from "../audit/audit.repository.js";
import { openTotpSecret, sealTotpSecret } from "../auth/totp.js";
import type { Db } from "../db/database.js";
import { inTransaction } from "../context.js";
import {
  blindIndex,
  decryptText,
  deriveIndexKey,
  unwrapKey,
  wrapKey,
  type MasterKey,
} from "./envelope.js";

/** The audit chain did not verify (against the anchor, when given) before rotation. */
export class AuditChainBroken extends Error {}

export interface Rotated {
  clients: number;
  totpSecrets: number;
  auditOrganisations: number;
}

async function rewrapClientKeys(
  trx: Db,
  from: MasterKey,
  to: MasterKey,
): Promise<number> {
  const toIndex = deriveIndexKey(to);
  const keys = await trx.selectFrom("client_keys").selectAll().execute();
  for (const row of keys) {
    if (row.master_key_id !== from.id)
      throw new Error(
        `client key ${row.client_id} is wrapped by ${row.master_key_id}, not the current master key ${from.id}`,
      );
    const dataKey = unwrapKey(from, row.wrapped_key, row.client_id);
    await trx
      .updateTable("client_keys")
      .set({
        wrapped_key: wrapKey(to, dataKey, row.client_id),
        master_key_id: to.id,
      })
      .where("client_id", "=", row.client_id)
      .execute();
    const client = await trx
      .selectFrom("clients")
      .select(["name_enc"])
      .where("id", "=", row.client_id)
      .executeTakeFirst();
    if (client) {
      await trx
        .updateTable("clients")
        .set({
          name_index: blindIndex(
            toIndex,
            decryptText(dataKey, client.name_enc, "clients.name"),
          ),
        })
        .where("id", "=", row.client_id)
        .execute();
    }
  }
  return keys.length;
}

async function resealTotpSecrets(
  trx: Db,
  from: MasterKey,
  to: MasterKey,
): Promise<number> {
  const members = await trx
    .selectFrom("members")
    .select(["id", "totp_secret_enc"])
    .where("totp_secret_enc", "is not", null)
    .execute();
  for (const { id, totp_secret_enc } of members) {
    if (totp_secret_enc === null) continue;
    const secret = openTotpSecret(from, totp_secret_enc);
    await trx
      .updateTable("members")
      .set({ totp_secret_enc: sealTotpSecret(to, id, secret) })
      .where("id", "=", id)
      .execute();
  }
  return members.length;
}

/** Rewrites every chain under the new key; refuses (rolls back) when one does not verify. */
async function rekeyAuditChains(
  trx: Db,
  from: MasterKey,
  to: MasterKey,
  anchored: AnchoredHeads | undefined,
): Promise<number> {
  const organisations = await auditOrganisations(trx);
  for (const id of organisations) {
    const problems = await rehashChain(
      trx,
      id,
      keyedHash(deriveAuditKey(from)),
      keyedHash(deriveAuditKey(to)),
      (entries) => (anchored ? checkAnchor(entries, anchored[id]) : []),
    );
    if (problems.length > 0)
      throw new AuditChainBroken(
        `the audit chain of organisation ${id} does not verify (${problems
          .slice(0, 3)
          .map((p) => `${p.problem} at ${p.seq}`)
          .join(
            ", ",
          )}); nothing was rotated: investigate with rapport audit verify first`,
      );
  }
  return organisations.length;
}

/**
 * Rotates from one master key to the next; servers must be stopped. The audit chain must still
 * hold the anchor in `anchorFile` (when there is one); afterwards the anchor names the rewritten
 * heads (if the process dies between the commit and that write, verify reports "diverged").
 */
export async function rotateMasterKey(
  db: Db,
  from: MasterKey,
  to: MasterKey,
  anchorFile: string,
): Promise<Rotated> {
  const anchored = await readAnchor(anchorFile);
  const rotated = await inTransaction(db, async (trx) => ({
    clients: await rewrapClientKeys(trx, from, to),
    totpSecrets: await resealTotpSecrets(trx, from, to),
    auditOrganisations: await rekeyAuditChains(trx, from, to, anchored),
  }));
  await writeAnchor(anchorFile, await auditHeads(db));
  return rotated;
}
