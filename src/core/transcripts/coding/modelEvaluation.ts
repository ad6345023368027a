// The shipped model's cross-validated F1 per code (models/transcripts.eval.json, written by
// `npm run eval:transcripts`). The record names the SHA-256 of the model file it scored, so a
// retrained model is never vouched for by an old evaluation: the feedback gate then has no F1 and
// withholds every sentence that rests on a trained code until the evaluation is re-run.

/** One task's scores from transcript-grouped cross-validation. */
export interface TaskEvaluation {
  n: number;
  macroF1: number;
  perClass: Record<string, number>;
}

export interface ModelEvaluationFile {
  format: "rapport-transcript-evaluation";
  version: 1;
  /** SHA-256 (hex) of the exact models/transcripts.json that was scored. */
  modelSha256: string;
  method: string;
  tasks: Record<string, TaskEvaluation>;
}

/** The codes a feedback sentence can rest on, each with the F1 of the class the sentence counts. */
export const RELIABILITY_CODES = {
  reflection: { task: "reflectionPresent", label: "yes", name: "reflection" },
  question: { task: "questionPresent", label: "yes", name: "question" },
  // As `rapport analyze` emits them: a subtype only where a reflection is detected.
  simpleReflection: {
    task: "reflectionTypeAsOutput",
    label: "simple",
    name: "simple-reflection",
  },
  complexReflection: {
    task: "reflectionTypeAsOutput",
    label: "complex",
    name: "complex-reflection",
  },
  changeTalk: { task: "talk", label: "change", name: "change-talk" },
  sustainTalk: { task: "talk", label: "sustain", name: "sustain-talk" },
} as const;

export type ReliabilityCode = keyof typeof RELIABILITY_CODES;

/** Cross-validated F1 per code; a code is absent when the evaluation did not score it. */
export type CodeReliability = Partial<Record<ReliabilityCode, number>>;

const isF1 = (value: unknown): value is number =>
  typeof value === "number" && value >= 0 && value <= 1;

/**
 * The per-code F1 of an evaluation record, or null when it is malformed or scored another model.
 * @example codeReliability(JSON.parse(evalText), sha256(modelText))?.sustainTalk // 0.29
 */
export function codeReliability(
  json: unknown,
  modelSha256: string,
): CodeReliability | null {
  const file = json as Partial<ModelEvaluationFile> | null;
  if (
    file?.format !== "rapport-transcript-evaluation" ||
    file.version !== 1 ||
    file.modelSha256 !== modelSha256 ||
    typeof file.tasks !== "object" ||
    file.tasks === null
  )
    return null;
  const reliability: CodeReliability = {};
  for (const [code, { task, label }] of Object.entries(RELIABILITY_CODES)) {
    const f1 = file.tasks[task]?.perClass?.[label];
    if (isF1(f1)) reliability[code as ReliabilityCode] = f1;
  }
  return reliability;
}
