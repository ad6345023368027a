// Probes PostgreSQL once per run so the dialect matrix can say clearly which half ran.
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

export const PG_URL_VAR = "RAPPORT_TEST_POSTGRES_URL";

export default async function setup(project: TestProject): Promise<void> {
  const url =
    process.env[PG_URL_VAR] || "postgres://postgres@127.0.0.1:5432/test";
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
    await client.query("select 1");
    project.provide("postgresUrl", url);
    process.stderr.write(
      `[dialects] PostgreSQL reachable at ${url.replace(/\/\/[^@/]*@/, "//")}: running the SQLite AND PostgreSQL halves\n`,
    );
  } catch (error) {
    project.provide("postgresUrl", null);
    process.stderr.write(
      `\n[dialects] PostgreSQL NOT reachable (${(error as Error).message}): ONLY THE SQLITE HALF RUNS; the PostgreSQL half was NOT run.\n` +
        `[dialects] Start PostgreSQL or set ${PG_URL_VAR} to run it.\n\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
