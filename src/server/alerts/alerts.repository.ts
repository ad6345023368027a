// Alert rows, scoped by organisation.
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import type { AlertStatus, AlertTable } from "../db/alertsSchema.js";

/** The client's unresolved alerts and, per cause, the latest resolution: one read. */
const clientAlerts = preparedQuery(
  (db, a: { organisationId: string; clientId: string }) =>
    db
      .selectFrom("alerts")
      .selectAll()
      .where("organisation_id", "=", a.organisationId)
      .where("client_id", "=", a.clientId),
);

export async function alertsByCause(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<{ open: AlertTable[]; resolved: Map<string, string> }> {
  const { rows } = await clientAlerts(db, { organisationId, clientId });
  const resolved = new Map<string, string>();
  for (const r of rows)
    if (
      r.status === "resolved" &&
      r.resolved_at &&
      (resolved.get(r.cause_key) ?? "") < r.resolved_at
    )
      resolved.set(r.cause_key, r.resolved_at);
  return { open: rows.filter((r) => r.status !== "resolved"), resolved };
}

export async function insertAlert(db: Db, row: AlertTable): Promise<void> {
  await db.insertInto("alerts").values(row).execute();
}

export async function updateAlert(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<AlertTable>,
): Promise<void> {
  await db
    .updateTable("alerts")
    .set(patch)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .execute();
}

export async function findAlert(
  db: Db,
  organisationId: string,
  id: string,
): Promise<AlertTable | undefined> {
  return db
    .selectFrom("alerts")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function listAlertRows(
  db: Db,
  organisationId: string,
  filter: {
    clientIds?: string[];
    therapistIds?: string[];
    sharedWith?: string;
    statuses: AlertStatus[];
    limit: number;
    offset: number;
  },
): Promise<AlertTable[]> {
  let query = db
    .selectFrom("alerts")
    .innerJoin("clients", "clients.id", "alerts.client_id")
    .selectAll("alerts")
    .where("alerts.organisation_id", "=", organisationId)
    .where("alerts.status", "in", filter.statuses);
  if (filter.clientIds)
    query = query.where(
      "alerts.client_id",
      "in",
      filter.clientIds.length > 0 ? filter.clientIds : [""],
    );
  if (filter.therapistIds) {
    const therapists =
      filter.therapistIds.length > 0 ? filter.therapistIds : [""];
    const shared = filter.sharedWith;
    query = query.where((eb) =>
      eb.or([
        eb("clients.therapist_id", "in", therapists),
        ...(shared
          ? [
              eb(
                "alerts.client_id",
                "in",
                eb
                  .selectFrom("client_shares")
                  .select("client_id")
                  .where("organisation_id", "=", organisationId)
                  .where("member_id", "=", shared),
              ),
            ]
          : []),
      ]),
    );
  }
  return query
    .orderBy("alerts.severity_rank")
    .orderBy("alerts.created_at", "desc")
    .orderBy("alerts.id")
    .limit(filter.limit + 1)
    .offset(filter.offset)
    .execute();
}

/** Moves an alert on only from one of `from`; false when another request moved it first. */
export async function moveAlert(
  db: Db,
  organisationId: string,
  id: string,
  from: readonly AlertStatus[],
  patch: Partial<AlertTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("alerts")
    .set(patch)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
