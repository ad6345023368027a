// rapport serve: run the HTTP server (seeds demo data only with --demo, into an empty database).
import type { Command } from "commander";
import { evaluateSignalsJob } from "../server/alerts/alertJobs.js";
import { buildApp } from "../server/app.js";
import { checkinRemindersJob } from "../server/checkins/reminderJob.js";
import {
  deliverOutboxJob,
  escalateAlertsJob,
} from "../server/notifications/notificationJobs.js";
import { startScheduler } from "../server/jobs/scheduler.js";
import { databaseIsEmpty, seedDemo } from "../server/demo/seedDemo.js";
import { startRuntime } from "../server/runtime.js";
import { action, config, say } from "./runtime.js";
import { printDemoAccounts } from "./demo.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("start the HTTP server; applies migrations first")
    .option("--demo", "seed the demo organisations when the database is empty")
    .action(
      action(async (options: { demo?: boolean }) => {
        const cfg = config();
        const runtime = await startRuntime(cfg);
        if (runtime.generatedKey)
          say(
            `rapport: generated a new master key in ${cfg.dataDir}/master.key — back it up separately (see README).`,
          );
        if (options.demo && (await databaseIsEmpty(runtime.context.db)))
          printDemoAccounts(await seedDemo(runtime.context));
        const app = await buildApp(runtime.context);
        runtime.context.log = app.log;
        runtime.context.submissions.start();
        const scheduler = startScheduler(runtime.context, [
          evaluateSignalsJob,
          deliverOutboxJob,
          escalateAlertsJob,
          checkinRemindersJob,
        ]);
        let closing = false;
        const shutdown = (signal: string) => {
          if (closing) return;
          closing = true;
          app.log.info(
            { signal },
            "shutting down: finishing in-flight requests",
          );
          void scheduler
            .stop()
            .then(() => app.close())
            .then(() => runtime.close())
            .then(() => process.exit(0));
        };
        process.on("SIGTERM", () => shutdown("SIGTERM"));
        process.on("SIGINT", () => shutdown("SIGINT"));
        await app.listen({ port: cfg.port, host: cfg.host });
        say(
          `rapport: listening on ${cfg.publicUrl} (database: ${cfg.database.dialect}); API docs at ${cfg.publicUrl}/api/docs`,
        );
      }),
    );
}
