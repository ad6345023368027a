// Time-based signals (missed check-ins, no-shows in a row) change without a new
// response, so a scheduled job re-evaluates every active client.
import { inTransaction } from "../context.js";
import type { Job } from "../jobs/scheduler.js";
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
    for (const c of clients)
      await inTransaction(context.db, (trx) =>
        evaluateClientAlerts(context, trx, c.organisation_id, c.id),
      );
  },
};
