// Probes PostgreSQL once per run so the dialect matrix can say clearly which half ran.
import pg from "pg";

export const PG_URL_VAR = "RAPPORT_TEST_POSTGRES_URL";

export default async function setup(): Promise<void> {
  const url = process.env[PG_URL_VAR] ?? "postgres://postgres@127.0.0.1:5432/test";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    process.env[PG_URL_VAR] = url;
    process.stderr.write(`[dialects] PostgreSQL reachable at ${url.replace(/:[^:@/]*@/, ":***@")}: running both halves\n`);
  } catch (error) {
    process.env.RAPPORT_TEST_POSTGRES_SKIP = "1";
    process.stderr.write(
      `\n[dialects] PostgreSQL NOT reachable (${(error as Error).message}): ONLY THE SQLITE HALF RUNS.\n` +
        `[dialects] Set ${PG_URL_VAR} or start PostgreSQL to run the PostgreSQL half.\n\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
