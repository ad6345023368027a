// Saves the answers given so far (encrypted), so the check-in resumes where the client stopped.
import type { Pack } from "../../core/instruments/packSchema.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import { deliverSoon } from "../notifications/outbox.js";
import { upsertDraft } from "./checkins.repository.js";
import { raiseDraftRiskAlerts } from "./draftRisk.js";
import type { DraftContent } from "./openCheckin.js";

/** Returns whether the draft holds a triggering risk answer. */
export async function saveDraft(
  context: AppContext,
  checkin: CheckinTable,
  packs: readonly Pack[],
  draft: DraftContent,
): Promise<{ risk: boolean }> {
  const org = checkin.organisation_id;
  const alerts = await inTransaction(context.db, async (trx) => {
    await upsertDraft(trx, {
      checkin_id: checkin.id,
      organisation_id: org,
      client_id: checkin.client_id,
      answers_enc: await context.cipher.encrypt(
        trx,
        org,
        checkin.client_id,
        "checkin_drafts.answers",
        JSON.stringify(draft),
      ),
      updated_at: isoNow(context),
    });
    return raiseDraftRiskAlerts(context, trx, checkin, packs, draft.answers);
  });
  if (alerts.notified) deliverSoon(context);
  return { risk: alerts.risk };
}
