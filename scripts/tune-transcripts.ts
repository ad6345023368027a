// Chooses the L2 strength by transcript-grouped 4-fold cross-validation inside the AnnoMI training
// data, with a seed other than the evaluation's so its folds differ; prints macro-F1 per task and
// strength and each task's best (DEFAULT_TRAINING.l2 in training/logisticRegression.ts).
// Usage: tsx scripts/tune-transcripts.ts (about 3 minutes on 2 cores)
import { readFileSync } from "node:fs";
import { readAnnoMiFull } from "../src/core/transcripts/training/annomi.js";
import { featurize } from "../src/core/transcripts/training/trainModels.js";
import { DEFAULT_TRAINING } from "../src/core/transcripts/training/logisticRegression.js";
import {
  crossValidate,
  type CvTask,
} from "../src/core/transcripts/training/crossValidate.js";
import { tokenize } from "../src/core/transcripts/coding/tokenize.js";
import { ANNOMI_FULL, SEED } from "./train-transcripts.js";

const L2_GRID = [1e-4, 3e-4, 1e-3, 3e-3];
const items = featurize(
  readAnnoMiFull(readFileSync(ANNOMI_FULL, "utf8")),
  tokenize,
);
const scores = L2_GRID.map((l2) =>
  crossValidate(items, 4, SEED + 1, { ...DEFAULT_TRAINING, l2 }),
);
const tasks = Object.keys(scores[0]!) as CvTask[];
console.log(`| task | ${L2_GRID.join(" | ")} |`);
const chosen = tasks.map((task) => {
  const row = scores.map((s) => s[task].macroF1);
  console.log(`| ${task} | ${row.map((f) => f.toFixed(3)).join(" | ")} |`);
  const best = row.indexOf(Math.max(...row));
  return `${task} ${L2_GRID[best]}`;
});
console.log(`\nbest per task: ${chosen.join(", ")}`);
