// All classifiers of one role scored in a single pass: their weights are interleaved per feature
// and multiplied by the feature's idf, so each active feature is read from memory once. Gives the
// same probabilities as linearModel.predict for each task (weights held as 32-bit floats: the file
// has 4 decimals).
import type { LinearModel, Prediction } from "./linearModel.js";

export interface FusedModels<T extends string> {
  tasks: readonly { task: T; labels: readonly string[]; offset: number }[];
  width: number;
  /** Weights times idf, feature-major: weights[feature * width + offset + label]. */
  weights: Float32Array;
  /** Each feature's idf squared, for the unit-length scale. */
  squares: Float64Array;
  bias: Float64Array;
  /** Scratch space for the scores of one utterance (predictAll is synchronous). */
  sums: Float64Array;
}

export function fuseModels<T extends string>(
  models: Record<T, LinearModel>,
  tasks: readonly T[],
  idf: readonly number[],
): FusedModels<T> {
  const featureCount = idf.length;
  let width = 0;
  const layout = tasks.map((task) => {
    const entry = { task, labels: models[task].labels, offset: width };
    width += entry.labels.length;
    return entry;
  });
  const weights = new Float32Array(featureCount * width);
  const bias = new Float64Array(width);
  for (const { task, labels, offset } of layout) {
    const k = labels.length;
    const model = models[task];
    for (let label = 0; label < k; label++)
      bias[offset + label] = model.bias[label]!;
    for (let f = 0; f < featureCount; f++) {
      for (let label = 0; label < k; label++)
        weights[f * width + offset + label] =
          model.weights[f * k + label]! * idf[f]!;
    }
  }
  return {
    tasks: layout,
    width,
    weights,
    squares: Float64Array.from(idf, (w) => w * w),
    bias,
    sums: new Float64Array(width),
  };
}

function softmaxBest(
  sums: Float64Array,
  bias: Float64Array,
  offset: number,
  k: number,
  scale: number,
): [number, number] {
  let best = 0;
  let max = -Infinity;
  for (let label = 0; label < k; label++) {
    const score = bias[offset + label]! + scale * sums[offset + label]!;
    sums[offset + label] = score;
    if (score > max) {
      max = score;
      best = label;
    }
  }
  let total = 0;
  for (let label = 0; label < k; label++)
    total += Math.exp(sums[offset + label]! - max);
  return [best, 1 / total];
}

/** The most probable label and its probability for every task. */
export function predictAll<T extends string>(
  fused: FusedModels<T>,
  active: readonly number[] | Int32Array,
): Record<T, Prediction> {
  const { width, weights, squares, sums } = fused;
  sums.fill(0);
  let norm = 0;
  for (const feature of active) {
    const base = feature * width;
    norm += squares[feature]!;
    for (let j = 0; j < width; j++) sums[j]! += weights[base + j]!;
  }
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  const result = {} as Record<T, Prediction>;
  for (const { task, labels, offset } of fused.tasks) {
    const [best, confidence] = softmaxBest(
      sums,
      fused.bias,
      offset,
      labels.length,
      scale,
    );
    result[task] = { label: labels[best]!, confidence };
  }
  return result;
}
