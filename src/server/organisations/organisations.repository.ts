// Organisations (tenants).
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import type { OrganisationTable } from "../db/schema.js";

const nameAndSettings = preparedQuery((db, a: { id: string }) =>
  db
    .selectFrom("organisations")
    .select(["name", "settings"])
    .where("id", "=", a.id),
);

/**
 * An organisation's name and settings (JSON text). Read by every check-in page and every
 * response's alert evaluation, so its query is prepared once.
 */
export async function findOrganisationSettings(
  db: Db,
  id: string,
): Promise<Pick<OrganisationTable, "name" | "settings">> {
  const [row] = (await nameAndSettings(db, { id })).rows;
  if (!row) throw new Error(`no organisation ${id}`);
  return row;
}

export async function insertOrganisation(
  db: Db,
  row: OrganisationTable,
): Promise<void> {
  await db.insertInto("organisations").values(row).execute();
}

export async function findOrganisationByName(
  db: Db,
  name: string,
): Promise<OrganisationTable | undefined> {
  return db
    .selectFrom("organisations")
    .selectAll()
    .where("name", "=", name)
    .executeTakeFirst();
}
