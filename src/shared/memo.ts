/**
 * The one memo helper of the enrichment hot path: a bounded cache in front of a pure function of a string key.
 * When a computation needs several inputs, they are encoded into the key and decoded by the function on a
 * miss only, so a hit is one hash lookup and cached and uncached results are the same by construction.
 */
import { LruCache } from './lru.js';

/**
 * `compute` with a bounded cache (`maxEntries`, a two-generation LRU; 0 = no cache). `compute` must be pure.
 * Results (including `null`) are shared between calls: treat objects as read-only.
 *
 * @example
 * const square = memoize((key) => Number(key) ** 2, 1000);
 * square('12'); // 144 (computed); square('12') again is a cache hit
 */
export function memoize<R>(compute: (key: string) => R, maxEntries: number): (key: string) => R {
  if (maxEntries === 0) return compute;
  const cache = new LruCache<string, R>(maxEntries);
  return (key: string): R => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    // LruCache stores any value but undefined (a miss); `compute` returning undefined is simply not cached.
    if (value !== undefined) cache.set(key, value);
    return value;
  };
}
