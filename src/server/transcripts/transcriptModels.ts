// The bundled transcript models (models/transcripts.json), read and compiled once per process
// (the first analysis pays for it); the transcript thread reads and compiles its own copy once.
import { readFile } from "node:fs/promises";
import {
  loadTranscriptModels,
  type TranscriptModels,
} from "../../core/transcripts/index.js";

// The package root is three levels up from src/server/transcripts/ and dist/server/transcripts/.
const MODEL_URL = new URL("../../../models/transcripts.json", import.meta.url);

let fileText: Promise<string> | undefined;
let models: Promise<TranscriptModels> | undefined;

/** The model file's text, read once. */
function transcriptModelFile(): Promise<string> {
  fileText ??= readFile(MODEL_URL, "utf8");
  return fileText;
}

/** The compiled models, loaded once. */
export function bundledTranscriptModels(): Promise<TranscriptModels> {
  models ??= transcriptModelFile().then((text) =>
    loadTranscriptModels(JSON.parse(text)),
  );
  return models;
}
