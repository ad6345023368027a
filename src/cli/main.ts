#!/usr/bin/env node
// rapport: the command-line interface. Data goes to stdout, logs and progress to stderr.
// Only the module of the command being run is loaded: the server's modules take ~0.7 s to import,
// which `rapport analyze` or `rapport score` should not pay. Help and unknown commands load all.
import { Command } from "commander";

type Register = (program: Command) => void;

const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import("./serve.js")).registerServe,
  migrate: async () => (await import("./migrate.js")).registerMigrate,
  demo: async () => (await import("./demo.js")).registerDemo,
  backup: async () => (await import("./backup.js")).registerBackup,
  restore: async () => (await import("./backup.js")).registerBackup,
  "create-admin": async () =>
    (await import("./createAdmin.js")).registerCreateAdmin,
  audit: async () => (await import("./audit.js")).registerAudit,
  analyze: async () => (await import("./analyze.js")).registerAnalyze,
  model: async () => (await import("./model.js")).registerModel,
  token: async () => (await import("./token.js")).registerToken,
  "rotate-key": async () => (await import("./rotateKey.js")).registerRotateKey,
  score: async () => {
    const { bundledPacksOnly, registerScore } = await import("./score.js");
    return (program) => registerScore(program, bundledPacksOnly);
  },
  instruments: async () =>
    (await import("./instruments.js")).registerInstruments,
  export: async () => (await import("./exportResearch.js")).registerExport,
};

const program = new Command("rapport")
  .description(
    "Rapport: alliance-informed care. Run a command with --help for details.",
  )
  .showHelpAfterError();
const requested = process.argv[2];
const names =
  requested !== undefined && requested in COMMANDS
    ? [requested]
    : Object.keys(COMMANDS).filter((name) => name !== "restore");
for (const name of names) (await COMMANDS[name]!())(program);

await program.parseAsync(process.argv);
