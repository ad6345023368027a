// A fast path to the same active feature indices as features.ts + activeFeatures: each token is
// looked up once, and per-kind tables replace building feature strings. A test checks that both
// paths agree.
import { END, START, featureToken, lengthBucket } from "./features.js";

const KINDS = ["w", "s", "e", "p", "pe", "n"] as const;
type Kind = (typeof KINDS)[number];
const EMPTY: ReadonlyMap<number, number> = new Map();

export interface CompiledVocabulary {
  tokenIds: Map<string, number>;
  tables: Record<Kind, number[]>;
  /** bigrams[first token id] maps the second token id to a feature index. */
  bigrams: (Map<number, number> | ReadonlyMap<number, number>)[];
  fixed: Map<string, number>;
  size: number;
  startId: number;
  endId: number;
  isEnder: Uint8Array;
  bias: number | undefined;
  length: (number | undefined)[];
  previousLength: (number | undefined)[];
  nextLength: (number | undefined)[];
  context: Record<"none" | "same" | "other", number | undefined>;
  nextContext: Record<"none" | "same" | "other", number | undefined>;
  seen: Int32Array;
  stamp: number;
}

/** Ids of tokens known to the vocabulary (-1 for unknown). */
export type TokenIds = readonly number[];

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
    const second = tokenId(v, b);
    const map = (v.bigrams[first] ??= new Map<number, number>()) as Map<
      number,
      number
    >;
    map.set(second, index);
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
    tables: { w: [], s: [], e: [], p: [], pe: [], n: [] },
    bigrams: [],
    fixed: new Map(),
    size: vocabulary.length,
    startId: 0,
    endId: 0,
    isEnder: new Uint8Array(0),
    bias: undefined,
    length: [],
    previousLength: [],
    nextLength: [],
    context: { none: undefined, same: undefined, other: undefined },
    nextContext: { none: undefined, same: undefined, other: undefined },
    seen: new Int32Array(vocabulary.length),
    stamp: 0,
  };
  v.startId = tokenId(v, START);
  v.endId = tokenId(v, END);
  const enders = [".", "?", "!"].map((token) => tokenId(v, token));
  for (const kind of KINDS)
    v.tables[kind] = new Array<number>(shared.size).fill(-1);
  vocabulary.forEach((feature, index) => addFeature(v, feature, index));
  return finish(v, enders);
}

/** Packs the tables (no holes, so lookups stay fast) and resolves the fixed features. */
function finish(
  v: CompiledVocabulary,
  enders: readonly number[],
): CompiledVocabulary {
  const size = v.tokenIds.size;
  v.bigrams = Array.from({ length: size }, (_, id) => v.bigrams[id] ?? EMPTY);
  v.isEnder = new Uint8Array(size);
  for (const id of enders) v.isEnder[id] = 1;
  const buckets = Array.from({ length: 7 }, (_, bucket) => bucket);
  v.bias = v.fixed.get("<bias>");
  v.length = buckets.map((bucket) => v.fixed.get(`len:${bucket}`));
  v.previousLength = buckets.map((bucket) => v.fixed.get(`plen:${bucket}`));
  v.nextLength = buckets.map((bucket) => v.fixed.get(`nlen:${bucket}`));
  const context = (prefix: string) => ({
    none: v.fixed.get(`${prefix}:none`),
    same: v.fixed.get(`${prefix}:same`),
    other: v.fixed.get(`${prefix}:other`),
  });
  v.context = context("ctx");
  v.nextContext = context("nctx");
  return v;
}

/** Token ids for one utterance's tokens. */
export function tokenIds(
  v: CompiledVocabulary,
  tokens: readonly string[],
): TokenIds {
  const ids = new Array<number>(tokens.length);
  for (let i = 0; i < tokens.length; i++)
    ids[i] = v.tokenIds.get(featureToken(tokens[i]!)) ?? -1;
  return ids;
}

/** Collects feature indices without duplicates, using the vocabulary's `seen` stamps. */
class ActiveSet {
  private readonly items: number[] = [];
  private readonly stamp: number;

  constructor(private readonly v: CompiledVocabulary) {
    v.stamp = v.stamp === 0x7fffffff ? 1 : v.stamp + 1;
    if (v.stamp === 1) v.seen.fill(0);
    this.stamp = v.stamp;
  }

  add(index: number | undefined): void {
    if (index === undefined || index < 0 || this.v.seen[index] === this.stamp)
      return;
    this.v.seen[index] = this.stamp;
    this.items.push(index);
  }

  result(): number[] {
    return this.items;
  }
}

function addWords(v: CompiledVocabulary, ids: TokenIds, set: ActiveSet): void {
  let previous = v.startId;
  let sentenceStart = true;
  for (const id of ids) {
    if (id >= 0) {
      set.add(v.tables.w[id]);
      if (sentenceStart) set.add(v.tables.s[id]);
      if (previous >= 0) set.add(v.bigrams[previous]?.get(id));
    }
    sentenceStart = id >= 0 && v.isEnder[id] === 1;
    previous = id;
  }
  if (previous >= 0) {
    set.add(v.bigrams[previous]?.get(v.endId));
    set.add(v.tables.e[previous]);
  }
}

/** Token ids of the neighbouring utterances and whether each is by the same role. */
export interface CompiledContext {
  previous: TokenIds | undefined;
  previousSameRole: boolean;
  next: TokenIds | undefined;
  nextSameRole: boolean;
}

function addPrevious(
  v: CompiledVocabulary,
  context: CompiledContext,
  set: ActiveSet,
): void {
  const previous = context.previous;
  if (!previous) {
    set.add(v.context.none);
    return;
  }
  set.add(context.previousSameRole ? v.context.same : v.context.other);
  set.add(v.previousLength[lengthBucket(previous.length)]);
  for (const id of previous) if (id >= 0) set.add(v.tables.p[id]);
  const last = previous.length > 0 ? previous[previous.length - 1]! : v.startId;
  if (last >= 0) set.add(v.tables.pe[last]);
}

function addNext(
  v: CompiledVocabulary,
  context: CompiledContext,
  set: ActiveSet,
): void {
  const next = context.next;
  if (!next) {
    set.add(v.nextContext.none);
    return;
  }
  set.add(context.nextSameRole ? v.nextContext.same : v.nextContext.other);
  set.add(v.nextLength[lengthBucket(next.length)]);
  for (const id of next) if (id >= 0) set.add(v.tables.n[id]);
}

/** The same indices as activeFeatures(utteranceFeatures(...)), from token ids. */
export function compiledActive(
  v: CompiledVocabulary,
  ids: TokenIds,
  context: CompiledContext,
): number[] {
  const set = new ActiveSet(v);
  set.add(v.bias);
  set.add(v.length[lengthBucket(ids.length)]);
  addWords(v, ids, set);
  addPrevious(v, context, set);
  addNext(v, context, set);
  return set.result();
}
