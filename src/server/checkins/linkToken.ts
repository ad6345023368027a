// Link tokens: 256 random bits in the URL, only their SHA-256 in the database.
import crypto from "node:crypto";

export function newLinkToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashLinkToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A token as it can appear in a URL: base64url, 43 characters (anything else is unknown). */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
