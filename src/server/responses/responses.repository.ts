// Stored responses and their superseded scorings; every query is scoped by organisation_id.
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import type {
  ResponseScoringTable,
  ResponseTable,
  ScoringColumns,
} from "../db/schema.js";

const BATCH = 100; // rows per insert: well under SQLite's bound-parameter limit

const insertOne = preparedQuery((db, row: ResponseTable) =>
  db.insertInto("responses").values(row),
);

export async function insertResponses(
  db: Db,
  rows: readonly ResponseTable[],
): Promise<void> {
  // One row is every submission's case: prepared once.
  if (rows.length === 1 && rows[0]) return void (await insertOne(db, rows[0]));
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto("responses")
      .values(rows.slice(i, i + BATCH))
      .execute();
}

export async function listClientResponses(
  db: Db,
  organisationId: string,
  clientId: string,
  filter: { instrumentId?: string; episodeId?: string } = {},
): Promise<ResponseTable[]> {
  let query = db
    .selectFrom("responses")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId);
  if (filter.instrumentId)
    query = query.where("instrument_id", "=", filter.instrumentId);
  if (filter.episodeId)
    query = query.where("episode_id", "=", filter.episodeId);
  return query.orderBy("submitted_at").orderBy("id").execute();
}

export async function listInstrumentResponses(
  db: Db,
  organisationId: string,
  instrumentId: string,
): Promise<ResponseTable[]> {
  return db
    .selectFrom("responses")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("instrument_id", "=", instrumentId)
    .orderBy("submitted_at")
    .orderBy("id")
    .execute();
}

export async function replaceScoring(
  db: Db,
  organisationId: string,
  responseId: string,
  scoring: ScoringColumns,
): Promise<void> {
  await db
    .updateTable("responses")
    .set(scoring)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", responseId)
    .execute();
}

export async function insertScoringHistory(
  db: Db,
  rows: readonly ResponseScoringTable[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto("response_scorings")
      .values(rows.slice(i, i + BATCH))
      .execute();
}

export async function listClientScoringHistory(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<ResponseScoringTable[]> {
  return db
    .selectFrom("response_scorings")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .orderBy("replaced_at")
    .orderBy("id")
    .execute();
}

export interface EpisodeTotalRow {
  client_id: string;
  episode_id: string | null;
  instrument_id: string;
  total: number;
  submitted_at: string;
}

/** Valid totals of some instruments for some clients (e.g. PHQ-9 and GAD-7 for a caseload page). */
export async function validTotalsOf(
  db: Db,
  organisationId: string,
  clientIds: readonly string[],
  instrumentIds: readonly string[],
): Promise<EpisodeTotalRow[]> {
  if (clientIds.length === 0 || instrumentIds.length === 0) return [];
  const rows = await db
    .selectFrom("responses")
    .select([
      "client_id",
      "episode_id",
      "instrument_id",
      "total",
      "submitted_at",
    ])
    .where("organisation_id", "=", organisationId)
    .where("client_id", "in", [...clientIds])
    .where("instrument_id", "in", [...instrumentIds])
    .where("valid", "=", 1)
    .where("total", "is not", null)
    .execute();
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}
