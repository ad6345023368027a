// Multinomial logistic regression over a shared feature vocabulary; weights are stored flat,
// feature-major (weights[feature * labels.length + label]). Features are binary (present or not),
// weighted by inverse document frequency and scaled to unit length (TF-IDF with binary term
// frequency, Salton & Buckley 1988; the usual input of a text classifier), so common words count
// less than telling ones and long utterances do not swamp the bias.

export interface LinearModel<L extends string = string> {
  labels: readonly L[];
  bias: readonly number[];
  weights: readonly number[] | Float64Array;
}

export interface Prediction<L extends string = string> {
  label: L;
  confidence: number;
}

/** The weight of each vocabulary feature (its inverse document frequency). */
export type FeatureWeights = ArrayLike<number>;

/**
 * Smoothed inverse document frequency: 1 + ln((n + 1) / (df + 1)) for a feature present in `df`
 * of `n` training utterances (the smoothing of scikit-learn's TfidfVectorizer).
 * @example inverseDocumentFrequency(3, 100) // 1 + ln(101 / 4) ≈ 4.2288
 */
export function inverseDocumentFrequency(df: number, n: number): number {
  return 1 + Math.log((n + 1) / (df + 1));
}

/** 1 / the length of the weighted vector, so every utterance's features have unit L2 norm. */
export function unitScale(
  active: readonly number[] | Int32Array,
  weights: FeatureWeights,
): number {
  let squares = 0;
  for (const feature of active) squares += weights[feature]! ** 2;
  return squares === 0 ? 0 : 1 / Math.sqrt(squares);
}

/** Softmax probabilities for the active feature indices. */
export function probabilities(
  model: LinearModel,
  active: readonly number[] | Int32Array,
  weights: FeatureWeights,
): number[] {
  const k = model.labels.length;
  const sums = new Array<number>(k).fill(0);
  for (const feature of active) {
    const offset = feature * k;
    const value = weights[feature]!;
    for (let label = 0; label < k; label++)
      sums[label]! += value * model.weights[offset + label]!;
  }
  const scale = unitScale(active, weights);
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
  weights: FeatureWeights,
): Prediction<L> {
  const probs = probabilities(model, active, weights);
  let best = 0;
  for (let label = 1; label < probs.length; label++)
    if (probs[label]! > probs[best]!) best = label;
  return { label: model.labels[best]!, confidence: probs[best]! };
}
