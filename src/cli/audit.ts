// rapport audit verify: check every organisation's hash chain for altered, inserted or deleted rows.
import type { Command } from "commander";
import { verifyAudit } from "../server/audit/audit.repository.js";
import { action, print, say, withRuntime } from "./runtime.js";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("audit trail tools");
  audit
    .command("verify")
    .description(
      'verify the audit hash chains; prints [{"organisationId","entries","problems"}]; exits 1 on any problem',
    )
    .action(
      action(async () => {
        await withRuntime(async ({ context }) => {
          const reports = await verifyAudit(context.db);
          print(reports);
          const bad = reports.filter((r) => r.problems.length > 0);
          if (bad.length > 0) {
            say(
              `rapport: audit chain problems in ${bad.length} organisation(s)`,
            );
            process.exitCode = 1;
          }
        });
      }),
    );
}
