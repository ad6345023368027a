// Members of an organisation and supervision links.
import type { Db } from "../db/database.js";
import type { MemberTable, Role } from "../db/schema.js";

export async function insertMember(db: Db, row: MemberTable): Promise<void> {
  await db.insertInto("members").values(row).execute();
}

export async function findMember(
  db: Db,
  organisationId: string,
  id: string,
): Promise<MemberTable | undefined> {
  return db
    .selectFrom("members")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** By id alone, where no organisation is known yet (a password link names only the member). */
export async function findMemberById(
  db: Db,
  id: string,
): Promise<MemberTable | undefined> {
  return db
    .selectFrom("members")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findMemberByEmail(
  db: Db,
  email: string,
): Promise<MemberTable | undefined> {
  return db
    .selectFrom("members")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function listMembers(
  db: Db,
  organisationId: string,
  page: { limit: number; cursor?: string; role?: Role },
): Promise<MemberTable[]> {
  let query = db
    .selectFrom("members")
    .selectAll()
    .where("organisation_id", "=", organisationId);
  if (page.cursor) query = query.where("id", ">", page.cursor);
  if (page.role) query = query.where("role", "=", page.role);
  return query
    .orderBy("id")
    .limit(page.limit + 1)
    .execute();
}

export async function updateMember(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<MemberTable>,
): Promise<void> {
  await db
    .updateTable("members")
    .set(patch)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .execute();
}

export async function supervisees(
  db: Db,
  organisationId: string,
  supervisorId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("supervisions")
    .select("therapist_id")
    .where("organisation_id", "=", organisationId)
    .where("supervisor_id", "=", supervisorId)
    .orderBy("therapist_id")
    .execute();
  return rows.map((r) => r.therapist_id);
}

export async function replaceSupervisees(
  db: Db,
  organisationId: string,
  supervisorId: string,
  therapistIds: string[],
): Promise<void> {
  await db
    .deleteFrom("supervisions")
    .where("organisation_id", "=", organisationId)
    .where("supervisor_id", "=", supervisorId)
    .execute();
  if (therapistIds.length === 0) return;
  await db
    .insertInto("supervisions")
    .values(
      therapistIds.map((therapist_id) => ({
        organisation_id: organisationId,
        supervisor_id: supervisorId,
        therapist_id,
      })),
    )
    .execute();
}

/**
 * Records a TOTP code's time step as used, unless this or a later step was used already (by an
 * earlier sign-in or a parallel request): false then, and the code must be refused.
 */
export async function claimTotpStep(
  db: Db,
  memberId: string,
  step: number,
): Promise<boolean> {
  const result = await db
    .updateTable("members")
    .set({ totp_last_step: step })
    .where("id", "=", memberId)
    .where((eb) =>
      eb.or([
        eb("totp_last_step", "is", null),
        eb("totp_last_step", "<", step),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the recovery codes only if they are still those read: a code is used once. */
export async function claimRecoveryCodes(
  db: Db,
  memberId: string,
  read: string,
  remaining: string,
): Promise<boolean> {
  const result = await db
    .updateTable("members")
    .set({ recovery_codes: remaining })
    .where("id", "=", memberId)
    .where("recovery_codes", "=", read)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
