// Writes test/fixtures/schema-v1/: a database created by the migrations of today's schema (v1)
// and filled with the demo, dumped as SQL for SQLite and PostgreSQL, so upgrade tests can start
// from it. Run once per schema version (`npx tsx scripts/schema-fixture.ts`, PostgreSQL at
// RAPPORT_TEST_POSTGRES_URL and pg_dump on the PATH); the files are committed, never regenerated
// by CI. The master key is a fixed, fixture-only key (it protects nothing but the demo's names).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { loadConfig } from "../src/server/config.js";
import { seedDemo } from "../src/server/demo/seedDemo.js";
import { startRuntime } from "../src/server/runtime.js";
import { FIXTURE } from "../test/fixtures/schema-v1/fixture.js";

const OUT = path.join(import.meta.dirname, "../test/fixtures/schema-v1");
const PG_URL =
  process.env.RAPPORT_TEST_POSTGRES_URL ??
  "postgres://postgres@127.0.0.1:5432/test";

async function seed(env: Record<string, string>, pgSchema?: string) {
  const runtime = await startRuntime(loadConfig(env), {
    clock: () => new Date(FIXTURE.seededAt),
    ...(pgSchema ? { pgSchema } : {}),
  });
  try {
    await seedDemo(runtime.context);
  } finally {
    await runtime.close();
  }
}

function sqlValue(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint")
    return String(value);
  if (Buffer.isBuffer(value)) return `X'${value.toString("hex")}'`;
  if (typeof value !== "string")
    throw new Error(`unexpected SQLite value ${typeof value}`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** Schema first (tables, then indexes), then every row as an INSERT, in one transaction. */
function dumpSqlite(file: string): string {
  const db = new SQLite(file, { readonly: true });
  const objects = db
    .prepare(
      "select type, name, sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by type = 'table' desc, name",
    )
    .all() as { type: string; name: string; sql: string }[];
  const lines = ["PRAGMA foreign_keys = OFF;", "BEGIN;"];
  for (const o of objects) lines.push(`${o.sql};`);
  for (const o of objects.filter((x) => x.type === "table")) {
    const rows = db.prepare(`select * from "${o.name}"`).raw().all();
    const columns = db
      .prepare(`select * from "${o.name}" limit 0`)
      .columns()
      .map((c) => `"${c.name}"`)
      .join(", ");
    for (const row of rows as unknown[][])
      lines.push(
        `INSERT INTO "${o.name}" (${columns}) VALUES (${row.map(sqlValue).join(", ")});`,
      );
  }
  lines.push("COMMIT;", "");
  db.close();
  return lines.join("\n");
}

/** pg_dump of one schema, made schema-neutral so it loads into any search_path. */
function dumpPostgres(schema: string): string {
  const dump = execFileSync(
    "pg_dump",
    [
      "--dbname",
      PG_URL,
      "--schema",
      schema,
      "--no-owner",
      "--no-privileges",
      "--column-inserts",
    ],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  return dump
    .split("\n")
    .filter(
      (line) =>
        !line.startsWith("CREATE SCHEMA") &&
        !line.startsWith("SELECT pg_catalog.set_config('search_path'") &&
        !line.startsWith("SET ") &&
        !line.startsWith("\\"),
    )
    .join("\n")
    .replaceAll(`${schema}.`, "")
    .replaceAll(schema, "(any)");
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-fixture-"));
  const env = {
    RAPPORT_DATA_DIR: dir,
    RAPPORT_DATA_KEY: FIXTURE.dataKey,
    RAPPORT_DEMO_PASSWORD: FIXTURE.demoPassword,
    RAPPORT_LOG_LEVEL: "silent",
  };
  await seed(env);
  fs.writeFileSync(
    path.join(OUT, "sqlite.sql"),
    dumpSqlite(path.join(dir, "rapport.db")),
  );

  const schema = `rapport_fixture_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    await seed({ ...env, RAPPORT_DATABASE_URL: PG_URL }, schema);
    fs.writeFileSync(path.join(OUT, "postgres.sql"), dumpPostgres(schema));
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write(
    `schema-fixture: wrote ${OUT}/sqlite.sql and postgres.sql\n`,
  );
}

await main();
