// The model file (models/transcripts.json): one feature vocabulary per role with each feature's
// inverse document frequency, shared by that role's classifiers, and the classifiers' weights.
// Validated once when loaded.
import type { LinearModel } from "./linearModel.js";
import {
  compileVocabulary,
  type CompiledVocabulary,
} from "./compiledFeatures.js";
import { fuseModels, type FusedModels } from "./fusedModels.js";
import type { CodeReliability } from "./modelEvaluation.js";

export const THERAPIST_TASKS = [
  "behaviour",
  "reflectionPresent",
  "reflectionType",
  "questionPresent",
  "questionType",
] as const;
export const CLIENT_TASKS = ["talk"] as const;

export type TherapistTask = (typeof THERAPIST_TASKS)[number];
export type ClientTask = (typeof CLIENT_TASKS)[number];

export interface RoleModels<T extends string> {
  vocabulary: readonly string[];
  /** Inverse document frequency of each vocabulary feature, in vocabulary order. */
  idf: readonly number[];
  models: Record<T, LinearModel>;
}

export interface TranscriptModelFile {
  format: "rapport-transcript-models";
  version: 2;
  trainedOn: string;
  seed: number;
  therapist: RoleModels<TherapistTask>;
  client: RoleModels<ClientTask>;
}

export interface LoadedRoleModels<T extends string> extends RoleModels<T> {
  index: ReadonlyMap<string, number>;
  compiled: CompiledVocabulary;
  fused: FusedModels<T>;
}

export interface TranscriptModels {
  therapist: LoadedRoleModels<TherapistTask>;
  client: LoadedRoleModels<ClientTask>;
  /** Cross-validated F1 per code for these models (codeReliability), or null when none is on record. */
  reliability: CodeReliability | null;
}

function isModel(value: unknown, features: number): value is LinearModel {
  if (typeof value !== "object" || value === null) return false;
  const model = value as Record<string, unknown>;
  const labels = model.labels;
  return (
    Array.isArray(labels) &&
    labels.every((label) => typeof label === "string") &&
    Array.isArray(model.bias) &&
    model.bias.length === labels.length &&
    Array.isArray(model.weights) &&
    model.weights.length === features * labels.length
  );
}

function loadRole<T extends string>(
  value: unknown,
  tasks: readonly T[],
  tokenIds: Map<string, number>,
): LoadedRoleModels<T> {
  const role = value as Partial<RoleModels<T>> | undefined;
  const vocabulary = role?.vocabulary;
  if (!Array.isArray(vocabulary))
    throw new Error("Model file lacks a vocabulary.");
  const idf = role?.idf;
  if (
    !Array.isArray(idf) ||
    idf.length !== vocabulary.length ||
    !idf.every((w) => typeof w === "number" && w > 0)
  )
    throw new Error("Model file lacks feature weights (idf).");
  for (const task of tasks) {
    if (!isModel(role?.models?.[task], vocabulary.length))
      throw new Error(`Model file lacks a valid "${task}" model.`);
  }
  const index = new Map(
    vocabulary.map((feature, position) => [feature, position]),
  );
  const models = role!.models!;
  const compiled = compileVocabulary(vocabulary, tokenIds);
  return {
    vocabulary,
    idf,
    models,
    index,
    compiled,
    fused: fuseModels(models, tasks, idf),
  };
}

/** Checks a parsed model file and builds its lookup tables; throws on a malformed file. */
export function loadTranscriptModels(
  json: unknown,
  reliability: CodeReliability | null = null,
): TranscriptModels {
  const file = json as Partial<TranscriptModelFile> | null;
  if (file?.format !== "rapport-transcript-models" || file.version !== 2) {
    throw new Error("Not a Rapport transcript model file (format/version).");
  }
  const tokenIds = new Map<string, number>();
  return {
    therapist: loadRole(file.therapist, THERAPIST_TASKS, tokenIds),
    client: loadRole(file.client, CLIENT_TASKS, tokenIds),
    reliability,
  };
}
