// Trains the transcript models from AnnoMI (public domain) and writes models/transcripts.json.
// Deterministic: full-batch training, sorted vocabulary; the seed only fixes the CV folds of eval.
// Usage: tsx scripts/train-transcripts.ts [output path]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readAnnoMiFull } from "../src/core/transcripts/training/annomi.js";
import {
  featurize,
  trainTranscriptModels,
} from "../src/core/transcripts/training/trainModels.js";
import { tokenize } from "../src/core/transcripts/coding/tokenize.js";
import type { TranscriptModelFile } from "../src/core/transcripts/coding/modelBundle.js";

export const SEED = 20240607;
export const ANNOMI_FULL = fileURLToPath(
  new URL("../../shared/data/annomi/AnnoMI-full.train.csv", import.meta.url),
);
export const MODEL_PATH = fileURLToPath(
  new URL("../models/transcripts.json", import.meta.url),
);

export function trainFromAnnoMi(): TranscriptModelFile {
  const utterances = readAnnoMiFull(readFileSync(ANNOMI_FULL, "utf8"));
  return trainTranscriptModels(
    featurize(utterances, tokenize),
    "AnnoMI-full.train.csv (106 transcripts, majority label per utterance)",
    SEED,
  );
}

/** Compact JSON with a trailing newline; weights are already rounded to 4 decimals. */
export function serialise(file: TranscriptModelFile): string {
  return `${JSON.stringify(file)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const output = process.argv[2] ?? MODEL_PATH;
  writeFileSync(output, serialise(trainFromAnnoMi()));
  console.log(
    `Wrote ${output} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
