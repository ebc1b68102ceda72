/**
 * Long fuzz run (`npm run test:fuzz`): the differential against plain libphonenumber-js
 * (test/phone/oracle.ts) over ten input families, FUZZ_RUNS cases each (default 100k: 1M inputs in all),
 * with counters per family so that a generator that drifted into junk fails instead of passing vacuously;
 * then totality on anything, and the cache under eviction pressure.
 */
import { fc } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { createPhoneNormalizer, MAX_PHONE_INPUT_LENGTH, normalizePhone } from '../../src/phone/index.js';
import { CASE_FAMILIES, phoneCase } from './arbitraries.js';
import { expectedResult } from './oracle.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 100_000);

/** Minimum share of each outcome per family (of numRuns), or 0 where the family cannot produce it. */
const EXPECTED_SHARES: Record<string, { valid: number; invalid: number }> = {
  'E.164': { valid: 0.8, invalid: 0 },
  'international formatted': { valid: 0.6, invalid: 0.02 },
  'national, with and without trunk prefix': { valid: 0.8, invalid: 0 },
  'exit codes': { valid: 0.8, invalid: 0 },
  extensions: { valid: 0.3, invalid: 0.1 },
  'JSON numbers and bare digits': { valid: 0.6, invalid: 0.02 },
  'mutated, international renderings': { valid: 0.15, invalid: 0.4 },
  'mutated, national renderings': { valid: 0.15, invalid: 0.4 },
  'random digits': { valid: 0.01, invalid: 0.2 },
  'random phone-ish text': { valid: 0, invalid: 0.02 },
};

it.each(Object.entries(CASE_FAMILIES))('differential, %s: normalizePhone equals the library', (family, cases) => {
  let valid = 0;
  let invalid = 0;
  fc.assert(
    fc.property(cases, ({ input, region }) => {
      const ours = normalizePhone(input, { defaultCountry: region });
      expect(ours).toEqual(expectedResult(input, region));
      if (ours?.valid) valid++;
      else if (ours !== null) invalid++;
    }),
    { numRuns },
  );
  const shares = EXPECTED_SHARES[family]!;
  expect(valid, `${family}: valid`).toBeGreaterThanOrEqual(numRuns * shares.valid);
  expect(invalid, `${family}: invalid`).toBeGreaterThanOrEqual(numRuns * shares.invalid);
});

/** Strings around the length cap, and far beyond it, made of phone-ish characters. */
const hugeString = fc
  .tuple(fc.constantFrom('+', '00', '011', ''), fc.integer({ min: MAX_PHONE_INPUT_LENGTH - 20, max: 300_000 }))
  .map(([prefix, length]) => prefix + '12 3-4.5(6)7'.repeat(Math.ceil(length / 12)).slice(0, length));

it('normalizePhone never throws on arbitrary values, huge strings and control characters', () => {
  let parsed = 0;
  fc.assert(
    fc.property(
      fc.oneof(
        fc.anything(),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.constantFrom('+', '0', '1', '4', ' ', '-', '(', ')', 'x', '#', ';', '\u0000', '\u200b') }),
        hugeString,
        phoneCase.map((c) => c.input),
      ),
      fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('US', 'GB', 'DE', 'AU', 'Germany', 'FRA'))),
      (x, country) => {
        const r = normalizePhone(x, { defaultCountry: country });
        if (r !== null) {
          parsed++;
          expect(r.e164).toMatch(/^\+[1-9]\d{1,14}$/);
        }
      },
    ),
    { numRuns },
  );
  expect(parsed).toBeGreaterThan(numRuns / 20);
});

it('the cached normalizer equals normalizePhone under eviction pressure, hits and misses alike', () => {
  // One normalizer for the whole run, small enough that it keeps evicting; each case replays its inputs
  // in reverse so that some lookups hit and some (evicted in between) miss again.
  const cached = createPhoneNormalizer({ cacheSize: 8 });
  let lookups = 0;
  fc.assert(
    fc.property(fc.array(phoneCase, { minLength: 1, maxLength: 6 }), (inputs) => {
      for (const { input, region } of [...inputs, ...inputs.slice().reverse()]) {
        lookups++;
        expect(cached(input, { defaultCountry: region })).toEqual(normalizePhone(input, { defaultCountry: region }));
      }
    }),
    { numRuns: Math.ceil(numRuns / 10) },
  );
  expect(lookups).toBeGreaterThanOrEqual(numRuns / 5);
});
