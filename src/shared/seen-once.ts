/**
 * The one-hit filter ("doorkeeper") of TinyLFU (Einziger, Friedman and Manes, ACM TOS 2017) in front of a
 * bounded cache: a key is admitted to the cache the second time it is seen within the filter's memory, so the
 * long tail of keys seen once (most email domains, most hint combinations in a real stream) neither pays the
 * cache insert nor pushes the frequent entries out. One slot per hash bucket holds the last key's 32-bit
 * FNV-1a hash; a collision only delays admission, it never changes a result.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Remembers recently seen keys by hash. Admission only: callers keep their own cache.
 *
 * @example
 * const seen = new SeenOnceFilter(1 << 10);
 * seen.seenBefore('example.com'); // false (marked now)
 * seen.seenBefore('example.com'); // true: cache it
 */
export class SeenOnceFilter {
  readonly #slots: Int32Array;
  readonly #mask: number;

  /** `slots` is rounded up to a power of two. */
  constructor(slots: number) {
    let size = 1;
    while (size < slots) size *= 2;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
  }

  /** True when `key` was seen before (admit it to the cache now); otherwise marks it and returns false. */
  seenBefore(key: string): boolean {
    let hash = FNV_OFFSET;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
    // Never 0, so an empty slot never matches.
    hash |= 1;
    const slot = hash & this.#mask;
    if (this.#slots[slot] === hash) return true;
    this.#slots[slot] = hash;
    return false;
  }
}
