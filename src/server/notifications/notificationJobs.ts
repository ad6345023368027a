// Scheduled jobs for notifications: the outbox is drained, and critical alerts nobody has
// acknowledged in time are escalated to the supervisors of the client's therapist.
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import type { Job } from "../jobs/scheduler.js";
import { checkinSettings } from "../checkins/checkinSettings.js";
import { deliverOutbox, enqueueMail } from "./outbox.js";
import { urgentAlertMail } from "./therapistNotice.js";

export const deliverOutboxJob: Job = {
  name: "deliver-outbox",
  everySeconds: 30,
  async run(context) {
    while ((await deliverOutbox(context, 100)) === 100);
  },
};

/** Supervisors of the client's therapist; the administrators when nobody supervises them. */
async function escalationRecipients(
  context: AppContext,
  organisationId: string,
  clientId: string,
): Promise<string[]> {
  const supervisors = await context.db
    .selectFrom("clients")
    .innerJoin("supervisions", (j) =>
      j
        .onRef("supervisions.therapist_id", "=", "clients.therapist_id")
        .onRef("supervisions.organisation_id", "=", "clients.organisation_id"),
    )
    .innerJoin("members", "members.id", "supervisions.supervisor_id")
    .select("members.email")
    .where("clients.organisation_id", "=", organisationId)
    .where("clients.id", "=", clientId)
    .where("members.active", "=", 1)
    .execute();
  if (supervisors.length > 0) return supervisors.map((s) => s.email);
  const admins = await context.db
    .selectFrom("members")
    .select("email")
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .execute();
  return admins.map((a) => a.email);
}

export async function escalateAlerts(context: AppContext): Promise<number> {
  const now = context.clock();
  const open = await context.db
    .selectFrom("alerts")
    .select(["id", "organisation_id", "client_id", "created_at"])
    .where("status", "=", "open")
    .where("severity", "=", "critical")
    .where("escalated_at", "is", null)
    .execute();
  let escalated = 0;
  for (const alert of open) {
    const settings = await checkinSettings(
      context,
      context.db,
      alert.organisation_id,
    );
    const due =
      new Date(alert.created_at).getTime() +
      settings.escalationMinutes * 60_000;
    if (due > now.getTime()) continue;
    const to = await escalationRecipients(
      context,
      alert.organisation_id,
      alert.client_id,
    );
    await inTransaction(context.db, async (trx) => {
      const taken = await trx
        .updateTable("alerts")
        .set({ escalated_at: isoNow(context) })
        .where("id", "=", alert.id)
        .where("escalated_at", "is", null)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) return;
      for (const email of to)
        await enqueueMail(context, trx, {
          organisationId: alert.organisation_id,
          clientId: null,
          kind: "alert-escalation",
          mail: urgentAlertMail(context, email, true),
        });
      escalated += 1;
    });
  }
  return escalated;
}

export const escalateAlertsJob: Job = {
  name: "escalate-alerts",
  everySeconds: 60,
  async run(context) {
    await escalateAlerts(context);
  },
};
