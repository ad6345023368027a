// Multinomial logistic regression over a shared feature vocabulary; weights are stored flat,
// feature-major (weights[feature * labels.length + label]). Binary features are scaled to unit
// length (value 1/sqrt(active count)), so long utterances do not swamp the bias.

export interface LinearModel<L extends string = string> {
  labels: readonly L[];
  bias: readonly number[];
  weights: readonly number[] | Float64Array;
}

export interface Prediction<L extends string = string> {
  label: L;
  confidence: number;
}

/** The value each active feature takes: unit L2 norm over the utterance's features. */
export function featureValue(activeCount: number): number {
  return activeCount === 0 ? 0 : 1 / Math.sqrt(activeCount);
}

/** Softmax probabilities for the active feature indices. */
export function probabilities(
  model: LinearModel,
  active: readonly number[] | Int32Array,
): number[] {
  const k = model.labels.length;
  const sums = new Array<number>(k).fill(0);
  for (const feature of active) {
    const offset = feature * k;
    for (let label = 0; label < k; label++)
      sums[label]! += model.weights[offset + label]!;
  }
  const scale = featureValue(active.length);
  const scores = model.bias.map((bias, label) => bias + scale * sums[label]!);
  const max = Math.max(...scores);
  let total = 0;
  for (let label = 0; label < k; label++) {
    scores[label] = Math.exp(scores[label]! - max);
    total += scores[label]!;
  }
  return scores.map((score) => score / total);
}

/** The most probable label and its probability. */
export function predict<L extends string>(
  model: LinearModel<L>,
  active: readonly number[] | Int32Array,
): Prediction<L> {
  const probs = probabilities(model, active);
  let best = 0;
  for (let label = 1; label < probs.length; label++)
    if (probs[label]! > probs[best]!) best = label;
  return { label: model.labels[best]!, confidence: probs[best]! };
}
