// Transcript-grouped k-fold assignment with a seeded shuffle (mulberry32), so no transcript is
// split between training and test.

/** mulberry32: a small, well-known seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number (0..k-1) for each group id. */
export function groupedFolds(
  groupIds: readonly string[],
  k: number,
  seed: number,
): Map<string, number> {
  const ids = [...new Set(groupIds)].sort();
  const random = seededRandom(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return new Map(ids.map((id, i) => [id, i % k]));
}
