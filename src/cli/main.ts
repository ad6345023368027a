#!/usr/bin/env node
// rapport: the command-line interface. Data goes to stdout, logs and progress to stderr.
import { Command } from "commander";
import { registerAnalyze } from "./analyze.js";
import { registerAudit } from "./audit.js";
import { registerBackup } from "./backup.js";
import { registerCreateAdmin } from "./createAdmin.js";
import { registerDemo } from "./demo.js";
import { registerInstruments } from "./instruments.js";
import { registerMigrate } from "./migrate.js";
import { registerModel } from "./model.js";
import { registerRotateKey } from "./rotateKey.js";
import { bundledPacksOnly, registerScore } from "./score.js";
import { registerServe } from "./serve.js";
import { registerToken } from "./token.js";

const program = new Command("rapport")
  .description(
    "Rapport: alliance-informed care. Run a command with --help for details.",
  )
  .showHelpAfterError();
registerServe(program);
registerMigrate(program);
registerDemo(program);
registerBackup(program);
registerCreateAdmin(program);
registerAudit(program);
registerAnalyze(program);
registerModel(program);
registerToken(program);
registerRotateKey(program);
registerScore(program, bundledPacksOnly);
registerInstruments(program);

await program.parseAsync(process.argv);
