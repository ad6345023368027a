import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  blindIndex,
  decryptText,
  deriveIndexKey,
  encryptText,
  masterKeyFrom,
  newDataKey,
  unwrapKey,
  wrapKey,
} from "./envelope.js";

const master = masterKeyFrom(crypto.randomBytes(32));

describe("envelope encryption", () => {
  it("round-trips text and never stores it in the clear", () => {
    const key = newDataKey();
    const sealed = encryptText(key, "client-1", "Ada Lovelace — notes");
    expect(sealed).not.toContain("Ada");
    expect(sealed.startsWith("enc1.client-1.")).toBe(true);
    expect(decryptText(key, sealed)).toBe("Ada Lovelace — notes");
  });

  it("uses a fresh nonce each time", () => {
    const key = newDataKey();
    expect(encryptText(key, "c", "same")).not.toBe(
      encryptText(key, "c", "same"),
    );
  });

  it("detects tampering and the wrong key", () => {
    const key = newDataKey();
    const sealed = encryptText(key, "c", "secret");
    // Flip one bit of the ciphertext body (the last dot-separated part).
    const parts = sealed.split(".");
    const body = Buffer.from(parts.at(-1)!, "base64url");
    body[0] = body[0]! ^ 0x01;
    const tampered = [...parts.slice(0, -1), body.toString("base64url")].join(
      ".",
    );
    expect(() => decryptText(key, tampered)).toThrow();
    expect(() => decryptText(newDataKey(), sealed)).toThrow();
  });

  it("binds a wrapped key to its client", () => {
    const key = newDataKey();
    const wrapped = wrapKey(master, key, "client-1");
    expect(unwrapKey(master, wrapped, "client-1").equals(key)).toBe(true);
    expect(() => unwrapKey(master, wrapped, "client-2")).toThrow();
    expect(() =>
      unwrapKey(masterKeyFrom(crypto.randomBytes(32)), wrapped, "client-1"),
    ).toThrow();
  });

  it("makes a blind index that matches normalised equal names only", () => {
    const indexKey = deriveIndexKey(master);
    expect(blindIndex(indexKey, "  Ada   LOVELACE ")).toBe(
      blindIndex(indexKey, "ada lovelace"),
    );
    expect(blindIndex(indexKey, "Ada Lovelace")).not.toBe(
      blindIndex(indexKey, "Ada Byron"),
    );
    expect(
      blindIndex(
        deriveIndexKey(masterKeyFrom(crypto.randomBytes(32))),
        "ada lovelace",
      ),
    ).not.toBe(blindIndex(indexKey, "ada lovelace"));
  });

  it("rejects a master key of the wrong size", () => {
    expect(() => masterKeyFrom(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
