// Organisations (tenants).
import type { Db } from "../db/database.js";
import type { OrganisationTable } from "../db/schema.js";

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
