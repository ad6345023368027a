// Acknowledgement rows (migration 0011), scoped by organisation.
import type { Db } from "../db/database.js";
import type { AlertAcknowledgementTable } from "../db/alertsSchema.js";

export async function insertAcknowledgement(
  db: Db,
  row: AlertAcknowledgementTable,
): Promise<void> {
  await db.insertInto("alert_acknowledgements").values(row).execute();
}

export type AcknowledgementRow = AlertAcknowledgementTable & {
  acknowledged_by_name: string | null;
};

/** The latest acknowledgement of each alert, with the acknowledging member's name. */
export async function latestAcknowledgements(
  db: Db,
  organisationId: string,
  alertIds: readonly string[],
): Promise<Map<string, AcknowledgementRow>> {
  if (alertIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("alert_acknowledgements")
    .leftJoin("members", "members.id", "alert_acknowledgements.acknowledged_by")
    .selectAll("alert_acknowledgements")
    .select("members.name as acknowledged_by_name")
    .where("alert_acknowledgements.organisation_id", "=", organisationId)
    .where("alert_acknowledgements.alert_id", "in", [...alertIds])
    .orderBy("alert_acknowledgements.acknowledged_at")
    .orderBy("alert_acknowledgements.id")
    .execute();
  return new Map(rows.map((r) => [r.alert_id, r]));
}
