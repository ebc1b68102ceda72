/**
 * The slow half of the phone ReDoS audit (`npm run test:fuzz`): the combined per-calling-code filters
 * ("is this number valid in any other region of +1 / +44 / ..."), each an alternation of every other
 * region's type patterns, about 10 KB for NANP. See redos.test.ts for the rest.
 */
import { checkSync } from 'recheck';
import { expect, it } from 'vitest';
import { compiledPatternsForAudit } from '../../src/phone/regions.js';

const filters = compiledPatternsForAudit().filter((p) => p.kind === 'otherRegions');

it('finds the combined filters of every shared calling code (not vacuous)', () => {
  expect(filters.length).toBeGreaterThan(25);
});

it.each(filters.map((p) => [p.where, p] as const))('combined filter %s is safe', (_where, p) => {
  expect(checkSync(p.re.source, p.re.flags).status).toBe('safe');
});
