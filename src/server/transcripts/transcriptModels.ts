// The bundled transcript models (models/transcripts.json), read and compiled once per process
// (the first analysis pays for it); the transcript thread reads and compiles its own copy once.
// Beside them, models/transcripts.eval.json: their cross-validated F1 per code, which the feedback
// gate reads; it counts only when it names this model file's SHA-256 (a retrain voids it).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import {
  codeReliability,
  loadTranscriptModels,
  type CodeReliability,
  type TranscriptModels,
} from "../../core/transcripts/index.js";

// The package root is three levels up from src/server/transcripts/ and dist/server/transcripts/.
const MODEL_URL = new URL("../../../models/transcripts.json", import.meta.url);
const EVALUATION_URL = new URL(
  "../../../models/transcripts.eval.json",
  import.meta.url,
);

let fileText: Promise<string> | undefined;
let models: Promise<TranscriptModels> | undefined;

/** The model file's text, read once. */
function transcriptModelFile(): Promise<string> {
  fileText ??= readFile(MODEL_URL, "utf8");
  return fileText;
}

/** The evaluation of exactly this model text, or null when missing, malformed or stale. */
export async function recordedReliability(
  modelText: string,
  evaluationUrl: URL = EVALUATION_URL,
): Promise<CodeReliability | null> {
  let evaluation: unknown;
  try {
    evaluation = JSON.parse(await readFile(evaluationUrl, "utf8"));
  } catch {
    return null; // no record: the gate withholds what rests on trained codes
  }
  const sha = createHash("sha256").update(modelText).digest("hex");
  return codeReliability(evaluation, sha);
}

/** The compiled models, loaded once. */
export function bundledTranscriptModels(): Promise<TranscriptModels> {
  models ??= transcriptModelFile().then(async (text) =>
    loadTranscriptModels(JSON.parse(text), await recordedReliability(text)),
  );
  return models;
}
