// Loads the master key: RAPPORT_DATA_KEY (base64, 32 bytes) or, for the quickstart,
// a key file generated once in the data directory with mode 0600.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { masterKeyFrom, type MasterKey } from "./envelope.js";

export const KEY_FILE = "master.key";

export function loadMasterKey(
  dataKey: string | undefined,
  dataDir: string,
): { key: MasterKey; generated: boolean } {
  if (dataKey) {
    const bytes = Buffer.from(dataKey, "base64");
    if (bytes.length !== 32)
      throw new Error("RAPPORT_DATA_KEY must be 32 bytes encoded as base64");
    return { key: masterKeyFrom(bytes), generated: false };
  }
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) {
    return {
      key: masterKeyFrom(
        Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64"),
      ),
      generated: false,
    };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32);
  fs.writeFileSync(file, secret.toString("base64") + "\n", {
    mode: 0o600,
    flag: "wx",
  });
  return { key: masterKeyFrom(secret), generated: true };
}
