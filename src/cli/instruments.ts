// rapport instruments install|list|reliability: the instrument catalogue from the command line,
// through the same services as the API. JSON on stdout; problems on stderr.
import fs from "node:fs";
import type { Command } from "commander";
import { validatePack } from "../core/instruments/validatePack.js";
import type { AppContext } from "../server/context.js";
import { AppError } from "../server/errors.js";
import {
  installPack,
  listInstruments,
} from "../server/instruments/instruments.service.js";
import { instrumentReliability } from "../server/instruments/reliability.service.js";
import { findOrganisationByName } from "../server/organisations/organisations.repository.js";
import { CliError, action, print, say, withRuntime } from "./runtime.js";

const BY_CLI = { memberId: null, source: "cli" };

async function organisationId(context: AppContext, name: string) {
  const organisation = await findOrganisationByName(context.db, name);
  if (!organisation) throw new CliError(`no organisation named "${name}"`);
  return organisation.id;
}

function readPackFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

async function install(
  file: string,
  options: { organisation: string; confirmDroppedRiskItems?: boolean },
) {
  const json = readPackFile(file);
  const checked = validatePack(json);
  if (!checked.ok) {
    say(`rapport: ${file} has ${checked.problems.length} problem(s):`);
    checked.problems.forEach((p) => say(`  ${p}`));
    process.exitCode = 1;
    return;
  }
  await withRuntime(async ({ context }) => {
    const org = await organisationId(context, options.organisation);
    try {
      print(
        await installPack(context, org, json, BY_CLI, {
          confirmDroppedRiskItems: options.confirmDroppedRiskItems === true,
        }),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      say(`rapport: ${error.message}`);
      process.exitCode = 1;
    }
  });
}

export function registerInstruments(program: Command): void {
  const instruments = program
    .command("instruments")
    .description("instrument packs: install, list, reliability");
  instruments
    .command("install")
    .description(
      "validate a pack file and install it for an organisation; lists every problem on stderr and exits 1 when it is invalid",
    )
    .argument("<file>", "the pack as JSON (see src/core/instruments/README.md)")
    .requiredOption("--organisation <name>", "organisation name")
    .option(
      "--confirm-dropped-risk-items",
      "install a version that no longer declares a risk item the previous version declared (audited); without it such a pack is refused and the command exits 1",
    )
    .action(action(install));
  instruments
    .command("list")
    .description(
      "print the instruments (latest version of each) as JSON: the bundled ones, plus an organisation's installed packs with --organisation",
    )
    .option("--organisation <name>", "organisation name")
    .action(
      action(async (options: { organisation?: string }) => {
        await withRuntime(async ({ context }) => {
          const org = options.organisation
            ? await organisationId(context, options.organisation)
            : "";
          print(await listInstruments(context, org));
        });
      }),
    );
  instruments
    .command("reliability")
    .description(
      "print Cronbach's alpha and McDonald's omega (with n) of an instrument on the organisation's own valid, consented responses",
    )
    .argument("<instrument-id>", "e.g. rapport-alliance")
    .requiredOption("--organisation <name>", "organisation name")
    .action(
      action(async (id: string, options: { organisation: string }) => {
        await withRuntime(async ({ context }) => {
          const org = await organisationId(context, options.organisation);
          try {
            print(await instrumentReliability(context, org, id, BY_CLI));
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            throw new CliError(error.message);
          }
        });
      }),
    );
}
