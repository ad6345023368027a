// Prints macro-F1 per task from transcript-grouped 5-fold CV on AnnoMI, and per-level F1 of the
// empathy levels on EPITOME's Reddit dev split, as shipped and by the rules alone (evaluation
// only: nothing is fitted to it).
// It also records the per-task F1 in models/transcripts.eval.json, keyed to the model file's
// SHA-256: the feedback gate reads it at runtime (src/core/transcripts/profile/feedbackGate.ts).
// Usage: tsx scripts/eval-transcripts.ts
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  byTranscript,
  readAnnoMiFull,
  type LabelledUtterance,
} from "../src/core/transcripts/training/annomi.js";
import { assignRoles } from "../src/core/transcripts/roles.js";
import {
  featurize,
  type FeaturedUtterance,
} from "../src/core/transcripts/training/trainModels.js";
import { DEFAULT_TRAINING } from "../src/core/transcripts/training/logisticRegression.js";
import {
  crossValidate,
  type CvTask,
  type TaskScore,
} from "../src/core/transcripts/training/crossValidate.js";
import { parseCsvRecords } from "../src/core/transcripts/training/csv.js";
import {
  f1PerClass,
  macroF1,
} from "../src/core/transcripts/training/metrics.js";
import {
  empathyLevels,
  type EmpathyLevels,
} from "../src/core/transcripts/coding/empathy.js";
import { tokenize } from "../src/core/transcripts/coding/tokenize.js";
import type { TranscriptModels } from "../src/core/transcripts/coding/modelBundle.js";
import { analyzeTranscript } from "../src/core/transcripts/index.js";
import { loadBundledModels } from "../src/cli/analyze.js";
import type { ModelEvaluationFile } from "../src/core/transcripts/coding/modelEvaluation.js";
import { ANNOMI_FULL, MODEL_PATH, SEED } from "./train-transcripts.js";

const EVALUATION_PATH = fileURLToPath(
  new URL("../models/transcripts.eval.json", import.meta.url),
);

const round4 = (value: number) => Math.round(value * 10000) / 10000;

/** Records the scores beside the model they belong to (the feedback gate's input). */
function writeEvaluation(scores: Record<CvTask, TaskScore>): void {
  const model = readFileSync(MODEL_PATH);
  const record: ModelEvaluationFile = {
    format: "rapport-transcript-evaluation",
    version: 1,
    modelSha256: createHash("sha256").update(model).digest("hex"),
    method: `transcript-grouped 5-fold cross-validation on AnnoMI-full.train.csv, seed ${SEED}`,
    tasks: Object.fromEntries(
      Object.entries(scores).map(([task, score]) => [
        task,
        {
          n: score.n,
          macroF1: round4(score.macroF1),
          perClass: Object.fromEntries(
            Object.entries(score.perClass).map(([c, f]) => [c, round4(f)]),
          ),
        },
      ]),
    ),
  };
  writeFileSync(EVALUATION_PATH, `${JSON.stringify(record, null, 2)}\n`);
}

const EPITOME = fileURLToPath(
  new URL(
    "../../shared/data/epitome-dev/epitome_reddit_dev.csv",
    import.meta.url,
  ),
);
const FLOOR: Partial<Record<CvTask, [number, number]>> = {
  behaviour: [0.74, 0.86],
  talk: [0.59, 0.74],
  questionType: [0.72, 0.82],
  reflectionType: [0.55, 0.58],
};

/** The floor model on the same folds: binary word unigrams and bigrams, no class weights, L2 1e-4. */
function plainBaseline(items: readonly FeaturedUtterance[]) {
  const plain = items.map((item) => ({
    utterance: item.utterance,
    features: item.features.filter(
      (f) => f === "<bias>" || f.startsWith("w:") || f.startsWith("b:"),
    ),
  }));
  return crossValidate(plain, 5, SEED, {
    ...DEFAULT_TRAINING,
    l2: 1e-4,
    classWeighting: "none",
    featureWeighting: "binary",
  });
}

function printCv(utterances: readonly LabelledUtterance[]): void {
  const items = featurize(utterances, tokenize);
  const scores = crossValidate(items, 5, SEED);
  writeEvaluation(scores);
  const plain = plainBaseline(items);
  console.log("AnnoMI, transcript-grouped 5-fold CV (seed %d)\n", SEED);
  console.log(
    "| task | n | macro-F1 | word n-gram LR, same folds | floor (held-out) | human | per class |\n|---|---|---|---|---|---|---|",
  );
  for (const [task, score] of Object.entries(scores) as [
    CvTask,
    (typeof scores)[CvTask],
  ][]) {
    const [floor, human] = FLOOR[task] ?? [];
    const perClass = Object.entries(score.perClass)
      .map(([c, f]) => `${c} ${f.toFixed(2)}`)
      .join(", ");
    console.log(
      `| ${task} | ${score.n} | ${score.macroF1.toFixed(3)} | ${plain[task].macroF1.toFixed(3)} | ${floor ?? "–"} | ${human ?? "–"} | ${perClass} |`,
    );
  }
}

/**
 * Each EPITOME pair as a two-utterance transcript (the seeker's post, then the response as the
 * therapist's), coded as `rapport analyze` codes it: the rules plus the reflection and question
 * codes (a complex reflection counts as strong interpretation, an open question as exploration).
 */
function shippedLevels(
  rows: readonly Record<string, string>[],
  models: TranscriptModels,
): EmpathyLevels[] {
  return rows.map((row) => {
    const result = analyzeTranscript(
      [
        { speaker: "Seeker", text: row.seeker_post ?? "", line: 1 },
        { speaker: "Responder", text: row.response_post ?? "", line: 2 },
      ],
      models,
      { therapist: "Responder" },
    );
    const empathy = result.ok ? result.analysis.utterances[1]?.empathy : null;
    if (!empathy) throw new Error(`EPITOME row ${row.rp_id} was not coded`);
    return empathy;
  });
}

async function printEmpathy(): Promise<void> {
  const rows = parseCsvRecords(readFileSync(EPITOME, "utf8"));
  const variants: [string, EmpathyLevels[]][] = [
    ["as shipped", shippedLevels(rows, await loadBundledModels())],
    ["rules alone", rows.map((row) => empathyLevels(row.response_post ?? ""))],
  ];
  const columns: Record<keyof EmpathyLevels, string> = {
    emotionalReaction: "er_level",
    interpretation: "ip_level",
    exploration: "ex_level",
  };
  console.log(
    "\nEPITOME Reddit dev (n = %d), F1 per level; evaluation only, nothing is fitted to it\n",
    rows.length,
  );
  console.log(
    "| mechanism | levels | F1 level 0 | F1 level 1 | F1 level 2 | macro-F1 |\n|---|---|---|---|---|---|",
  );
  for (const [mechanism, column] of Object.entries(columns) as [
    keyof EmpathyLevels,
    string,
  ][]) {
    const gold = rows.map((row) => row[column] ?? "0");
    for (const [name, predicted] of variants) {
      const guess = predicted.map((levels) => String(levels[mechanism]));
      const f1 = f1PerClass(gold, guess, ["0", "1", "2"]);
      console.log(
        `| ${mechanism} | ${name} | ${f1["0"]!.toFixed(3)} | ${f1["1"]!.toFixed(3)} | ${f1["2"]!.toFixed(3)} | ${macroF1(gold, guess).toFixed(3)} |`,
      );
    }
  }
}

/** How often inference (no --therapist) finds the therapist of an AnnoMI transcript. */
function printRoleInference(utterances: readonly LabelledUtterance[]): void {
  const transcripts = byTranscript(utterances);
  const found = transcripts.filter((group) => {
    const result = assignRoles(
      group.map((u, i) => ({
        speaker: u.role === "therapist" ? "A" : "B",
        text: u.text,
        line: i + 1,
      })),
    );
    return result.ok && result.roles.get("A") === "therapist";
  }).length;
  console.log(
    "\nRole inference: the therapist found in %d of %d AnnoMI transcripts",
    found,
    transcripts.length,
  );
}

const started = performance.now();
const annomi = readAnnoMiFull(readFileSync(ANNOMI_FULL, "utf8"));
printCv(annomi);
await printEmpathy();
printRoleInference(annomi);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
