/**
 * mulberry32, a small seeded PRNG (32-bit state, period 2^32): the same seed gives the same sequence on every
 * machine, so sampled figures (postal-format specificity) and generated corpora are reproducible. Not for
 * anything secret.
 *
 * @example
 * const next = createSeededRandom(42);
 * next(); // a float in [0, 1), the same one in every process
 */
export function createSeededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
