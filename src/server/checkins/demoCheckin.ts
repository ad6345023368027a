// The demo's open check-in: the alliance check-in and PHQ-9 for therapist1's first client.
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import { insertNewCheckin, mintLink } from "./checkinLinks.js";

export async function demoCheckin(
  context: AppContext,
  trx: Db,
  organisationId: string,
  therapistId: string,
): Promise<string> {
  const client = await trx
    .selectFrom("clients")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("therapist_id", "=", therapistId)
    .orderBy("id")
    .limit(1)
    .executeTakeFirstOrThrow();
  const checkin = await insertNewCheckin(context, trx, {
    organisationId,
    clientId: client.id,
    sessionId: null,
    instruments: ["rapport-alliance", "phq-9"],
    createdBy: therapistId,
  });
  return mintLink(context, trx, checkin, "link");
}
