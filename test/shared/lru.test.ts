import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { LruCache } from '../../src/shared/lru.js';

describe('LruCache', () => {
  const ops = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 12 }), fc.integer()), { maxLength: 300 });

  test.prop([fc.integer({ min: 0, max: 8 }), ops])(
    'never exceeds its bound, and a hit always returns the value last set for that key',
    (max, sequence) => {
      const cache = new LruCache<number, number>(max);
      const truth = new Map<number, number>();
      for (const [isGet, k, v] of sequence) {
        if (isGet) {
          const got = cache.get(k);
          if (got !== undefined) expect(got).toBe(truth.get(k));
        } else {
          cache.set(k, v);
          truth.set(k, v);
        }
        expect(cache.size).toBeLessThanOrEqual(max);
      }
    },
  );

  test.prop([fc.integer({ min: 2, max: 64 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 300 })])(
    'the most recently set key is always cached (recency is kept)',
    (max, keys) => {
      const cache = new LruCache<number, number>(max);
      for (const k of keys) {
        cache.set(k, k);
        expect(cache.get(k)).toBe(k);
      }
    },
  );

  let rotations = 0;
  test.prop([
    fc.integer({ min: 4, max: 64 }),
    // sized so that every run inserts more distinct keys than the cache holds (many rotations)
    fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 200, maxLength: 600 }),
  ])('a key used at least once per half-capacity of other insertions is never evicted', (max, keys) => {
    const cache = new LruCache<number, number>(max);
    const half = Math.max(1, Math.floor(max / 2) - 1);
    cache.set(-1, -1);
    keys.forEach((k, i) => {
      cache.set(k, k);
      if (i % half === 0) expect(cache.get(-1)).toBe(-1);
    });
    expect(keys.length).toBeGreaterThan(max * 3);
    // other keys were evicted: the property ran against a full, rotating cache
    if (keys.some((k) => !cache.has(k))) rotations++;
    expect(cache.size).toBeLessThanOrEqual(max);
  });
  afterAll(() => expect(rotations).toBeGreaterThan(50));

  it('keeps recently used entries and drops stale ones', () => {
    const cache = new LruCache<string, number>(4);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3); // young is full (2): rotation, a/b old
    cache.get('a'); // promoted
    cache.set('d', 4);
    cache.set('e', 5); // rotation: b dropped
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('e')).toBe(true);
  });

  it('rejects a bad bound as programmer misuse', () => {
    expect(() => new LruCache(-1)).toThrow(TypeError);
    expect(() => new LruCache(Number.NaN)).toThrow(TypeError);
  });
});
