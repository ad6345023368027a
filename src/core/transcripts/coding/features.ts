// Sparse binary features of an utterance: word unigrams and bigrams, sentence openers, question
// marks, length, and the previous utterance's words and speaker (context, as in MISC's sequential
// coding, clinical-facts §5.2).

export interface UtteranceContext {
  /** Tokens of the previous utterance, if any. */
  previousTokens: readonly string[] | undefined;
  /** Whether the previous utterance was by the same role. */
  previousSameRole: boolean;
}

const SENTENCE_END = new Set([".", "?", "!"]);

function wordFeatures(tokens: readonly string[], out: string[]): void {
  let previous = "<s>";
  let sentenceStart = true;
  for (const raw of tokens) {
    const token = /^\d/.test(raw) ? "<num>" : raw;
    out.push(`w:${token}`, `b:${previous}_${token}`);
    if (sentenceStart) out.push(`s:${token}`);
    sentenceStart = SENTENCE_END.has(token);
    previous = token;
  }
  out.push(`b:${previous}_</s>`, `e:${previous}`);
}

function lengthBucket(count: number): string {
  return `len:${Math.min(6, Math.floor(Math.log2(count + 1)))}`;
}

/** Feature names for one utterance; duplicates are harmless (features are binary). */
export function utteranceFeatures(tokens: readonly string[], context: UtteranceContext): string[] {
  const out: string[] = ["<bias>", lengthBucket(tokens.length)];
  wordFeatures(tokens, out);
  const previous = context.previousTokens;
  if (!previous) {
    out.push("p:<none>");
    return out;
  }
  out.push(context.previousSameRole ? "p:<same>" : "p:<other>", `p:${lengthBucket(previous.length)}`);
  for (const token of previous) out.push(`p:${token}`);
  out.push(`pe:${previous.at(-1) ?? ""}`);
  return out;
}

/** Features for every utterance of one transcript, each with its predecessor as context. */
export function transcriptFeatures(tokens: readonly (readonly string[])[], roles: readonly string[]): string[][] {
  return tokens.map((current, i) =>
    utteranceFeatures(current, {
      previousTokens: i > 0 ? tokens[i - 1] : undefined,
      previousSameRole: i > 0 && roles[i - 1] === roles[i],
    }),
  );
}

/** Indices of the features the vocabulary knows, without duplicates. */
export function activeFeatures(features: readonly string[], index: ReadonlyMap<string, number>): Int32Array {
  const seen = new Set<number>();
  for (const feature of features) {
    const position = index.get(feature);
    if (position !== undefined) seen.add(position);
  }
  return Int32Array.from(seen);
}
