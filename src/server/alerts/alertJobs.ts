// Time-based signals (missed check-ins, no-shows in a row) change without a new response, and a
// risk answer can reach the database by a path that raised no alert (a re-score's transaction, a
// restore): so a scheduled job re-evaluates every active client, through the same path as a new
// response, and its risk notices go out as a new response's do.
import { inTransaction } from "../context.js";
import type { Job } from "../jobs/scheduler.js";
import { deliverSoon } from "../notifications/outbox.js";
import { evaluateClientAlerts } from "./evaluateAlerts.js";

export const EVALUATE_SIGNALS_EVERY_SECONDS = 3_600; // hourly

export const evaluateSignalsJob: Job = {
  name: "evaluate-signals",
  everySeconds: EVALUATE_SIGNALS_EVERY_SECONDS,
  async run(context) {
    const clients = await context.db
      .selectFrom("clients")
      .select(["id", "organisation_id"])
      .where("status", "=", "active")
      .execute();
    let notified = false;
    for (const c of clients) {
      const evaluation = await inTransaction(context.db, (trx) =>
        evaluateClientAlerts(context, trx, c.organisation_id, c.id),
      );
      notified ||= evaluation.riskNotified;
    }
    if (notified) deliverSoon(context);
  },
};
