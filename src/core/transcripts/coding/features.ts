// Sparse binary features of an utterance: word unigrams and bigrams, sentence openers, the last
// token (often "?"), length, and the previous and next utterances' words and speakers (context:
// MISC coders code each utterance with the transcript around it, clinical-facts §5.2; the
// client's reply shows whether a therapist utterance asked, reflected or informed). These string
// names define the features; the model file stores them, and compiledFeatures.ts computes the
// same set faster at inference.

export interface UtteranceContext {
  /** Tokens of the previous utterance, if any. */
  previousTokens: readonly string[] | undefined;
  /** Whether the previous utterance was by the same role. */
  previousSameRole: boolean;
  /** Tokens of the next utterance, if any. */
  nextTokens: readonly string[] | undefined;
  /** Whether the next utterance is by the same role. */
  nextSameRole: boolean;
}

export const SENTENCE_END: ReadonlySet<string> = new Set([".", "?", "!"]);
export const START = "<s>";
export const END = "</s>";

/**
 * Numbers collapse to one token; everything else is wink-nlp's normal form, folded to lower case
 * with the contraction "n't" written "not". wink-nlp's normal form keeps the case of the text
 * ("No", "NEVER", "I") and leaves "n't" as it is, so without folding the same word gets several
 * features and a transcript written in another case convention (all-caps captions, lower-case
 * ASR) would miss most of the vocabulary.
 */
export function featureToken(raw: string): string {
  const first = raw.charCodeAt(0);
  if (first >= 48 && first <= 57) return "<num>";
  const lower = raw.toLowerCase();
  return lower === "n't" ? "not" : lower;
}

/** log2 length bucket, capped at 6 (64+ tokens). */
export function lengthBucket(count: number): number {
  return Math.min(6, Math.floor(Math.log2(count + 1)));
}

function wordFeatures(tokens: readonly string[], out: string[]): void {
  let previous = START;
  let sentenceStart = true;
  for (const raw of tokens) {
    const token = featureToken(raw);
    out.push(`w:${token}`, `b:${previous} ${token}`);
    if (sentenceStart) out.push(`s:${token}`);
    sentenceStart = SENTENCE_END.has(token);
    previous = token;
  }
  out.push(`b:${previous} ${END}`, `e:${previous}`);
}

function previousFeatures(context: UtteranceContext, out: string[]): void {
  const previous = context.previousTokens;
  if (!previous) {
    out.push("ctx:none");
    return;
  }
  out.push(
    context.previousSameRole ? "ctx:same" : "ctx:other",
    `plen:${lengthBucket(previous.length)}`,
  );
  for (const token of previous) out.push(`p:${featureToken(token)}`);
  out.push(`pe:${featureToken(previous.at(-1) ?? START)}`);
}

function nextFeatures(context: UtteranceContext, out: string[]): void {
  const next = context.nextTokens;
  if (!next) {
    out.push("nctx:none");
    return;
  }
  out.push(
    context.nextSameRole ? "nctx:same" : "nctx:other",
    `nlen:${lengthBucket(next.length)}`,
  );
  for (const token of next) out.push(`n:${featureToken(token)}`);
}

/** Feature names for one utterance; duplicates are harmless (features are binary). */
export function utteranceFeatures(
  tokens: readonly string[],
  context: UtteranceContext,
): string[] {
  const out: string[] = ["<bias>", `len:${lengthBucket(tokens.length)}`];
  wordFeatures(tokens, out);
  previousFeatures(context, out);
  nextFeatures(context, out);
  return out;
}

/** Features for every utterance of one transcript, with its neighbours as context. */
export function transcriptFeatures(
  tokens: readonly (readonly string[])[],
  roles: readonly string[],
): string[][] {
  return tokens.map((current, i) =>
    utteranceFeatures(current, {
      previousTokens: i > 0 ? tokens[i - 1] : undefined,
      previousSameRole: i > 0 && roles[i - 1] === roles[i],
      nextTokens: tokens[i + 1],
      nextSameRole: i + 1 < tokens.length && roles[i + 1] === roles[i],
    }),
  );
}

/** Indices of the features the vocabulary knows, without duplicates. */
export function activeFeatures(
  features: readonly string[],
  index: ReadonlyMap<string, number>,
): Int32Array {
  const seen = new Set<number>();
  for (const feature of features) {
    const position = index.get(feature);
    if (position !== undefined) seen.add(position);
  }
  return Int32Array.from(seen);
}
