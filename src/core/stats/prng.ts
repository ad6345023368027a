/** A seeded source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): a tiny 32-bit seeded PRNG, good enough for simulation.
 * @example
 * const next = mulberry32(42);
 * next(); // same value on every run
 */
export function mulberry32(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Standard normal draws by the Box–Muller transform (Box & Muller 1958) from a seeded uniform.
 * @example
 * const z = normalSampler(mulberry32(1));
 * z(); // ~N(0, 1)
 */
export function normalSampler(uniform: Uniform): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u1 = Math.max(uniform(), Number.MIN_VALUE);
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
