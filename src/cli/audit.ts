// rapport audit verify / checkpoint: check every organisation's keyed chain against the anchor
// (altered, inserted, deleted and truncated entries), and print the heads for an external record.
import fs from "node:fs";
import type { Command } from "commander";
import {
  auditHeads,
  verifyAudit,
  type AuditReport,
} from "../server/audit/audit.repository.js";
import {
  anchorDocument,
  parseAnchor,
  readAnchor,
  type AnchoredHeads,
} from "../server/audit/auditAnchor.js";
import type { Config } from "../server/config.js";
import {
  CliError,
  action,
  config,
  print,
  say,
  withRuntime,
} from "./runtime.js";

/**
 * The heads to check against: a saved checkpoint, or the anchor the servers keep, read before this
 * command's own start-up could anchor anything.
 */
async function anchoredHeads(
  cfg: Config,
  file: string | undefined,
): Promise<AnchoredHeads> {
  if (file) {
    if (!fs.existsSync(file)) throw new CliError(`no checkpoint at ${file}`);
    return parseAnchor(fs.readFileSync(file, "utf8"), file);
  }
  const anchored = await readAnchor(cfg.auditAnchor);
  if (anchored) return anchored;
  say(
    `rapport: no audit anchor at ${cfg.auditAnchor}: entries deleted from the end of a chain cannot be detected`,
  );
  return {};
}

function complain(reports: AuditReport[]): boolean {
  const bad = reports.filter((r) => r.problems.length > 0);
  if (bad.length === 0) return false;
  say(`rapport: audit chain problems in ${bad.length} organisation(s)`);
  process.exitCode = 1;
  return true;
}

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("audit trail tools");
  audit
    .command("verify")
    .description(
      'verify the keyed audit chains against the anchor (RAPPORT_AUDIT_ANCHOR) or a saved checkpoint; prints [{"organisationId","entries","problems"}]; exits 1 on any altered, inserted, deleted or truncated entry',
    )
    .option(
      "--anchor <file>",
      "check against this saved `rapport audit checkpoint` output instead of the anchor file",
    )
    .action(
      action(async (options: { anchor?: string }) => {
        const cfg = config();
        const anchored = await anchoredHeads(cfg, options.anchor);
        await withRuntime(
          async ({ context }) => {
            const reports = await verifyAudit(context.db, anchored);
            print(reports);
            complain(reports);
          },
          cfg,
          { anchorAtStart: false }, // checking the anchor: its own start must not write it
        );
      }),
    );
  audit
    .command("checkpoint")
    .description(
      "verify the chains, then print each organisation's head (the anchor's format) to keep outside this server, e.g. in another system's log; `audit verify --anchor <file>` checks against it later",
    )
    .action(
      action(async () => {
        const cfg = config();
        const anchored = await anchoredHeads(cfg, undefined);
        await withRuntime(
          async ({ context }) => {
            const reports = await verifyAudit(context.db, anchored);
            if (complain(reports)) return print(reports);
            print(anchorDocument(await auditHeads(context.db)));
          },
          cfg,
          { anchorAtStart: false }, // checking the anchor: its own start must not write it
        );
      }),
    );
}
