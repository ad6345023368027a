// `rapport analyze <file> [--format text|json] [--therapist NAME]`: codes a transcript locally and
// prints a report or one JSON document. The file is streamed line by line.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { basename } from "node:path";
import type { Command } from "commander";
import {
  analyzeTranscript,
  createTranscriptParser,
  DEFAULT_FEEDBACK_GATE,
  DEFAULT_FEEDBACK_OPTIONS,
  detectFormat,
  jsonDocument,
  textReport,
  type TranscriptModels,
  type TranscriptParseResult,
} from "../core/transcripts/index.js";
import { bundledTranscriptModels } from "../server/transcripts/transcriptModels.js";

/** Default upload/file limit for transcripts: 20 MiB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Lines read before guessing the format from content (when the extension does not say). */
const HEAD_LINES = 3;

/** The bundled models, loaded once per process (the same loader the server uses). */
export function loadBundledModels(): Promise<TranscriptModels> {
  return bundledTranscriptModels();
}

/** Streams a transcript file through the incremental parser. */
export async function readTranscriptFile(
  path: string,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<TranscriptParseResult> {
  const { size } = await stat(path);
  if (size > maxBytes)
    throw new Error(`${path} is ${size} bytes; the limit is ${maxBytes}.`);
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Infinity,
  });
  const head: string[] = [];
  let parser: ReturnType<typeof createTranscriptParser> | undefined;
  for await (const line of lines) {
    if (parser) parser.pushLine(line);
    else if (head.push(line) >= HEAD_LINES) parser = startParser(path, head);
  }
  return (parser ?? startParser(path, head)).end();
}

function startParser(
  path: string,
  head: readonly string[],
): ReturnType<typeof createTranscriptParser> {
  const parser = createTranscriptParser(
    detectFormat(basename(path), head.join("\n")),
  );
  for (const line of head) parser.pushLine(line);
  return parser;
}

export interface AnalyzeOptions {
  format: "text" | "json";
  therapist?: string;
  maxBytes?: number;
  /** Feedback gate (design choice): state at this F1 or above (default 0.70). */
  stateAtF1?: number;
  /** Hedge at this F1 or above, withhold below (default 0.50). */
  hedgeAtF1?: number;
}

/** Runs the command; returns what to print on stdout, or throws an Error with a user-facing message. */
export async function runAnalyze(
  file: string,
  options: AnalyzeOptions,
): Promise<string> {
  const parsed = await readTranscriptFile(file, options.maxBytes);
  if (!parsed.ok)
    throw new Error(`${file}:${parsed.error.line}: ${parsed.error.message}`);
  const gate = {
    stateAtF1: options.stateAtF1 ?? DEFAULT_FEEDBACK_GATE.stateAtF1,
    hedgeAtF1: options.hedgeAtF1 ?? DEFAULT_FEEDBACK_GATE.hedgeAtF1,
  };
  if (gate.hedgeAtF1 > gate.stateAtF1)
    throw new Error("--hedge-at-f1 must not be above --state-at-f1.");
  const result = analyzeTranscript(
    parsed.utterances,
    await loadBundledModels(),
    {
      ...(options.therapist === undefined
        ? {}
        : { therapist: options.therapist }),
      feedback: { ...DEFAULT_FEEDBACK_OPTIONS, gate },
    },
  );
  if (!result.ok)
    throw new Error(
      `No speaker named "${options.therapist}"; speakers are: ${result.speakers.join(", ")}.`,
    );
  return options.format === "json"
    ? jsonDocument(result.analysis)
    : textReport(result.analysis);
}

function parseF1(value: string): number {
  const f1 = Number(value);
  if (value.trim() === "" || !Number.isFinite(f1) || f1 < 0 || f1 > 1)
    throw new Error(`an F1 threshold must be between 0 and 1, not "${value}".`);
  return f1;
}

function parseFormat(value: string): "text" | "json" {
  if (value !== "text" && value !== "json")
    throw new Error(`--format must be text or json, not "${value}".`);
  return value;
}

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description(
      "Code a session transcript (VTT, SRT, text or JSON) and report an automated estimate of its MI communication profile (not a MITI rating)",
    )
    .argument("<file>", "transcript file")
    .option("--format <format>", "text or json", parseFormat, "text" as const)
    .option(
      "--therapist <name>",
      "speaker name of the therapist (otherwise inferred)",
    )
    .option(
      "--state-at-f1 <f1>",
      "feedback resting on codes with cross-validated F1 at or above this is stated plainly (design choice)",
      parseF1,
      DEFAULT_FEEDBACK_GATE.stateAtF1,
    )
    .option(
      "--hedge-at-f1 <f1>",
      "at or above this it is stated with how sure it is; below, withheld (design choice)",
      parseF1,
      DEFAULT_FEEDBACK_GATE.hedgeAtF1,
    )
    .option(
      "--max-bytes <n>",
      "largest file accepted, in bytes",
      (v) => Number(v),
      DEFAULT_MAX_BYTES,
    )
    .action(async (file: string, options: AnalyzeOptions) => {
      try {
        process.stdout.write(await runAnalyze(file, options));
      } catch (error) {
        process.stderr.write(`rapport analyze: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
