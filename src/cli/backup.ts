// rapport backup / restore: SQLite online backup. PostgreSQL uses pg_dump / pg_restore (README).
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import SQLite from "better-sqlite3";
import { verifyAudit } from "../server/audit/audit.repository.js";
import { readAnchor } from "../server/audit/auditAnchor.js";
import type { Config } from "../server/config.js";
import { KEY_FILE } from "../server/crypto/masterKey.js";
import { openSqlite, privateFile } from "../server/db/database.js";
import {
  CliError,
  action,
  config,
  print,
  say,
  withRuntime,
} from "./runtime.js";

/**
 * A restored database is older than the audit anchor, which would report it as truncated: the
 * old anchor is kept beside it, and the restored chains are verified and anchored (by the start of
 * a runtime: now when the master key is here, else at the server's next start).
 */
async function reanchor(cfg: Config): Promise<void> {
  const anchor = cfg.auditAnchor;
  if (fs.existsSync(anchor)) {
    fs.renameSync(anchor, `${anchor}.before-restore`);
    say(
      `rapport: the previous audit anchor is kept as ${anchor}.before-restore`,
    );
  }
  if (!cfg.dataKey && !fs.existsSync(path.join(cfg.dataDir, KEY_FILE))) {
    say(
      "rapport: no master key here: the server anchors the restored audit chains when it starts",
    );
    return;
  }
  await withRuntime(async ({ context }) => {
    const reports = await verifyAudit(context.db, await readAnchor(anchor));
    const bad = reports.filter((r) => r.problems.length > 0);
    if (bad.length > 0)
      say(
        `rapport: the restored audit chains have problems in ${bad.length} organisation(s): run rapport audit verify`,
      );
    else
      say(
        `rapport: the restored audit chains verify and are anchored in ${anchor}`,
      );
  }, cfg);
}

function sqliteFile(): string {
  const db = config().database;
  if (db.dialect !== "sqlite")
    throw new CliError(
      "backup/restore handle SQLite; for PostgreSQL use pg_dump and pg_restore (see README)",
    );
  return db.file;
}

export function registerBackup(program: Command): void {
  program
    .command("backup <file>")
    .description(
      "online backup of the SQLite database to <file> (safe while the server runs); the master key is NOT included",
    )
    .action(
      action(async (file: string) => {
        const source = sqliteFile();
        if (!fs.existsSync(source))
          throw new CliError(`no database at ${source}`);
        if (fs.existsSync(file))
          throw new CliError(`${file} exists; choose a new file`);
        const handle = openSqlite(source);
        try {
          privateFile(file); // 0600 before a byte of the database is in it
          await handle.backup(file);
        } finally {
          handle.close();
        }
        print({ backup: file, bytes: fs.statSync(file).size });
      }),
    );

  program
    .command("restore <file>")
    .description(
      "replace the SQLite database with a backup; stop the server first",
    )
    .action(
      action(async (file: string) => {
        const target = sqliteFile();
        const cfg = config();
        if (!fs.existsSync(file)) throw new CliError(`no backup at ${file}`);
        const backup = new SQLite(file, {
          readonly: true,
          fileMustExist: true,
        });
        try {
          const check = backup.pragma("integrity_check", { simple: true });
          if (check !== "ok")
            throw new CliError(
              `${file} failed SQLite's integrity check: ${String(check)}`,
            );
          const hasSchema = backup
            .prepare(
              "select count(*) as n from sqlite_master where name = 'kysely_migration'",
            )
            .get() as { n: number };
          if (hasSchema.n === 0)
            throw new CliError(`${file} is not a Rapport database`);
          for (const suffix of ["", "-wal", "-shm"])
            fs.rmSync(target + suffix, { force: true });
          privateFile(target);
          await backup.backup(target);
        } finally {
          backup.close();
        }
        say(
          `rapport: restored ${file} into ${target}; the master key must be the one used when the backup was made`,
        );
        await reanchor(cfg);
        print({ restored: target });
      }),
    );
}
