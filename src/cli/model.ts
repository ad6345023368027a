// rapport model fit: refit the expected-trajectory models on an organisation's own data.
import type { Command } from "commander";
import { fitOrganisationModel } from "../server/alerts/trajectoryModels.js";
import { findOrganisationByName } from "../server/organisations/organisations.repository.js";
import { CliError, action, print, say, withRuntime } from "./runtime.js";

export function registerModel(program: Command): void {
  const model = program
    .command("model")
    .description("expected-trajectory models for the not-on-track signal");
  model
    .command("fit")
    .description(
      'fit the model to the organisation\'s consenting clients (needs RAPPORT_MODEL_MIN_CLIENTS, default 50); prints [{"instrumentId","fitted","nClients",...}]',
    )
    .requiredOption("--organisation <name>", "organisation name")
    .option("--instrument <id...>", "instruments to fit", ["phq-9", "gad-7"])
    .action(
      action(
        async (options: { organisation: string; instrument: string[] }) => {
          await withRuntime(async ({ context }) => {
            const org = await findOrganisationByName(
              context.db,
              options.organisation,
            );
            if (!org)
              throw new CliError(
                `no organisation named "${options.organisation}"`,
              );
            const outcomes = [];
            for (const id of options.instrument) {
              const outcome = await fitOrganisationModel(context, org.id, id);
              say(
                outcome.fitted
                  ? `rapport: ${id}: fitted on ${outcome.nClients} clients`
                  : `rapport: ${id}: not fitted: ${outcome.reason}`,
              );
              outcomes.push(outcome);
            }
            print(outcomes);
          });
        },
      ),
    );
}
