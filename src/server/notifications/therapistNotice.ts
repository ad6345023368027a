// Tells members that an urgent alert is waiting: the email names no client and no answer.
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import { enqueueMail } from "./outbox.js";

export function urgentAlertMail(
  context: Pick<AppContext, "config">,
  to: string,
  escalated: boolean,
) {
  return {
    to,
    subject: escalated
      ? "Rapport: an urgent alert has not been acknowledged"
      : "Rapport: an urgent alert is waiting",
    text:
      (escalated
        ? "An urgent alert for a client of a therapist you supervise has not been acknowledged in time.\n\n"
        : "An urgent alert is waiting for you in Rapport.\n\n") +
      `Please sign in to see it: ${context.config.publicUrl}/\n\n` +
      "This email holds no client details on purpose.\n",
  };
}

/** Queues the notice to the client's therapist, in the transaction that raised the alert. */
export async function notifyTherapistOfRisk(
  context: Pick<AppContext, "config" | "cipher" | "clock">,
  trx: Db,
  organisationId: string,
  clientId: string,
): Promise<void> {
  const therapist = await trx
    .selectFrom("clients")
    .innerJoin("members", "members.id", "clients.therapist_id")
    .select(["members.email"])
    .where("clients.organisation_id", "=", organisationId)
    .where("clients.id", "=", clientId)
    .executeTakeFirst();
  if (!therapist) return;
  await enqueueMail(context, trx, {
    organisationId,
    clientId: null,
    kind: "risk-alert",
    mail: urgentAlertMail(context, therapist.email, false),
  });
}
