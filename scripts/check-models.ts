// Drift check: retrains the transcript models from AnnoMI and fails if the result differs from the
// committed models/transcripts.json (training is deterministic, ~15 s on 2 cores).
// Usage: tsx scripts/check-models.ts
import { readFileSync } from "node:fs";
import { MODEL_PATH, serialise, trainFromAnnoMi } from "./train-transcripts.js";

const started = performance.now();
const fresh = serialise(trainFromAnnoMi());
const committed = readFileSync(MODEL_PATH, "utf8");
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (fresh === committed) {
  console.log(
    `models/transcripts.json matches a fresh training run (${seconds} s).`,
  );
} else {
  console.error(
    `models/transcripts.json differs from a fresh training run (${seconds} s): run \`npm run train:transcripts\` and commit the result.`,
  );
  process.exitCode = 1;
}
