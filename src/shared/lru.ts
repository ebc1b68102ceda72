/**
 * A bounded cache with least-recently-used-style eviction, built from two generations of `Map`s.
 *
 * Why not an exact LRU: an exact LRU on a `Map` re-inserts the key on every hit (delete + set), which on a
 * large map costs more than the work a cache hit saves on the enrichment hot path. Here a hit in the young
 * generation is one `Map.get`; a hit in the old generation promotes the entry to the young one; when the
 * young generation is full it becomes the old one and the previous old one is dropped whole. Entries used
 * since the last rotation always survive it, so recently used entries are kept, as in an LRU
 * (this is the "2-generation"/segmented scheme several JS caches use). Memory is bounded: at most
 * `maxEntries` entries in all, whatever the stream length.
 *
 * @example
 * const cache = new LruCache<string, number>(1000);
 * cache.set('a', 1);
 * cache.get('a'); // 1
 */
export class LruCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();
  readonly #generation: number;
  readonly maxEntries: number;

  /** @param maxEntries the bound (young + old generations together); 0 disables caching. */
  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 0) {
      throw new TypeError('LruCache: maxEntries must be a non-negative integer');
    }
    this.maxEntries = maxEntries;
    this.#generation = Math.max(1, Math.floor(maxEntries / 2));
  }

  /** The value for `key`, or `undefined` on a miss. */
  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) {
      this.#old.delete(key);
      this.#insert(key, old);
    }
    return old;
  }

  /** True when `key` is cached (does not count as a use). */
  has(key: K): boolean {
    return this.#young.has(key) || this.#old.has(key);
  }

  /** Stores `value` (which must not be `undefined`). */
  set(key: K, value: V): void {
    if (this.maxEntries === 0) return;
    if (this.#young.has(key)) {
      this.#young.set(key, value);
      return;
    }
    this.#old.delete(key);
    this.#insert(key, value);
  }

  #insert(key: K, value: V): void {
    if (this.maxEntries === 1) {
      this.#young.clear();
    } else if (this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }

  /** Number of cached entries (always <= maxEntries). */
  get size(): number {
    return this.#young.size + this.#old.size;
  }

  /** Drops every entry. */
  clear(): void {
    this.#young.clear();
    this.#old.clear();
  }
}
