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
    const sealed = encryptText(
      key,
      "client-1",
      "goals.text",
      "Ada Lovelace — notes",
    );
    expect(sealed).not.toContain("Ada");
    expect(sealed.startsWith("enc2.client-1.")).toBe(true);
    expect(decryptText(key, sealed, "goals.text")).toBe("Ada Lovelace — notes");
  });

  it("uses a fresh nonce each time", () => {
    const key = newDataKey();
    expect(encryptText(key, "c", "goals.text", "same")).not.toBe(
      encryptText(key, "c", "goals.text", "same"),
    );
  });

  it("detects tampering and the wrong key", () => {
    const key = newDataKey();
    const sealed = encryptText(key, "c", "goals.text", "secret");
    // Flip one bit of the ciphertext body (the last dot-separated part).
    const parts = sealed.split(".");
    const body = Buffer.from(parts.at(-1)!, "base64url");
    body[0] = body[0]! ^ 0x01;
    const tampered = [...parts.slice(0, -1), body.toString("base64url")].join(
      ".",
    );
    expect(() => decryptText(key, tampered, "goals.text")).toThrow();
    expect(() => decryptText(newDataKey(), sealed, "goals.text")).toThrow();
  });

  it("binds each value to its field: moved into another column it does not open", () => {
    const key = newDataKey();
    const note = encryptText(key, "c", "alerts.note", "called the GP");
    expect(() => decryptText(key, note, "clients.name")).toThrow();
    expect(decryptText(key, note, "alerts.note")).toBe("called the GP");
    // Renaming the key owner in the prefix is caught too.
    expect(() =>
      decryptText(key, note.replace("enc2.c.", "enc2.d."), "alerts.note"),
    ).toThrow();
  });

  it("still opens values written before fields were bound (enc1, owner only)", () => {
    const key = newDataKey();
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from("val:c"));
    const body = Buffer.concat([cipher.update("Old Name"), cipher.final()]);
    const legacy = `enc1.c.${[iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".")}`;
    expect(decryptText(key, legacy, "clients.name")).toBe("Old Name");
    // An enc2 value relabelled enc1 (dropping its field binding) does not open.
    const current = encryptText(key, "c", "clients.name", "New Name");
    expect(() =>
      decryptText(key, current.replace(/^enc2/, "enc1"), "goals.text"),
    ).toThrow();
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
