// Trains every transcript classifier from labelled utterances (AnnoMI) into one model file.
import {
  inverseDocumentFrequency,
  type FeatureWeights,
  type LinearModel,
} from "../coding/linearModel.js";
import { activeFeatures, transcriptFeatures } from "../coding/features.js";
import type {
  ClientTask,
  RoleModels,
  TherapistTask,
  TranscriptModelFile,
} from "../coding/modelBundle.js";
import type { Role } from "../transcript.js";
import { byTranscript, type LabelledUtterance } from "./annomi.js";
import {
  trainLogisticRegression,
  type TrainingOptions,
  DEFAULT_TRAINING,
} from "./logisticRegression.js";

export interface FeaturedUtterance {
  utterance: LabelledUtterance;
  features: string[];
}

type Labeller = (utterance: LabelledUtterance) => string | null;

export const THERAPIST_LABELLERS: Record<TherapistTask, Labeller> = {
  behaviour: (u) => u.behaviour,
  reflectionPresent: (u) => (u.reflection ? "yes" : "no"),
  reflectionType: (u) => u.reflection,
  questionPresent: (u) => (u.question ? "yes" : "no"),
  questionType: (u) => u.question,
};

export const CLIENT_LABELLERS: Record<ClientTask, Labeller> = {
  talk: (u) => u.talk,
};

/** Tokenises transcripts (grouped in order) and attaches each utterance's features. */
export function featurize(
  utterances: readonly LabelledUtterance[],
  tokenize: (text: string) => string[],
): FeaturedUtterance[] {
  return byTranscript(utterances).flatMap((group) => {
    const features = transcriptFeatures(
      group.map((u) => tokenize(u.text)),
      group.map((u) => u.role),
    );
    return group.map((utterance, i) => ({ utterance, features: features[i]! }));
  });
}

/** The number of utterances each feature occurs in. */
export function documentFrequencies(
  items: readonly FeaturedUtterance[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const f of new Set(item.features))
      counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}

/** Features seen in at least `minCount` utterances, sorted so the file is stable. */
export function buildVocabulary(
  frequencies: ReadonlyMap<string, number>,
  minCount = 2,
): string[] {
  return [...frequencies]
    .filter(([, count]) => count >= minCount)
    .map(([f]) => f)
    .sort();
}

/** Each vocabulary feature's weight, rounded to 4 decimals as stored in the model file. */
export function featureWeights(
  vocabulary: readonly string[],
  frequencies: ReadonlyMap<string, number>,
  utteranceCount: number,
  weighting: TrainingOptions["featureWeighting"],
): number[] {
  if (weighting === "binary") return vocabulary.map(() => 1);
  return vocabulary.map(
    (f) =>
      Math.round(
        inverseDocumentFrequency(frequencies.get(f) ?? 0, utteranceCount) * 1e4,
      ) / 1e4,
  );
}

function trainTask(
  items: readonly FeaturedUtterance[],
  index: Map<string, number>,
  labeller: Labeller,
  weights: FeatureWeights,
  options: TrainingOptions,
): LinearModel {
  const labelled = items
    .map((item) => ({ item, label: labeller(item.utterance) }))
    .filter((x) => x.label !== null);
  const labels = [...new Set(labelled.map((x) => x.label!))].sort();
  return trainLogisticRegression(
    {
      examples: labelled.map((x) => activeFeatures(x.item.features, index)),
      targets: labelled.map((x) => labels.indexOf(x.label!)),
      labels,
      featureCount: index.size,
      featureWeights: weights,
    },
    options,
  );
}

function rounded(model: LinearModel): LinearModel {
  const round = (w: number) => Math.round(w * 1e4) / 1e4 || 0;
  return {
    labels: model.labels,
    bias: model.bias.map(round),
    weights: Array.from(model.weights, round),
  };
}

export function trainRole<T extends string>(
  items: readonly FeaturedUtterance[],
  role: Role,
  labellers: Record<T, Labeller>,
  options: TrainingOptions = DEFAULT_TRAINING,
): RoleModels<T> {
  const own = items.filter((item) => item.utterance.role === role);
  const frequencies = documentFrequencies(own);
  const vocabulary = buildVocabulary(frequencies);
  const idf = featureWeights(
    vocabulary,
    frequencies,
    own.length,
    options.featureWeighting,
  );
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const entries = (Object.keys(labellers) as T[]).map((task) => [
    task,
    rounded(trainTask(own, index, labellers[task], idf, options)),
  ]);
  return {
    vocabulary,
    idf,
    models: Object.fromEntries(entries) as Record<T, LinearModel>,
  };
}

/** The complete model file for these utterances. */
export function trainTranscriptModels(
  items: readonly FeaturedUtterance[],
  trainedOn: string,
  seed: number,
): TranscriptModelFile {
  return {
    format: "rapport-transcript-models",
    version: 2,
    trainedOn,
    seed,
    therapist: trainRole(items, "therapist", THERAPIST_LABELLERS),
    client: trainRole(items, "client", CLIENT_LABELLERS),
  };
}
