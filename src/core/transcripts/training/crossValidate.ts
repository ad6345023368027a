// Transcript-grouped k-fold cross-validation of every task; subtype tasks are scored on the
// utterances whose gold label has that subtype (question -> open/closed, reflection -> simple/complex).
import { activeFeatures } from "../coding/features.js";
import { subtypeShown } from "../coding/codeUtterance.js";
import { predict, type LinearModel } from "../coding/linearModel.js";
import type { LabelledUtterance } from "./annomi.js";
import { groupedFolds } from "./groupedFolds.js";
import { macroF1, f1PerClass } from "./metrics.js";
import {
  CLIENT_LABELLERS,
  THERAPIST_LABELLERS,
  trainRole,
  type FeaturedUtterance,
} from "./trainModels.js";
import type { TrainingOptions } from "./logisticRegression.js";

export const CV_TASKS = {
  behaviour: {
    role: "therapist",
    label: (u: LabelledUtterance) => u.behaviour,
  },
  talk: { role: "client", label: (u: LabelledUtterance) => u.talk },
  questionType: { role: "therapist", label: THERAPIST_LABELLERS.questionType },
  reflectionType: {
    role: "therapist",
    label: THERAPIST_LABELLERS.reflectionType,
  },
  reflectionPresent: {
    role: "therapist",
    label: THERAPIST_LABELLERS.reflectionPresent,
  },
  questionPresent: {
    role: "therapist",
    label: THERAPIST_LABELLERS.questionPresent,
  },
  /** The subtypes as `rapport analyze` outputs them: null (a miss) unless one is detected. */
  questionTypeAsOutput: {
    role: "therapist",
    label: THERAPIST_LABELLERS.questionType,
  },
  reflectionTypeAsOutput: {
    role: "therapist",
    label: THERAPIST_LABELLERS.reflectionType,
  },
} as const;

export type CvTask = keyof typeof CV_TASKS;
type ModelTask = Exclude<
  CvTask,
  "questionTypeAsOutput" | "reflectionTypeAsOutput"
>;

/** Output tasks: the subtype model's label only where codeTherapist shows it, else "none". */
const OUTPUT_GATES: Partial<
  Record<
    CvTask,
    { kind: "reflection" | "question"; present: ModelTask; subtype: ModelTask }
  >
> = {
  questionTypeAsOutput: {
    kind: "question",
    present: "questionPresent",
    subtype: "questionType",
  },
  reflectionTypeAsOutput: {
    kind: "reflection",
    present: "reflectionPresent",
    subtype: "reflectionType",
  },
};

export interface TaskScore {
  macroF1: number;
  perClass: Record<string, number>;
  n: number;
}

type Pairs = Record<CvTask, { gold: string[]; predicted: string[] }>;

function scoreFold(
  test: readonly FeaturedUtterance[],
  models: Record<ModelTask, LinearModel>,
  indices: Record<"therapist" | "client", Map<string, number>>,
  idf: Record<"therapist" | "client", readonly number[]>,
  pairs: Pairs,
): void {
  for (const task of Object.keys(CV_TASKS) as CvTask[]) {
    const { role, label } = CV_TASKS[task];
    const gate = OUTPUT_GATES[task];
    for (const item of test) {
      const gold = label(item.utterance);
      if (item.utterance.role !== role || gold === null) continue;
      const active = activeFeatures(item.features, indices[role]);
      const predicted = (t: ModelTask) =>
        predict(models[t], active, idf[role]).label;
      pairs[task].gold.push(gold);
      pairs[task].predicted.push(
        !gate
          ? predicted(task as ModelTask)
          : subtypeShown(
                gate.kind,
                predicted("behaviour"),
                predicted(gate.present),
              )
            ? predicted(gate.subtype)
            : "none",
      );
    }
  }
}

/** Macro-F1 per task over k transcript-grouped folds. */
export function crossValidate(
  items: readonly FeaturedUtterance[],
  k: number,
  seed: number,
  options?: TrainingOptions,
): Record<CvTask, TaskScore> {
  const folds = groupedFolds(
    items.map((i) => i.utterance.transcriptId),
    k,
    seed,
  );
  const pairs = Object.fromEntries(
    Object.keys(CV_TASKS).map((t) => [t, { gold: [], predicted: [] }]),
  ) as unknown as Pairs;
  for (let fold = 0; fold < k; fold++) {
    const train = items.filter(
      (i) => folds.get(i.utterance.transcriptId) !== fold,
    );
    const test = items.filter(
      (i) => folds.get(i.utterance.transcriptId) === fold,
    );
    const therapist = trainRole(
      train,
      "therapist",
      THERAPIST_LABELLERS,
      options,
    );
    const client = trainRole(train, "client", CLIENT_LABELLERS, options);
    const models = { ...therapist.models, ...client.models } as Record<
      ModelTask,
      LinearModel
    >;
    const indices = {
      therapist: new Map(therapist.vocabulary.map((f, i) => [f, i])),
      client: new Map(client.vocabulary.map((f, i) => [f, i])),
    };
    const idf = { therapist: therapist.idf, client: client.idf };
    scoreFold(test, models, indices, idf, pairs);
  }
  const scores = Object.entries(pairs).map(([task, { gold, predicted }]) => {
    const classes = [...new Set(gold)].sort();
    return [
      task,
      {
        macroF1: macroF1(gold, predicted),
        perClass: f1PerClass(gold, predicted, classes),
        n: gold.length,
      },
    ];
  });
  return Object.fromEntries(scores) as Record<CvTask, TaskScore>;
}
