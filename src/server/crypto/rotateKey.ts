// Re-wraps every client data key under a new master key and recomputes the blind indexes
// (they are keyed by a key derived from the master). Values themselves are not re-encrypted.
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

export async function rotateMasterKey(
  db: Db,
  from: MasterKey,
  to: MasterKey,
): Promise<{ clients: number }> {
  const toIndex = deriveIndexKey(to);
  return inTransaction(db, async (trx) => {
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
    return { clients: keys.length };
  });
}
