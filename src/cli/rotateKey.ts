// rapport rotate-key: re-wrap every client key under a new master key.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { KEY_FILE, loadMasterKey } from "../server/crypto/masterKey.js";
import { masterKeyFrom } from "../server/crypto/envelope.js";
import {
  AuditChainBroken,
  rotateMasterKey,
} from "../server/crypto/rotateKey.js";
import {
  closeDatabase,
  migrateToLatest,
  openDatabase,
} from "../server/db/database.js";
import { CliError, action, config, print, say } from "./runtime.js";

export function registerRotateKey(program: Command): void {
  program
    .command("rotate-key")
    .description(
      're-wrap every client data key, re-encrypt TOTP secrets and re-key the audit chain under a new master key (RAPPORT_NEW_DATA_KEY, base64, or a freshly generated one); client data keys themselves are kept; stop the servers first; prints {"clients","totpSecrets","auditOrganisations","masterKeyId"}',
    )
    .action(
      action(async () => {
        const cfg = config();
        const current = loadMasterKey(cfg.dataKey, cfg.dataDir).key;
        const supplied = process.env.RAPPORT_NEW_DATA_KEY;
        const secret = supplied
          ? Buffer.from(supplied, "base64")
          : crypto.randomBytes(32);
        if (secret.length !== 32)
          throw new CliError(
            "RAPPORT_NEW_DATA_KEY must be 32 bytes encoded as base64",
          );
        const next = masterKeyFrom(secret);
        const opened = await openDatabase(cfg.database);
        try {
          await migrateToLatest(opened.db);
          const result = await rotateMasterKey(
            opened.db,
            current,
            next,
            cfg.auditAnchor,
          ).catch((error: unknown) => {
            if (error instanceof AuditChainBroken)
              throw new CliError(error.message);
            throw error;
          });
          if (cfg.dataKey) {
            say(
              "rapport: keys re-wrapped. Set RAPPORT_DATA_KEY to the new key (RAPPORT_NEW_DATA_KEY) before starting the servers.",
            );
          } else {
            const file = path.join(cfg.dataDir, KEY_FILE);
            fs.renameSync(file, `${file}.${current.id}.old`);
            fs.writeFileSync(file, secret.toString("base64") + "\n", {
              mode: 0o600,
            });
            say(
              `rapport: keys re-wrapped; new key written to ${file} (old key kept as ${file}.${current.id}.old: back up the new one, then destroy the old).`,
            );
          }
          print({ ...result, masterKeyId: next.id });
        } finally {
          await closeDatabase(opened);
        }
      }),
    );
}
