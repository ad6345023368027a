// k-anonymity over a research export's quasi-identifiers: generalise along a fixed path until few
// enough clients sit in groups smaller than k, suppress those clients' quasi-identifiers, and drop
// them too when even the fully suppressed group is smaller than k.
import {
  HIERARCHIES,
  SUPPRESSED,
  type QuasiIdentifier,
  type QuasiIdentifiers,
} from "./quasiIdentifiers.js";

/** The smallest k accepted: below 3 a released group can be one person and the one asking. */
export const MIN_K = 3;
export const DEFAULT_K = 5;
/**
 * Design choice: a generalisation is accepted once at most this share of clients would have to be
 * suppressed; coarser data for everyone is the price of suppressing fewer.
 */
export const MAX_SUPPRESSED_SHARE = 0.1;

export type Levels = Record<QuasiIdentifier, number>;

/** The generalisation path, finest first: the last step suppresses every quasi-identifier. */
export const PATH: readonly Levels[] = [
  { therapist: 0, ageBand: 0, gender: 0, episodeLength: 0 },
  { therapist: 1, ageBand: 0, gender: 0, episodeLength: 0 },
  { therapist: 1, ageBand: 0, gender: 0, episodeLength: 1 },
  { therapist: 1, ageBand: 1, gender: 0, episodeLength: 1 },
  { therapist: 1, ageBand: 1, gender: 0, episodeLength: 2 },
  { therapist: 1, ageBand: 2, gender: 0, episodeLength: 2 },
  { therapist: 1, ageBand: 2, gender: 1, episodeLength: 2 },
];

export interface QuasiRecord {
  key: string;
  qi: QuasiIdentifiers;
}

export interface Anonymised {
  /** Released quasi-identifiers by record key; dropped records are absent. */
  released: Map<string, QuasiIdentifiers>;
  levels: Levels;
  /** Records released with every quasi-identifier suppressed, though a coarser value existed. */
  suppressed: string[];
  /** Records left out entirely: too few to hide even with everything suppressed. */
  dropped: string[];
}

const KEYS = Object.keys(HIERARCHIES) as QuasiIdentifier[];
const ALL_SUPPRESSED: QuasiIdentifiers = {
  therapist: SUPPRESSED,
  ageBand: SUPPRESSED,
  gender: SUPPRESSED,
  episodeLength: SUPPRESSED,
};

export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < MIN_K)
    throw new RangeError(`k must be a whole number of at least ${MIN_K}`);
}

export function generalise(
  qi: QuasiIdentifiers,
  levels: Levels,
): QuasiIdentifiers {
  const out = { ...qi };
  for (const key of KEYS) out[key] = HIERARCHIES[key][levels[key]]!(qi[key]);
  return out;
}

export function combination(qi: QuasiIdentifiers): string {
  return KEYS.map((key) => qi[key]).join("\u0000");
}

function groupSizes(values: readonly QuasiIdentifiers[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const qi of values) {
    const c = combination(qi);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  return sizes;
}

/**
 * Every combination released covers at least k records.
 * @example anonymise(records, 5).levels // { therapist: 1, ageBand: 0, gender: 0, episodeLength: 1 }
 */
export function anonymise(
  records: readonly QuasiRecord[],
  k: number,
): Anonymised {
  checkK(k);
  const budget = Math.floor(records.length * MAX_SUPPRESSED_SHARE);
  for (const levels of PATH) {
    const general = records.map((r) => generalise(r.qi, levels));
    const sizes = groupSizes(general);
    const small = general.map((qi) => sizes.get(combination(qi))! < k);
    if (small.filter(Boolean).length > budget && levels !== PATH.at(-1))
      continue;
    const released = new Map<string, QuasiIdentifiers>();
    records.forEach((r, i) =>
      released.set(r.key, small[i] ? ALL_SUPPRESSED : general[i]!),
    );
    const hidden = [...released].filter(
      ([, qi]) => combination(qi) === combination(ALL_SUPPRESSED),
    );
    const dropped = hidden.length < k ? hidden.map(([key]) => key) : [];
    for (const key of dropped) released.delete(key);
    const suppressed = records
      .filter((r, i) => small[i] && released.has(r.key))
      .map((r) => r.key);
    return { released, levels, suppressed, dropped };
  }
  throw new Error("unreachable: the last step of the path always returns");
}
