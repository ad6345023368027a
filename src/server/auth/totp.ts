// Optional TOTP second factor (RFC 6238 via otplib) with single-use recovery codes.
import crypto from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import type { AppContext } from "../context.js";
import {
  derivePurposeKey,
  decryptText,
  encryptText,
  type MasterKey,
} from "../crypto/envelope.js";
import type { MemberTable } from "../db/schema.js";
import { AppError } from "../errors.js";

const RECOVERY_CODES = 10;

function secretKey(master: MasterKey): Buffer {
  return derivePurposeKey(master, "totp secrets");
}

/** A member's TOTP secret encrypted under a key derived from this master key. */
export function sealTotpSecret(
  master: MasterKey,
  memberId: string,
  secret: string,
): string {
  return encryptText(
    secretKey(master),
    `member-${memberId}`,
    "members.totp_secret",
    secret,
  );
}

export function openTotpSecret(master: MasterKey, sealed: string): string {
  return decryptText(secretKey(master), sealed, "members.totp_secret");
}

export function sealSecret(
  context: AppContext,
  memberId: string,
  secret: string,
): string {
  return sealTotpSecret(context.cipher.master, memberId, secret);
}

export function openSecret(context: AppContext, sealed: string): string {
  return openTotpSecret(context.cipher.master, sealed);
}

export function newTotpSecret(email: string): { secret: string; uri: string } {
  const secret = generateSecret();
  return {
    secret,
    uri: generateURI({ issuer: "Rapport", label: email, secret }),
  };
}

/**
 * Accepts the current code and one step either side (clock drift), but only a time step later
 * than the last one accepted (RFC 6238 §5.2: a code is used once). Returns the code's time step,
 * to be claimed with `claimTotpStep`, or null.
 */
export async function checkCode(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  // Every step in the window is used already (or the clock went back): nothing can be accepted.
  if (lastStep !== null && lastStep >= Math.floor((epoch + 30) / 30))
    return null;
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: 30,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  // The matched step: the current one plus the drift (otplib's union type hides its timeStep).
  return result.valid ? Math.floor(epoch / 30) + result.delta : null;
}

/** For tests and the e2e suite: the code an authenticator would show now. */
export function currentCode(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

const hashCode = (code: string) =>
  crypto
    .createHash("sha256")
    .update(code.replace(/-/g, "").toLowerCase())
    .digest("hex");

export function newRecoveryCodes(): { codes: string[]; stored: string } {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = crypto.randomBytes(5).toString("hex");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, stored: JSON.stringify(codes.map(hashCode)) };
}

/** Returns the stored list without the used code, or null when the code does not match. */
export function useRecoveryCode(
  stored: string | null,
  code: string,
): string | null {
  const hashes = stored ? (JSON.parse(stored) as string[]) : [];
  const index = hashes.indexOf(hashCode(code));
  if (index < 0) return null;
  hashes.splice(index, 1);
  return JSON.stringify(hashes);
}

export function requireTotpSecret(member: MemberTable): string {
  if (!member.totp_secret_enc)
    throw new AppError("validation", "start TOTP setup first");
  return member.totp_secret_enc;
}
