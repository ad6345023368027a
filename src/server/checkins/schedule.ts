// The organisation's check-in schedule, applied when a session is marked attended (the check-in
// asks about a session that took place): each rule's instrument at every n-th attended session
// of the episode. Skipped silently without the client's routine-measurement consent.
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import type { SessionTable } from "../db/schema.js";
import { consentState } from "../consents/consents.service.js";
import { insertNewCheckin } from "./checkinLinks.js";
import { checkinSettings, type ScheduleRule } from "./checkinSettings.js";

/** The instruments due at the n-th attended session. */
export function dueInstruments(
  rules: readonly ScheduleRule[],
  attendedCount: number,
): string[] {
  return rules
    .filter(
      (r) => r.everyNthSession >= 1 && attendedCount % r.everyNthSession === 0,
    )
    .map((r) => r.instrumentId);
}

/** Creates the scheduled check-in for an attended session, once; returns its id or null. */
export async function applyCheckinSchedule(
  context: AppContext,
  trx: Db,
  session: SessionTable,
): Promise<string | null> {
  if (session.status !== "attended") return null;
  const org = session.organisation_id;
  const settings = await checkinSettings(context, trx, org);
  if (settings.schedule.length === 0) return null;
  const already = await trx
    .selectFrom("checkins")
    .select("id")
    .where("organisation_id", "=", org)
    .where("session_id", "=", session.id)
    .executeTakeFirst();
  if (already) return null;
  const consent = (await consentState(trx, org, session.client_id)).find(
    (c) => c.kind === "routine-measurement",
  );
  if (!consent?.granted) return null;
  let attended = trx
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", org)
    .where("client_id", "=", session.client_id)
    .where("status", "=", "attended");
  if (session.episode_id)
    attended = attended.where("episode_id", "=", session.episode_id);
  const { n } = await attended.executeTakeFirstOrThrow();
  const instruments = dueInstruments(settings.schedule, Number(n));
  if (instruments.length === 0) return null;
  const checkin = await insertNewCheckin(context, trx, {
    organisationId: org,
    clientId: session.client_id,
    sessionId: session.id,
    instruments,
    createdBy: null,
  });
  return checkin.id;
}
