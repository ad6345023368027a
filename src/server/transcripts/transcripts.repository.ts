// Transcript rows. Every query names the organisation, except the queue's claim, which looks
// for work across organisations (one worker serves them all) and then acts on one row by its
// organisation and id.
import type { Db } from "../db/database.js";
import type { TranscriptTable } from "../db/transcriptsSchema.js";

/** The columns a list shows: everything but the encrypted text and analysis. */
const SUMMARY = [
  "id",
  "organisation_id",
  "client_id",
  "session_id",
  "format",
  "byte_size",
  "status",
  "error",
  "profile",
  "created_by",
  "created_at",
  "analysed_at",
] as const;

export type TranscriptSummaryRow = Pick<
  TranscriptTable,
  (typeof SUMMARY)[number]
>;

export async function insertTranscript(
  db: Db,
  row: TranscriptTable,
): Promise<void> {
  await db.insertInto("transcripts").values(row).execute();
}

export async function listTranscriptRows(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<TranscriptSummaryRow[]> {
  return db
    .selectFrom("transcripts")
    .select(SUMMARY)
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function findTranscript(
  db: Db,
  organisationId: string,
  id: string,
): Promise<TranscriptTable | undefined> {
  return db
    .selectFrom("transcripts")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function deleteTranscriptRow(
  db: Db,
  organisationId: string,
  id: string,
): Promise<void> {
  await db
    .deleteFrom("transcripts")
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id)
    .execute();
}

/**
 * Claims the oldest transcript waiting for analysis (queued, or analysing under a lease that has
 * run out: its worker died) by setting a new lease; undefined when there is none.
 */
export async function claimNextTranscript(
  db: Db,
  now: string,
  leaseUntil: string,
): Promise<TranscriptTable | undefined> {
  for (;;) {
    const next = await db
      .selectFrom("transcripts")
      .select(["id", "organisation_id", "status", "lease_until"])
      .where((eb) =>
        eb.or([
          eb("status", "=", "queued"),
          eb.and([eb("status", "=", "analysing"), eb("lease_until", "<", now)]),
        ]),
      )
      .orderBy("created_at")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    if (!next) return undefined;
    // Only one worker wins a row: the update names the state it was read in.
    const claimed = await db
      .updateTable("transcripts")
      .set((eb) => ({
        status: "analysing",
        lease_until: leaseUntil,
        attempts: eb("attempts", "+", 1),
      }))
      .where("organisation_id", "=", next.organisation_id)
      .where("id", "=", next.id)
      .where("status", "=", next.status)
      .where((eb) =>
        next.lease_until === null
          ? eb("lease_until", "is", null)
          : eb("lease_until", "=", next.lease_until),
      )
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1)
      return findTranscript(db, next.organisation_id, next.id);
  }
}

/** Stores a finished analysis if this worker still holds the row's lease; false if it lost it. */
export async function finishTranscript(
  db: Db,
  row: Pick<TranscriptTable, "organisation_id" | "id" | "lease_until">,
  set: Pick<
    TranscriptTable,
    "status" | "error" | "analysis_enc" | "profile" | "analysed_at"
  >,
): Promise<boolean> {
  const result = await db
    .updateTable("transcripts")
    .set({ ...set, lease_until: null })
    .where("organisation_id", "=", row.organisation_id)
    .where("id", "=", row.id)
    .where("status", "=", "analysing")
    .where("lease_until", "=", row.lease_until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Puts a row back in the queue after a failed attempt. */
export async function requeueTranscript(
  db: Db,
  row: Pick<TranscriptTable, "organisation_id" | "id" | "lease_until">,
): Promise<void> {
  await db
    .updateTable("transcripts")
    .set({ status: "queued", lease_until: null })
    .where("organisation_id", "=", row.organisation_id)
    .where("id", "=", row.id)
    .where("status", "=", "analysing")
    .where("lease_until", "=", row.lease_until)
    .execute();
}
