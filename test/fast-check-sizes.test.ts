/**
 * The fast-check configuration of test/setup/fast-check.ts is in force: an explicit `maxLength` is reached, so a
 * property over "up to 300 operations" does exceed a 64-entry cache (with fast-check's default size it never
 * generated more than 10).
 */
import { fc } from '@fast-check/vitest';
import { expect, it } from 'vitest';

it('generates collections up to their declared maxLength, beyond the default cap of 10', () => {
  const lengths = fc.sample(fc.array(fc.nat(), { maxLength: 300 }), { numRuns: 200, seed: 1 }).map((a) => a.length);
  expect(Math.max(...lengths)).toBeGreaterThan(64);
  expect(lengths.filter((n) => n > 64).length).toBeGreaterThan(20);
});

it('keeps unbounded collections at the small default (fc.anything stays cheap)', () => {
  const lengths = fc.sample(fc.array(fc.nat()), { numRuns: 200, seed: 1 }).map((a) => a.length);
  expect(Math.max(...lengths)).toBeLessThanOrEqual(10);
});
