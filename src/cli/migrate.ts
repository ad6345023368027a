// rapport migrate: apply pending migrations (start-up does the same).
import type { Command } from "commander";
import {
  closeDatabase,
  migrateToLatest,
  openDatabase,
} from "../server/db/database.js";
import { action, config, print } from "./runtime.js";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description(
      'apply pending database migrations; prints {"applied": [names]}',
    )
    .action(
      action(async () => {
        const opened = await openDatabase(config().database);
        try {
          print({ applied: await migrateToLatest(opened.db) });
        } finally {
          await closeDatabase(opened);
        }
      }),
    );
}
