// Envelope encryption with AES-256-GCM: each client's data key is wrapped by the master key.
import crypto from "node:crypto";

const IV_BYTES = 12; // GCM standard nonce size
const PREFIX = "enc1";

export interface MasterKey {
  id: string;
  key: Buffer;
}

export function masterKeyFrom(secret: Buffer): MasterKey {
  if (secret.length !== 32)
    throw new Error("the master key must be 32 bytes (256 bits)");
  return {
    id: crypto.createHash("sha256").update(secret).digest("hex").slice(0, 12),
    key: secret,
  };
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), body]
    .map((b) => b.toString("base64url"))
    .join(".");
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv, tag, body] = sealed
    .split(".")
    .map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !body) throw new Error("malformed ciphertext");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

export function newDataKey(): Buffer {
  return crypto.randomBytes(32);
}

/** Wraps a client data key; the client id is bound in as associated data. */
export function wrapKey(
  master: MasterKey,
  dataKey: Buffer,
  clientId: string,
): string {
  return seal(master.key, dataKey, `key:${clientId}`);
}

export function unwrapKey(
  master: MasterKey,
  wrapped: string,
  clientId: string,
): Buffer {
  return open(master.key, wrapped, `key:${clientId}`);
}

/** Encrypts one text value; the result names its key (`enc1.<clientId>.…`). */
export function encryptText(
  dataKey: Buffer,
  clientId: string,
  text: string,
): string {
  return `${PREFIX}.${clientId}.${seal(dataKey, Buffer.from(text, "utf8"), `val:${clientId}`)}`;
}

export function keyIdOf(value: string): string {
  const [prefix, clientId] = value.split(".", 2);
  if (prefix !== PREFIX || !clientId) throw new Error("not an encrypted value");
  return clientId;
}

export function decryptText(dataKey: Buffer, value: string): string {
  const clientId = keyIdOf(value);
  const sealed = value.slice(PREFIX.length + clientId.length + 2);
  return open(dataKey, sealed, `val:${clientId}`).toString("utf8");
}

/** Keyed blind index (HMAC-SHA256) of a normalised search term; reveals equality only. */
export function blindIndex(indexKey: Buffer, term: string): string {
  const normalised = term
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
  return crypto
    .createHmac("sha256", indexKey)
    .update(normalised)
    .digest("base64url");
}

export function deriveIndexKey(master: MasterKey): Buffer {
  return Buffer.from(
    crypto.hkdfSync(
      "sha256",
      master.key,
      Buffer.alloc(0),
      "rapport blind index",
      32,
    ),
  );
}

/** A key for one purpose (e.g. members' TOTP secrets), derived from the master key. */
export function derivePurposeKey(master: MasterKey, purpose: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync(
      "sha256",
      master.key,
      Buffer.alloc(0),
      `rapport ${purpose}`,
      32,
    ),
  );
}
