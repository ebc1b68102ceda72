/**
 * A bounded least-recently-used cache on top of `Map`'s insertion order.
 *
 * Why not the `lru-cache` package: the hot paths here need only get/set with a hard entry bound, and a
 * `Map` re-insert on hit is the cheapest LRU in V8 (one delete + one set). Memory is bounded by
 * `maxEntries` values, so a cache never grows with the stream.
 *
 * @example
 * const cache = new LruCache<string, number>(2);
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3);
 * cache.has('b'); // false: 'b' was the least recently used
 */
export class LruCache<K, V> {
  readonly #map = new Map<K, V>();
  readonly maxEntries: number;

  /** @param maxEntries the bound; 0 disables caching (every `get` misses). */
  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 0) {
      throw new TypeError('LruCache: maxEntries must be a non-negative integer');
    }
    this.maxEntries = maxEntries;
  }

  /** The value for `key`, marking it most recently used; `undefined` on a miss. */
  get(key: K): V | undefined {
    const map = this.#map;
    const value = map.get(key);
    if (value !== undefined) {
      map.delete(key);
      map.set(key, value);
    }
    return value;
  }

  /** True when `key` is cached (does not change recency). */
  has(key: K): boolean {
    return this.#map.has(key);
  }

  /** Stores `value` (which must not be `undefined`), evicting the least recently used entry when full. */
  set(key: K, value: V): void {
    if (this.maxEntries === 0) return;
    const map = this.#map;
    if (map.has(key)) map.delete(key);
    else if (map.size >= this.maxEntries) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
    map.set(key, value);
  }

  /** Number of cached entries (always <= maxEntries). */
  get size(): number {
    return this.#map.size;
  }

  /** Drops every entry. */
  clear(): void {
    this.#map.clear();
  }
}
