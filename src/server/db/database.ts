// Opens and closes the database for either dialect; startup and shutdown mirror each other.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type QueryResult,
  type SqliteDatabase,
} from "kysely";
import type { DatabaseUrl } from "../config.js";
import { migrationProvider } from "./migrations/index.js";
import type { Database } from "./schema.js";

// PostgreSQL returns int8 (count(*)) as strings; our counts fit in a double.
pg.types.setTypeParser(20, Number);

export type Db = Kysely<Database>;

export interface OpenedDatabase {
  db: Db;
  dialect: DatabaseUrl["dialect"];
  /** The raw SQLite handle, for online backup; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  pgSchema?: string;
  pgPoolSize?: number;
  /** Told when a PostgreSQL connection breaks (a restart, a failover); the pool replaces it. */
  onConnectionError?: (error: Error) => void;
}

export class DatabaseUnavailableError extends Error {}

/**
 * Makes `file` (and its directory, if new) readable by this user only: the database, its WAL and
 * shared-memory files (SQLite gives them the database file's mode) and backups hold health data.
 * Creates an empty file when there is none; tightens an existing one made more open by an older
 * version or a loose umask.
 */
export function privateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const suffix of ["", "-wal", "-shm"]) {
    try {
      fs.chmodSync(file + suffix, 0o600);
    } catch (error) {
      // Absent (no WAL yet), or owned by another user who chose its mode: leave it.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "EPERM") throw error;
    }
  }
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") privateFile(file);
  const handle = new SQLite(file);
  handle.pragma("journal_mode = WAL");
  handle.pragma("synchronous = FULL"); // an acknowledged write survives a power cut
  handle.pragma("foreign_keys = ON");
  handle.pragma("busy_timeout = 5000"); // 5 s, so the CLI can run beside a running server
  // Deleted rows are overwritten with zeros, not left in free space (erasure; see SECURITY.md).
  handle.pragma("secure_delete = ON");
  return handle;
}

/**
 * Copies the write-ahead log into the database file and truncates it, so the page images it held
 * from before a deletion are gone from the log file (after an erasure). False when a reader or
 * writer kept it from completing within the busy timeout: the older page images then stay in the
 * log until later writes overwrite them.
 */
export function truncateSqliteLog(opened: OpenedDatabase): boolean {
  const handle = opened.sqlite;
  if (!handle) return true;
  if (handle.inTransaction) return false; // another request's transaction holds the connection
  const [result] = handle.pragma("wal_checkpoint(TRUNCATE)") as {
    busy: number;
  }[];
  return result?.busy === 0;
}

/**
 * Kysely prepares every query it runs; reusing the prepared statement for SQL seen before saves
 * that work on the hot paths. Kysely runs one query at a time on the single connection, so a
 * statement is never used twice at once. The cache keeps the most recently added SQL.
 *
 * Kysely begins a transaction with a plain (deferred) "begin". With a second writer on the file
 * (the check-in writer thread, the CLI beside the server), a deferred transaction that read before
 * another connection committed fails on its first write (SQLITE_BUSY_SNAPSHOT, which no busy
 * timeout retries); "begin immediate" takes the write lock first, waiting for it up to the busy
 * timeout, so transactions queue instead of failing.
 */
function withStatementCache(
  handle: SQLite.Database,
  size = 500,
): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => handle.close(),
    prepare(query) {
      const text = query === "begin" ? "begin immediate" : query;
      let statement = statements.get(text);
      if (!statement) {
        statement = handle.prepare(text);
        if (statements.size >= size)
          statements.delete(statements.keys().next().value ?? "");
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

/** Each SQLite Kysely instance's connection and statement cache, by the adapter its
 * transactions share. */
const sqliteByAdapter = new WeakMap<
  object,
  { handle: SQLite.Database; statements: SqliteDatabase }
>();

/**
 * Runs an already compiled query straight on SQLite, skipping Kysely's executor (a chain of
 * async layers per query, ~8% of the check-in submit path's CPU), where that is safe:
 * - `db` is a transaction: Kysely holds SQLite's single connection for it until it ends, so
 *   nothing else runs on the connection meanwhile;
 * - `db` is not, and no transaction is open on the connection: the statement runs on its own
 *   (autocommit), synchronously, so nothing can interleave with it. While another caller's
 *   transaction is open it would land inside that transaction, so then Kysely runs it, after.
 * The result has the shape Kysely's SQLite driver gives (this database has no plugins that would
 * transform it). Undefined where it does not apply.
 */
export function runOnSqlite<R>(
  db: Db,
  sql: string,
  parameters: readonly unknown[],
): QueryResult<R> | undefined {
  const sqlite = sqliteByAdapter.get(db.getExecutor().adapter);
  if (!sqlite || (!db.isTransaction && sqlite.handle.inTransaction))
    return undefined;
  const statement = sqlite.statements.prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return {
    numAffectedRows: BigInt(changes),
    insertId: BigInt(lastInsertRowid),
    rows: [],
  };
}

export async function openDatabase(
  url: DatabaseUrl,
  options: OpenOptions = {},
): Promise<OpenedDatabase> {
  if (url.dialect === "sqlite") {
    let handle: SQLite.Database;
    try {
      handle = openSqlite(url.file);
    } catch (error) {
      throw new DatabaseUnavailableError(
        `cannot open SQLite database ${url.file}: ${(error as Error).message}`,
      );
    }
    const statements = withStatementCache(handle);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: statements }),
    });
    sqliteByAdapter.set(db.getExecutor().adapter, { handle, statements });
    return { db, dialect: "sqlite", sqlite: handle };
  }
  const pool = new pg.Pool({
    connectionString: url.url,
    max: options.pgPoolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    ...(options.pgSchema
      ? { options: `-c search_path=${options.pgSchema}` }
      : {}),
  });
  // A restart or failover of PostgreSQL ends every connection: an idle pooled client reports it on
  // the pool, a checked-out one on itself. Unhandled, either 'error' event ends the process;
  // handled, the pool drops the broken client and the next query opens a new connection, while
  // the query that met the break fails and is answered 503 (errorHandler.ts).
  const lost = (error: Error) => options.onConnectionError?.(error);
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    const where = url.url.replace(/\/\/[^@/]*@/, "//");
    throw new DatabaseUnavailableError(
      `cannot reach PostgreSQL at ${where}: ${(error as Error).message}`,
    );
  }
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    dialect: "postgres",
  };
}

export async function closeDatabase(opened: OpenedDatabase): Promise<void> {
  await opened.db.destroy();
}

/** PostgreSQL's current schema; undefined on SQLite. */
async function currentSchema(db: Db): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const result = await sql<{
    schema: string;
  }>`select current_schema() as schema`.execute(db);
  return result.rows[0]?.schema;
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which: name the current one, or a
  // concurrent migration in another schema (parallel tests) makes it skip creating them.
  const schema = await currentSchema(db);
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error)
    throw error instanceof Error
      ? error
      : new Error(`migration failed: ${JSON.stringify(error)}`);
  return (results ?? [])
    .filter((r) => r.status === "Success")
    .map((r) => r.migrationName);
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
