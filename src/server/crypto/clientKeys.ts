// Per-client data keys: created with the client, unwrapped on demand and cached in memory for a
// minute. Erasure destroys the stored key; the expiry bounds how long any other server (or the
// check-in writer thread) that unwrapped it can still use it.
import { systemClock, type Clock } from "../clock.js";
import type { Db } from "../db/database.js";
import { AppError } from "../errors.js";
import {
  blindIndex,
  decryptText,
  deriveIndexKey,
  encryptText,
  newDataKey,
  unwrapKey,
  wrapKey,
  type MasterKey,
  type SealedField,
} from "./envelope.js";

/** How long an unwrapped data key is kept (design choice: one key read per client a minute). */
export const KEY_CACHE_SECONDS = 60;

export class ClientCipher {
  private readonly cache = new Map<string, { key: Buffer; until: number }>();
  private readonly indexKey: Buffer;

  constructor(
    readonly master: MasterKey,
    private readonly clock: Clock = systemClock,
  ) {
    this.indexKey = deriveIndexKey(master);
  }

  private remember(clientId: string, key: Buffer): void {
    const until = this.clock().getTime() + KEY_CACHE_SECONDS * 1000;
    this.cache.set(clientId, { key, until });
  }

  /** Creates and stores a data key for a new client (inside the caller's transaction). */
  async createKey(
    db: Db,
    organisationId: string,
    clientId: string,
    now: string,
  ): Promise<void> {
    const key = newDataKey();
    await db
      .insertInto("client_keys")
      .values({
        client_id: clientId,
        organisation_id: organisationId,
        master_key_id: this.master.id,
        wrapped_key: wrapKey(this.master, key, clientId),
        created_at: now,
      })
      .execute();
    this.remember(clientId, key);
  }

  private async key(
    db: Db,
    organisationId: string,
    clientId: string,
  ): Promise<Buffer> {
    const cached = this.cache.get(clientId);
    if (cached && cached.until > this.clock().getTime()) return cached.key;
    this.cache.delete(clientId);
    const row = await db
      .selectFrom("client_keys")
      .select(["wrapped_key", "master_key_id"])
      .where("organisation_id", "=", organisationId)
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    if (!row)
      throw new AppError(
        "not_found",
        "the client's data key is gone (client erased)",
      );
    if (row.master_key_id !== this.master.id) {
      throw new AppError(
        "internal",
        `client key is wrapped by master key ${row.master_key_id}, not the loaded one`,
      );
    }
    const key = unwrapKey(this.master, row.wrapped_key, clientId);
    this.remember(clientId, key);
    return key;
  }

  /** Encrypts a value of `field` under the client's key. */
  async encrypt(
    db: Db,
    organisationId: string,
    clientId: string,
    field: SealedField,
    text: string,
  ): Promise<string> {
    return encryptText(
      await this.key(db, organisationId, clientId),
      clientId,
      field,
      text,
    );
  }

  /** Opens a value of `field`; a value sealed for another field or client throws. */
  async decrypt(
    db: Db,
    organisationId: string,
    clientId: string,
    field: SealedField,
    value: string,
  ): Promise<string> {
    return decryptText(
      await this.key(db, organisationId, clientId),
      value,
      field,
    );
  }

  index(term: string): string {
    return blindIndex(this.indexKey, term);
  }

  forget(clientId: string): void {
    this.cache.delete(clientId);
  }
}
