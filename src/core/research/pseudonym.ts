// Pseudonyms for a research export: HMAC-SHA-256 of the record's id under the export's secret.
// Without the secret a pseudonym cannot be traced back or matched to another export's.
import crypto from "node:crypto";

export type PseudonymKind = "client" | "therapist";

const PREFIX: Record<PseudonymKind, string> = { client: "C", therapist: "T" };
/** 64 bits of the MAC: collisions stay below 1 in 10^8 for a clinic's 10^4 clients. */
const HEX_CHARS = 16;

/**
 * A stable pseudonym for one record under one secret; the kind is part of the MAC input, so a
 * client and a therapist never share a pseudonym.
 * @example pseudonym(secret, "client", "0190f3...") // "C3f9a0c1d2e4b5a69"
 */
export function pseudonym(
  secret: Uint8Array,
  kind: PseudonymKind,
  id: string,
): string {
  const mac = crypto
    .createHmac("sha256", secret)
    .update(`${kind}:${id}`)
    .digest("hex");
  return PREFIX[kind] + mac.slice(0, HEX_CHARS);
}
