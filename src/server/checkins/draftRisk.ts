// A risk answer in a draft (a check-in not yet submitted) raises its alert at once, in the
// draft's transaction: a client who answers PHQ-9 item 9 and then closes the tab is not lost.
// It goes through the one risk path (alerts/riskAlerts.ts): once per check-in and item however
// often the draft is saved, and the submitted response's answer joins the same alert.
import type { Pack } from "../../core/instruments/packSchema.js";
import { score } from "../../core/instruments/score.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import type { Db } from "../db/database.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import { raiseRiskAlerts, type RiskPathResult } from "../alerts/riskAlerts.js";
import type { CheckinAnswers } from "./openCheckin.js";

/** Raises or joins the client's risk alert for each triggered risk item of the draft; risk: it holds one. */
export async function raiseDraftRiskAlerts(
  context: Pick<AppContext, "clock" | "config" | "cipher">,
  trx: Db,
  checkin: CheckinTable,
  packs: readonly Pack[],
  answers: CheckinAnswers,
): Promise<RiskPathResult & { risk: boolean }> {
  const now = isoNow(context);
  const label = new Map(
    packs.map((p) => [p.id, p.questionnaire.title ?? p.id]),
  );
  const pending = packs.flatMap((pack) =>
    score(pack, answers[pack.id] ?? {}).riskItems.map((hit) => ({
      instrumentId: pack.id,
      label: label.get(pack.id) ?? pack.id,
      linkId: hit.linkId,
      answer: hit.value,
      answeredAt: now,
      responseId: null,
      total: null,
      from: "draft" as const,
      checkinId: checkin.id,
    })),
  );
  const result = await raiseRiskAlerts(
    context,
    trx,
    checkin.organisation_id,
    checkin.client_id,
    (id) => label.get(id) ?? id,
    { pending },
  );
  return { ...result, risk: pending.length > 0 };
}
