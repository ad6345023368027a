// A fast path to the same active feature indices as features.ts + activeFeatures: each token is
// looked up once, and per-kind tables replace building feature strings. A test checks that both
// paths agree.
import { END, START, featureToken, lengthBucket } from "./features.js";

const KINDS = ["w", "s", "e", "p", "pe"] as const;
type Kind = (typeof KINDS)[number];

export interface CompiledVocabulary {
  tokenIds: Map<string, number>;
  tables: Record<Kind, number[]>;
  /** bigrams[first token id] maps the second token id to a feature index. */
  bigrams: Map<number, number>[];
  fixed: Map<string, number>;
  size: number;
  enders: number[];
  seen: Int32Array;
  stamp: number;
}

/** Ids of tokens known to the vocabulary (-1 for unknown). */
export type TokenIds = Int32Array;

function tokenId(v: CompiledVocabulary, token: string): number {
  let id = v.tokenIds.get(token);
  if (id === undefined) {
    id = v.tokenIds.size;
    v.tokenIds.set(token, id);
    for (const kind of KINDS) v.tables[kind].push(-1);
  }
  return id;
}

function addFeature(
  v: CompiledVocabulary,
  feature: string,
  index: number,
): void {
  const colon = feature.indexOf(":");
  const kind = feature.slice(0, colon);
  const rest = feature.slice(colon + 1);
  if (kind === "b") {
    const [a = "", b = ""] = rest.split(" ");
    const first = tokenId(v, a);
    (v.bigrams[first] ??= new Map()).set(tokenId(v, b), index);
  } else if ((KINDS as readonly string[]).includes(kind)) {
    v.tables[kind as Kind][tokenId(v, rest)] = index;
  } else v.fixed.set(feature, index);
}

/**
 * Builds lookup tables from a model file's vocabulary (feature names in index order). Pass the
 * token map of another compiled vocabulary to share token ids between the roles' models.
 */
export function compileVocabulary(
  vocabulary: readonly string[],
  shared = new Map<string, number>(),
): CompiledVocabulary {
  const v: CompiledVocabulary = {
    tokenIds: shared,
    tables: { w: [], s: [], e: [], p: [], pe: [] },
    bigrams: [],
    fixed: new Map(),
    size: vocabulary.length,
    enders: [],
    seen: new Int32Array(vocabulary.length),
    stamp: 0,
  };
  tokenId(v, START);
  tokenId(v, END);
  for (const kind of KINDS)
    v.tables[kind] = new Array<number>(shared.size).fill(-1);
  v.enders = [".", "?", "!"].map((token) => tokenId(v, token));
  vocabulary.forEach((feature, index) => addFeature(v, feature, index));
  return v;
}

/** Token ids for one utterance's tokens. */
export function tokenIds(
  v: CompiledVocabulary,
  tokens: readonly string[],
): TokenIds {
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++)
    ids[i] = v.tokenIds.get(featureToken(tokens[i]!)) ?? -1;
  return ids;
}

class ActiveSet {
  readonly items: number[] = [];
  constructor(private readonly v: CompiledVocabulary) {
    v.stamp += 1;
    if (v.stamp === 0x7fffffff) {
      v.seen.fill(0);
      v.stamp = 1;
    }
  }
  add(index: number | undefined): void {
    if (index === undefined || index < 0 || this.v.seen[index] === this.v.stamp)
      return;
    this.v.seen[index] = this.v.stamp;
    this.items.push(index);
  }
}

function addWords(v: CompiledVocabulary, ids: TokenIds, set: ActiveSet): void {
  let previous = v.tokenIds.get(START)!;
  let sentenceStart = true;
  for (const id of ids) {
    if (id >= 0) {
      set.add(v.tables.w[id]);
      if (sentenceStart) set.add(v.tables.s[id]);
      if (previous >= 0) set.add(v.bigrams[previous]?.get(id));
    }
    sentenceStart = id >= 0 && v.enders.includes(id);
    previous = id;
  }
  if (previous >= 0) set.add(v.bigrams[previous]?.get(v.tokenIds.get(END)!));
  if (previous >= 0) set.add(v.tables.e[previous]);
}

/** The same indices as activeFeatures(utteranceFeatures(...)), from token ids. */
export function compiledActive(
  v: CompiledVocabulary,
  ids: TokenIds,
  previous: TokenIds | undefined,
  sameRole: boolean,
): Int32Array {
  const set = new ActiveSet(v);
  set.add(v.fixed.get("<bias>"));
  set.add(v.fixed.get(`len:${lengthBucket(ids.length)}`));
  addWords(v, ids, set);
  if (!previous) {
    set.add(v.fixed.get("ctx:none"));
    return Int32Array.from(set.items);
  }
  set.add(v.fixed.get(sameRole ? "ctx:same" : "ctx:other"));
  set.add(v.fixed.get(`plen:${lengthBucket(previous.length)}`));
  for (const id of previous) if (id >= 0) set.add(v.tables.p[id]);
  const last =
    previous.length > 0
      ? previous[previous.length - 1]!
      : v.tokenIds.get(START)!;
  if (last >= 0) set.add(v.tables.pe[last]);
  return Int32Array.from(set.items);
}
