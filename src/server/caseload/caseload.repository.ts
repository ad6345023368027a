// Set-based reads for the caseload: the visible clients, their open alerts and recent totals,
// each one query per chunk of client ids, whatever the caseload's size.
import { sql } from "kysely";
import type { Db } from "../db/database.js";
import type { ClientStatus, ClientTable } from "../db/schema.js";

/** Bound on `in (…)` lists, well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

async function inChunks<T>(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK)
    rows.push(...(await read(ids.slice(i, i + CHUNK))));
  return rows;
}

export type CaseloadClientRow = Pick<
  ClientTable,
  | "id"
  | "organisation_id"
  | "name_enc"
  | "therapist_id"
  | "status"
  | "created_at"
>;

export async function caseloadClients(
  db: Db,
  organisationId: string,
  scope: { therapistIds: string[]; sharedWith: string | null },
  filter: { status?: ClientStatus },
): Promise<CaseloadClientRow[]> {
  let query = db
    .selectFrom("clients")
    .select([
      "id",
      "organisation_id",
      "name_enc",
      "therapist_id",
      "status",
      "created_at",
    ])
    .where("organisation_id", "=", organisationId)
    .where((eb) => {
      const ors = [];
      if (scope.therapistIds.length > 0)
        ors.push(eb("therapist_id", "in", scope.therapistIds));
      if (scope.sharedWith)
        ors.push(
          eb(
            "id",
            "in",
            eb
              .selectFrom("client_shares")
              .select("client_id")
              .where("organisation_id", "=", organisationId)
              .where("member_id", "=", scope.sharedWith),
          ),
        );
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    });
  if (filter.status) query = query.where("status", "=", filter.status);
  return query.orderBy("id").execute();
}

export interface OpenAlertRow {
  id: string;
  client_id: string;
  kind: string;
  severity: string;
  severity_rank: number;
  explanation: string;
  evidence: string;
  created_at: string;
  /** Unresolved alerts only: "open", or "acknowledged" but not yet resolved. */
  status: "open" | "acknowledged";
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: string | null;
}
/** Alerts not yet resolved: an acknowledged one still needs attention until resolved. */
export async function unresolvedAlertsOf(
  db: Db,
  organisationId: string,
  clientIds: readonly string[],
): Promise<OpenAlertRow[]> {
  return inChunks(clientIds, async (chunk) => {
    const rows = await db
      .selectFrom("alerts")
      .leftJoin("members", "members.id", "alerts.acknowledged_by")
      .select([
        "alerts.id",
        "alerts.client_id",
        "alerts.kind",
        "alerts.severity",
        "alerts.severity_rank",
        "alerts.explanation",
        "alerts.evidence",
        "alerts.created_at",
        "alerts.status",
        "alerts.acknowledged_by",
        "alerts.acknowledged_at",
        "members.name as acknowledged_by_name",
      ])
      .where("alerts.organisation_id", "=", organisationId)
      .where("alerts.status", "in", ["open", "acknowledged"])
      .where("alerts.client_id", "in", chunk)
      .execute();
    return rows.map((r) => ({
      ...r,
      status:
        r.status === "open" ? ("open" as const) : ("acknowledged" as const),
    }));
  });
}
export interface RecentTotalRow {
  client_id: string;
  instrument_id: string;
  total: number;
  band: string | null;
  submitted_at: string;
}

/** The latest `perSeries` valid totals of each (client, instrument), newest first. */
export async function recentTotals(
  db: Db,
  organisationId: string,
  clientIds: readonly string[],
  instrumentIds: readonly string[],
  perSeries: number,
): Promise<RecentTotalRow[]> {
  if (instrumentIds.length === 0) return [];
  return inChunks(clientIds, async (chunk) => {
    const ranked = db
      .selectFrom("responses")
      .select([
        "client_id",
        "instrument_id",
        "total",
        "band",
        "submitted_at",
        sql<number>`row_number() over (partition by client_id, instrument_id order by submitted_at desc, id desc)`.as(
          "position",
        ),
      ])
      .where("organisation_id", "=", organisationId)
      .where("valid", "=", 1)
      .where("total", "is not", null)
      .where("client_id", "in", chunk)
      .where("instrument_id", "in", [...instrumentIds])
      .as("ranked");
    const rows = await db
      .selectFrom(ranked)
      .select(["client_id", "instrument_id", "total", "band", "submitted_at"])
      .where("position", "<=", perSeries)
      .orderBy("submitted_at", "desc")
      .execute();
    return rows.map((r) => ({ ...r, total: Number(r.total) }));
  });
}
