// A risk answer in a draft (a check-in not yet submitted) raises its alert at once, in the
// draft's transaction: a client who answers PHQ-9 item 9 and then closes the tab is not lost.
// The alert has its own cause per check-in and item, so saving again does not repeat it; when
// the check-in is submitted, the response's risk alert takes this alert over (submitCheckin.ts).
import type { Pack } from "../../core/instruments/packSchema.js";
import { score } from "../../core/instruments/score.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import type { CheckinAnswers } from "./openCheckin.js";

export function draftRiskCause(
  checkinId: string,
  instrumentId: string,
  linkId: string,
): string {
  return `risk-draft:${checkinId}:${instrumentId}:${linkId}`;
}

/** Inserts an alert for each triggered risk item not already alerted; returns the new ids. */
export async function raiseDraftRiskAlerts(
  context: AppContext,
  trx: Db,
  checkin: CheckinTable,
  packs: readonly Pack[],
  answers: CheckinAnswers,
): Promise<string[]> {
  const created: string[] = [];
  const now = isoNow(context);
  for (const pack of packs) {
    for (const hit of score(pack, answers[pack.id] ?? {}).riskItems) {
      const cause = draftRiskCause(checkin.id, pack.id, hit.linkId);
      const seen = await trx
        .selectFrom("alerts")
        .select("id")
        .where("organisation_id", "=", checkin.organisation_id)
        .where("client_id", "=", checkin.client_id)
        .where("cause_key", "=", cause)
        .executeTakeFirst();
      if (seen) continue;
      const id = newId(now);
      await trx
        .insertInto("alerts")
        .values({
          id,
          organisation_id: checkin.organisation_id,
          client_id: checkin.client_id,
          kind: "risk",
          severity: "critical",
          severity_rank: 0,
          cause_key: cause,
          instrument_id: pack.id,
          rule: "risk.item-answer.in-progress",
          explanation:
            `${pack.id} risk item ${hit.linkId} was answered ${hit.value} in a check-in that is still in progress ` +
            "(saved, not yet submitted); rule: any triggering answer on a declared risk item raises a risk alert at once.",
          evidence: JSON.stringify({
            checkinId: checkin.id,
            linkId: hit.linkId,
            answer: hit.value,
            draft: true,
          }),
          signal_at: now,
          status: "open",
          created_at: now,
          updated_at: now,
          acknowledged_by: null,
          acknowledged_at: null,
          note_enc: null,
          resolved_by: null,
          resolved_at: null,
          escalated_at: null,
        })
        .execute();
      created.push(id);
    }
  }
  return created;
}
