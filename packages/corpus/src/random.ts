/**
 * Seeded randomness: the same seed gives the same corpus on every machine, so a benchmark figure or a failing
 * test names its input by (count, seed, options).
 */
import { createSeededRandom } from '../../../src/shared/random.js';

/** mulberry32 (the library's own seeded PRNG, one implementation for both): floats in [0, 1). */
export const createRandom: (seed: number) => () => number = createSeededRandom;

/**
 * The draws a generator makes from one random stream. Each helper consumes a fixed number of values
 * (`int`, `pick`, `weighted`, `chance`: one; `digits(n)`: n), so a profile's output is stable as long as the
 * order of its draws is.
 */
export interface Draw {
  /** The next float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  /** n decimal digits, each uniform. */
  digits(n: number): string;
  /** A uniform element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** An index drawn with the given (unnormalized) weights. */
  weighted(weights: readonly number[]): number;
  /** true with probability p. */
  chance(p: number): boolean;
}

/** The {@link Draw} helpers over one random function. */
export function createDraw(next: () => number): Draw {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    digits(n) {
      let s = '';
      for (let i = 0; i < n; i++) s += String(int(0, 9));
      return s;
    },
    pick: (list) => list[Math.floor(next() * list.length)]!,
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!;
        if (r <= 0) return i;
      }
      return weights.length - 1;
    },
    chance: (p) => next() < p,
  };
}

/** Zipf weights 1/rank^s for ranks 1..n (the most frequent first). */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
}
