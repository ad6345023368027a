// Re-sends the link (a new one, by email) when a check-in has not been completed some hours
// after it was sent: once, never in the organisation's quiet hours (its own time zone), never
// after the client unsubscribed. Runs under the scheduler's database lease.
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import type { Job } from "../jobs/scheduler.js";
import { deliverSoon, enqueueMail } from "../notifications/outbox.js";
import { mintLink } from "./checkinLinks.js";
import { checkinSettings } from "./checkinSettings.js";
import { isUnsubscribed } from "./checkins.repository.js";
import { checkinMail } from "./clientMail.js";
import { inQuietHours } from "./quietHours.js";

export const MAX_REMINDERS = 1;

async function remind(
  context: AppContext,
  checkin: CheckinTable,
): Promise<boolean> {
  const org = checkin.organisation_id;
  const settings = await checkinSettings(context, context.db, org);
  const now = context.clock();
  const due =
    new Date(checkin.last_sent_at ?? checkin.created_at).getTime() +
    settings.reminderHours * 3_600_000;
  if (due > now.getTime()) return false;
  if (inQuietHours(now, settings.timeZone, settings.quietHours)) return false;
  if (
    !checkin.email_enc ||
    (await isUnsubscribed(context.db, org, checkin.client_id))
  )
    return false;
  return inTransaction(context.db, async (trx) => {
    const taken = await trx
      .updateTable("checkins")
      .set({
        reminders_sent: checkin.reminders_sent + 1,
        last_sent_at: isoNow(context),
      })
      .where("id", "=", checkin.id)
      .where("status", "=", "open")
      .where("reminders_sent", "=", checkin.reminders_sent)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return false;
    const to = await context.cipher.decrypt(
      trx,
      org,
      checkin.client_id,
      "checkins.email",
      checkin.email_enc ?? "",
    );
    const url = await mintLink(context, trx, checkin, "reminder");
    await enqueueMail(context, trx, {
      organisationId: org,
      clientId: checkin.client_id,
      kind: "checkin-reminder",
      mail: checkinMail({
        to,
        url,
        organisationName: settings.organisationName,
        expiresAt: checkin.expires_at,
        reminder: true,
      }),
    });
    return true;
  });
}

export async function sendReminders(context: AppContext): Promise<number> {
  const candidates = await context.db
    .selectFrom("checkins")
    .selectAll()
    .where("status", "=", "open")
    .where("expires_at", ">", isoNow(context))
    .where("email_enc", "is not", null)
    .where("reminders_sent", "<", MAX_REMINDERS)
    .limit(500)
    .execute();
  let sent = 0;
  for (const checkin of candidates)
    if (await remind(context, checkin)) sent += 1;
  if (sent > 0) deliverSoon(context);
  return sent;
}

export const checkinRemindersJob: Job = {
  name: "checkin-reminders",
  everySeconds: 300, // 5 min
  async run(context) {
    await sendReminders(context);
  },
};
