/** SeenOnceFilter: admission on the second sighting, never on the first (the caches in email and geo rely on it). */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { SeenOnceFilter } from '../../src/shared/seen-once.js';

test.prop([fc.string()])('a key is not seen before its first sighting, and is seen right after it', (key) => {
  const filter = new SeenOnceFilter(64);
  expect(filter.seenBefore(key)).toBe(false);
  expect(filter.seenBefore(key)).toBe(true);
});

test.prop([fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 200 })])(
  'a fresh filter admits none of a list of distinct keys on their first sighting',
  (keys) => {
    const filter = new SeenOnceFilter(1 << 12);
    expect(keys.filter((key) => filter.seenBefore(key))).toEqual([]);
  },
);
