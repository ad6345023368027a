// rapport score <instrument-id> <answers>: score one response with the pure engine; the result
// is one JSON document on stdout, reasons and risk alerts go to stderr.
import type { Command } from "commander";
import type { Pack } from "../core/instruments/packSchema.js";
import { bundledPack } from "../core/instruments/bundled.js";
import { parseAnswers } from "../core/instruments/parseAnswers.js";
import { score } from "../core/instruments/score.js";
import { action, CliError, print, say } from "./runtime.js";

export interface ScoreDeps {
  /** The installed pack with this id (latest version), or undefined when there is none. */
  loadPack(id: string): Promise<Pack | undefined>;
}

/** Deps that know only the bundled packs, for use before the database is wired in. */
export const bundledPacksOnly: ScoreDeps = {
  loadPack: (id) => Promise.resolve(bundledPack(id)),
};

async function run(deps: ScoreDeps, id: string, text: string): Promise<void> {
  const pack = await deps.loadPack(id);
  if (!pack) throw new CliError(`unknown instrument "${id}"`);
  const parsed = parseAnswers(pack, text);
  if (!parsed.ok) {
    parsed.problems.forEach((p) => say(`rapport: ${p}`));
    process.exitCode = 1;
    return;
  }
  const result = score(pack, parsed.answers);
  print(result);
  result.riskItems.forEach((r) =>
    say(`rapport: RISK: ${r.linkId} answered ${r.value}: review at once`),
  );
  if (!result.valid) {
    (result.reasons ?? []).forEach((r) => say(`rapport: ${r.message}`));
    process.exitCode = 1;
  }
}

export function registerScore(program: Command, deps: ScoreDeps): void {
  program
    .command("score")
    .description(
      "score one response and print the result as JSON; exits 1 when the answers are invalid or incomplete",
    )
    .argument(
      "<instrument-id>",
      "e.g. phq-9, gad-7, who-5, k10, core-10, rapport-alliance",
    )
    .argument(
      "<answers>",
      'a JSON object {"q1": 2, ...} or comma-separated values in item order; each value is the chosen option\'s place on the response scale as the options are listed (PHQ-9 0–3, K10 1–5, CORE-10 0 "Not at all" to 4 "Most or all of the time"). Reverse-scored items take the same option positions (CORE-10 items 2 and 3: "Not at all" is 0) and Rapport reverses them; never enter the reversed score a paper form may print. Leave a value empty for a skipped item',
    )
    .addHelpText(
      "after",
      "\nThe output's band.label is the band of this response's total, from the pack (e.g. CORE-10 15 → moderate, Barkham et al. 2013).",
    )
    .action(action((id: string, answers: string) => run(deps, id, answers)));
}
