// rapport export research: the de-identified research export (issue 17) written to a folder.
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { DEFAULT_K, MIN_K } from "../core/research/kAnonymity.js";
import { exportResearchFromCli } from "../server/research/researchExport.service.js";
import { CliError, action, print, say, withRuntime } from "./runtime.js";

interface Options {
  organisation: string;
  out: string;
  from?: string;
  to?: string;
  k: string;
  stableSecret?: boolean;
}

function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new CliError(`${flag} must be a date as YYYY-MM-DD`);
  return value;
}

export function registerExport(program: Command): void {
  const command = program.command("export").description("data exports");
  command
    .command("research")
    .description(
      'write the de-identified research export of one organisation (clients with the research-export consent) to a new folder; prints {"out","clients","leftOut","secret"}: the secret is shown once and never stored',
    )
    .requiredOption("--organisation <name>", "the organisation's name")
    .requiredOption(
      "--out <dir>",
      "a folder that does not exist yet, or is empty",
    )
    .option(
      "--from <date>",
      "only episodes opened on or after this date (YYYY-MM-DD)",
    )
    .option("--to <date>", "only episodes opened before this date (YYYY-MM-DD)")
    .option(
      "--k <n>",
      `k-anonymity threshold, at least ${MIN_K}`,
      String(DEFAULT_K),
    )
    .option(
      "--stable-secret",
      "pseudonymise under the organisation's stable secret (derived from the data key) so exports link over time; anyone with the exports can then follow a client across them",
    )
    .action(
      action(async (options: Options) => {
        const k = Number(options.k);
        if (!Number.isInteger(k) || k < MIN_K)
          throw new CliError(`--k must be a whole number of at least ${MIN_K}`);
        const from = isoDate(options.from, "--from");
        const to = isoDate(options.to, "--to");
        if (
          fs.existsSync(options.out) &&
          fs.readdirSync(options.out).length > 0
        )
          throw new CliError(`${options.out} is not empty`);
        const result = await withRuntime(({ context }) =>
          exportResearchFromCli(context, options.organisation, {
            k,
            ...(from ? { from } : {}),
            ...(to ? { to } : {}),
            stableSecret: options.stableSecret === true,
          }),
        );
        if (!result)
          throw new CliError(`no organisation named ${options.organisation}`);
        fs.mkdirSync(options.out, { recursive: true, mode: 0o700 });
        for (const [name, content] of Object.entries(result.files))
          fs.writeFileSync(path.join(options.out, name), content, {
            mode: 0o600,
          });
        if (result.secret)
          say(
            "rapport: keep the secret only if you mean to link this export to a later one",
          );
        print({
          out: options.out,
          clients: result.clients,
          leftOut: result.leftOut,
          secret: result.secret,
        });
      }),
    );
}
