import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/shared/lru.js';

/** The obvious (slow) model: an array ordered from least to most recently used. */
class ModelLru {
  entries: [number, number][] = [];
  constructor(readonly max: number) {}
  get(k: number) {
    const i = this.entries.findIndex(([key]) => key === k);
    if (i < 0) return undefined;
    const [e] = this.entries.splice(i, 1);
    this.entries.push(e!);
    return e![1];
  }
  set(k: number, v: number) {
    if (this.max === 0) return;
    const i = this.entries.findIndex(([key]) => key === k);
    if (i >= 0) this.entries.splice(i, 1);
    else if (this.entries.length >= this.max) this.entries.shift();
    this.entries.push([k, v]);
  }
}

describe('LruCache', () => {
  test.prop([
    fc.integer({ min: 0, max: 6 }),
    fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 10 }), fc.integer()), { maxLength: 200 }),
  ])('differential: behaves like the array model and never exceeds its bound', (max, ops) => {
    const lru = new LruCache<number, number>(max);
    const model = new ModelLru(max);
    for (const [isGet, k, v] of ops) {
      if (isGet) expect(lru.get(k)).toBe(model.get(k));
      else {
        lru.set(k, v);
        model.set(k, v);
      }
      expect(lru.size).toBe(model.entries.length);
      expect(lru.size).toBeLessThanOrEqual(max);
    }
  });

  it('evicts the least recently used entry', () => {
    const lru = new LruCache<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
  });

  it('rejects a bad bound as programmer misuse', () => {
    expect(() => new LruCache(-1)).toThrow(TypeError);
    expect(() => new LruCache(Number.NaN)).toThrow(TypeError);
  });
});
