// Client rows; every query is scoped by organisation_id.
import type { Db } from "../db/database.js";
import type { ClientStatus, ClientTable } from "../db/schema.js";

export async function insertClient(db: Db, row: ClientTable): Promise<void> {
  await db.insertInto("clients").values(row).execute();
}

export async function listClients(
  db: Db,
  organisationId: string,
  scope: { therapistIds: string[]; sharedWithMe: boolean; memberId: string },
  page: {
    limit: number;
    cursor?: string;
    nameIndex?: string;
    status?: ClientStatus;
  },
): Promise<ClientTable[]> {
  let query = db
    .selectFrom("clients")
    .selectAll()
    .where("organisation_id", "=", organisationId);
  query = query.where((eb) => {
    const ors = [];
    if (scope.therapistIds.length > 0)
      ors.push(eb("therapist_id", "in", scope.therapistIds));
    if (scope.sharedWithMe) {
      ors.push(
        eb(
          "id",
          "in",
          eb
            .selectFrom("client_shares")
            .select("client_id")
            .where("organisation_id", "=", organisationId)
            .where("member_id", "=", scope.memberId),
        ),
      );
    }
    return ors.length > 0 ? eb.or(ors) : eb.val(false);
  });
  if (page.cursor) query = query.where("id", ">", page.cursor);
  if (page.nameIndex) query = query.where("name_index", "=", page.nameIndex);
  if (page.status) query = query.where("status", "=", page.status);
  return query
    .orderBy("id")
    .limit(page.limit + 1)
    .execute();
}

export async function updateClient(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<ClientTable>,
): Promise<void> {
  await db
    .updateTable("clients")
    .set(patch)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .execute();
}

export async function addShare(
  db: Db,
  row: {
    organisation_id: string;
    client_id: string;
    member_id: string;
    created_by: string;
    created_at: string;
  },
): Promise<void> {
  const existing = await db
    .selectFrom("client_shares")
    .select("member_id")
    .where("client_id", "=", row.client_id)
    .where("member_id", "=", row.member_id)
    .executeTakeFirst();
  if (!existing) await db.insertInto("client_shares").values(row).execute();
}

export async function removeShare(
  db: Db,
  organisationId: string,
  clientId: string,
  memberId: string,
): Promise<void> {
  await db
    .deleteFrom("client_shares")
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .where("member_id", "=", memberId)
    .execute();
}

export async function listShares(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("client_shares")
    .select("member_id")
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .execute();
  return rows.map((r) => r.member_id);
}
