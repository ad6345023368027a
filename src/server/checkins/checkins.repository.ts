// Check-ins, their links, drafts and submissions, scoped by organisation. What every submission
// runs is prepared once (preparedQuery).
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import type {
  CheckinLinkTable,
  CheckinSubmissionTable,
  CheckinTable,
} from "../db/checkinsSchema.js";

export async function insertCheckin(db: Db, row: CheckinTable): Promise<void> {
  await db.insertInto("checkins").values(row).execute();
}

export async function insertLink(db: Db, row: CheckinLinkTable): Promise<void> {
  await db.insertInto("checkin_links").values(row).execute();
}

export async function findCheckin(
  db: Db,
  organisationId: string,
  id: string,
): Promise<CheckinTable | undefined> {
  return db
    .selectFrom("checkins")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

const checkinByTokenHash = preparedQuery((db, a: { tokenHash: string }) =>
  db
    .selectFrom("checkin_links")
    .innerJoin("checkins", "checkins.id", "checkin_links.checkin_id")
    .selectAll("checkins")
    .where("checkin_links.token_hash", "=", a.tokenHash),
);

/** The check-in a link token (hash) opens, whatever its state. */
export async function findCheckinByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<CheckinTable | undefined> {
  return (await checkinByTokenHash(db, { tokenHash })).rows[0];
}

export async function listClientCheckins(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<CheckinTable[]> {
  return db
    .selectFrom("checkins")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(200)
    .execute();
}

export async function updateCheckin(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<CheckinTable>,
): Promise<void> {
  await db
    .updateTable("checkins")
    .set(patch)
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .execute();
}

const completeOpen = preparedQuery(
  (db, a: { id: string; at: string; feedbackEnc: string | null }) =>
    db
      .updateTable("checkins")
      .set({
        status: "completed",
        completed_at: a.at,
        feedback_enc: a.feedbackEnc,
      })
      .where("id", "=", a.id)
      .where("status", "=", "open"),
);

/** Marks an open check-in completed; false when it was no longer open. */
export async function completeCheckin(
  db: Db,
  id: string,
  at: string,
  feedbackEnc: string | null,
): Promise<boolean> {
  const result = await completeOpen(db, { id, at, feedbackEnc });
  return Number(result.numAffectedRows) === 1;
}

export async function findSubmission(
  db: Db,
  checkinId: string,
): Promise<CheckinSubmissionTable | undefined> {
  return db
    .selectFrom("checkin_submissions")
    .selectAll()
    .where("checkin_id", "=", checkinId)
    .executeTakeFirst();
}

const submissionInsert = preparedQuery((db, row: CheckinSubmissionTable) =>
  db.insertInto("checkin_submissions").values(row),
);

export async function insertSubmission(
  db: Db,
  row: CheckinSubmissionTable,
): Promise<void> {
  await submissionInsert(db, row);
}

export async function listSubmissions(
  db: Db,
  organisationId: string,
  checkinIds: string[],
): Promise<CheckinSubmissionTable[]> {
  if (checkinIds.length === 0) return [];
  return db
    .selectFrom("checkin_submissions")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("checkin_id", "in", checkinIds)
    .execute();
}

export async function findDraft(db: Db, checkinId: string) {
  return db
    .selectFrom("checkin_drafts")
    .selectAll()
    .where("checkin_id", "=", checkinId)
    .executeTakeFirst();
}

export async function upsertDraft(
  db: Db,
  row: {
    checkin_id: string;
    organisation_id: string;
    client_id: string;
    answers_enc: string;
    updated_at: string;
  },
): Promise<void> {
  await db
    .insertInto("checkin_drafts")
    .values(row)
    .onConflict((oc) =>
      oc.column("checkin_id").doUpdateSet({
        answers_enc: row.answers_enc,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

const draftDelete = preparedQuery((db, a: { checkinId: string }) =>
  db.deleteFrom("checkin_drafts").where("checkin_id", "=", a.checkinId),
);

export async function deleteDraft(db: Db, checkinId: string): Promise<void> {
  await draftDelete(db, { checkinId });
}

export async function isUnsubscribed(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("checkin_unsubscribes")
    .select("client_id")
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUnsubscribe(
  db: Db,
  organisationId: string,
  clientId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("checkin_unsubscribes")
    .values({
      organisation_id: organisationId,
      client_id: clientId,
      created_at: at,
    })
    .onConflict((oc) =>
      oc.columns(["organisation_id", "client_id"]).doNothing(),
    )
    .execute();
}
