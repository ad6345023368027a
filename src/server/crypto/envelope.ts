// Envelope encryption with AES-256-GCM: each client's data key is wrapped by the master key.
import crypto from "node:crypto";

const IV_BYTES = 12; // GCM standard nonce size
// enc2 binds the key's owner and the field; enc1 (written before) binds the owner only.
const PREFIX = "enc2";
const LEGACY_PREFIX = "enc1";

/**
 * Every encrypted column, as table.column. The name is bound into each value's associated data,
 * so a value copied into another column (another client's, or the same client's) fails to open.
 */
export type SealedField =
  | "alert_acknowledgements.note"
  | "alerts.note"
  | "break_glass.reason"
  | "checkin_drafts.answers"
  | "checkins.email"
  | "checkins.feedback"
  | "clients.age_band"
  | "clients.gender"
  | "clients.name"
  | "goals.text"
  | "members.totp_secret"
  | "outbox.payload"
  | "research_exports.result"
  | "responses.answers"
  | "risk_evidence.answer"
  | "transcripts.analysis"
  | "transcripts.text"
  | "transcripts.therapist_speaker";

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

/**
 * Encrypts one text value for one field; the result names its key (`enc2.<keyId>.…`), and the
 * key id and the field are bound in as associated data.
 */
export function encryptText(
  dataKey: Buffer,
  keyId: string,
  field: SealedField,
  text: string,
): string {
  return `${PREFIX}.${keyId}.${seal(dataKey, Buffer.from(text, "utf8"), `val:${keyId}:${field}`)}`;
}

export function keyIdOf(value: string): string {
  const [prefix, keyId] = value.split(".", 2);
  if ((prefix !== PREFIX && prefix !== LEGACY_PREFIX) || !keyId)
    throw new Error("not an encrypted value");
  return keyId;
}

/** Opens a value of `field`; one sealed for another field or key owner throws. */
export function decryptText(
  dataKey: Buffer,
  value: string,
  field: SealedField,
): string {
  const keyId = keyIdOf(value);
  const sealed = value.slice(PREFIX.length + keyId.length + 2);
  // Values written before fields were bound (enc1) open with the key owner alone.
  const aad = value.startsWith(`${PREFIX}.`)
    ? `val:${keyId}:${field}`
    : `val:${keyId}`;
  return open(dataKey, sealed, aad).toString("utf8");
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
