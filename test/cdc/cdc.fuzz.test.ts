/** Long fuzz run (`npm run test:fuzz`): >= 100k cases per property, each checking it reached the interesting path. */
import { fc } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { parseChangeEvents } from '../../src/cdc/index.js';
import { anyCase, text } from './arbitraries.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 100_000);
const CODES = new Set([
  'invalid_json',
  'unknown_format',
  'missing_field',
  'invalid_field',
  'invalid_operation',
  'too_large',
]);

/** Mutates a valid envelope: drops, retypes or corrupts one top-level field, or flips bytes. */
const mutated = fc
  .tuple(anyCase, fc.nat(), fc.constantFrom('drop', 'null', 'number', 'string', 'array', 'bytes'), fc.nat())
  .map(([c, i, how, seed]) => {
    const msg: Record<string, unknown> = JSON.parse(text(c));
    const keys = Object.keys(msg);
    const key = keys[i % Math.max(1, keys.length)];
    if (how === 'bytes') {
      const b = Buffer.from(text(c));
      if (b.length > 0) b[seed % b.length] = (b[seed % b.length]! + 1 + (seed % 254)) & 0xff;
      return b as unknown;
    }
    if (key !== undefined) {
      if (how === 'drop') delete msg[key];
      else msg[key] = how === 'null' ? null : how === 'number' ? seed : how === 'string' ? '\ud800x' : [seed];
    }
    return JSON.stringify(msg);
  });

it('mutated envelopes never throw; results are events or documented codes; many still parse', () => {
  let ok = 0;
  let failed = 0;
  fc.assert(
    fc.property(mutated, (input) => {
      const r = parseChangeEvents(input);
      if (r.ok) ok++;
      else {
        failed++;
        expect(CODES.has(r.error.code)).toBe(true);
      }
    }),
    { numRuns },
  );
  // Not vacuous: both the success and the error paths were exercised substantially.
  expect(ok).toBeGreaterThan(numRuns / 10);
  expect(failed).toBeGreaterThan(numRuns / 10);
});

it('arbitrary values and strings never throw', () => {
  let objects = 0;
  fc.assert(
    fc.property(fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), fc.uint8Array()), (x) => {
      const r = parseChangeEvents(x);
      if (typeof x === 'object' && x !== null && !(x instanceof Uint8Array)) objects++;
      expect(typeof r.ok).toBe('boolean');
    }),
    { numRuns },
  );
  expect(objects).toBeGreaterThan(numRuns / 20);
});
