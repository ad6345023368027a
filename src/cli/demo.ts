// rapport demo: seed the demo organisations into an empty database.
import type { Command } from "commander";
import {
  databaseIsEmpty,
  seedDemo,
  type DemoResult,
} from "../server/demo/seedDemo.js";
import { CliError, action, print, say, withRuntime } from "./runtime.js";

export function printDemoAccounts(result: DemoResult): void {
  say(
    "rapport: demo data seeded. Sign in at the server's address with any of:",
  );
  for (const a of result.accounts)
    say(`  ${a.email.padEnd(32)} ${a.role.padEnd(11)} ${a.organisation}`);
  say(
    `  password: ${result.password}${result.generatedPassword ? "  (random; set RAPPORT_DEMO_PASSWORD to choose one)" : ""}`,
  );
  say(`rapport: an open client check-in to try: ${result.checkinUrl}`);
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "seed the demo organisations, members and caseloads into an empty database; prints the accounts as JSON",
    )
    .action(
      action(async () => {
        await withRuntime(async ({ context }) => {
          if (!(await databaseIsEmpty(context.db)))
            throw new CliError(
              "the database already holds data; demo seeds only an empty database",
            );
          const result = await seedDemo(context);
          printDemoAccounts(result);
          print({
            accounts: result.accounts,
            password: result.password,
            checkinUrl: result.checkinUrl,
          });
        });
      }),
    );
}
