/**
 * Long fuzz run (`npm run test:fuzz`): 100k cases per property (FUZZ_RUNS overrides). Each property
 * counts how many generated inputs reached the interesting path, so a generator that drifted into
 * producing only junk would fail instead of passing vacuously.
 */
import { fc } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { createPhoneNormalizer, MAX_PHONE_INPUT_LENGTH, normalizePhone } from '../../src/phone/index.js';
import { fastInternational, internationalDigits } from '../../src/phone/normalize.js';
import { mutatedInternational, national, strictE164 } from './arbitraries.js';
import { expectedFromLibrary } from './oracle.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 100_000);

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
        fc.string({ unit: fc.constantFrom('+', '0', '1', '4', ' ', '-', '(', ')', 'x', '#', '\u0000', '\u200b') }),
        hugeString,
        mutatedInternational.map((m) => m.text),
      ),
      fc.option(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('US', 'GB', 'DE', 'AU', 'IN'))),
      (x, country) => {
        const r = normalizePhone(x, { defaultCountry: country });
        if (r !== null) {
          parsed++;
          expect(r.e164.startsWith(`+${r.callingCode}`)).toBe(true);
        }
      },
    ),
    { numRuns },
  );
  expect(parsed).toBeGreaterThan(numRuns / 10);
});

it('differential: formatted international numbers give exactly the libphonenumber-js result', () => {
  let valid = 0;
  fc.assert(
    fc.property(mutatedInternational, ({ text, libText }) => {
      const ours = normalizePhone(text);
      expect(ours).toEqual(expectedFromLibrary(libText));
      if (ours?.valid) valid++;
    }),
    { numRuns },
  );
  expect(valid).toBeGreaterThan(numRuns / 10);
});

it('differential: national numbers with their default country give exactly the libphonenumber-js result', () => {
  let valid = 0;
  fc.assert(
    fc.property(national, ({ text, country }) => {
      const ours = normalizePhone(text, { defaultCountry: country });
      expect(ours).toEqual(expectedFromLibrary(text, country));
      if (ours?.valid) valid++;
    }),
    { numRuns },
  );
  expect(valid).toBeGreaterThan(numRuns / 2);
});

it('differential: whenever the E.164 fast path answers, the answer is the library’s', () => {
  let answered = 0;
  fc.assert(
    fc.property(
      fc.oneof(
        strictE164,
        mutatedInternational.map((m) => m.libText),
      ),
      (text) => {
        const digits = internationalDigits(text, 1);
        const fast = digits === undefined ? undefined : fastInternational(digits);
        if (fast !== undefined) {
          answered++;
          expect(fast).toEqual(expectedFromLibrary(text));
        }
      },
    ),
    { numRuns },
  );
  expect(answered).toBeGreaterThan(numRuns / 10);
});

it('idempotence: the E.164 of a valid number normalizes to the same result', () => {
  let checked = 0;
  fc.assert(
    fc.property(fc.oneof(mutatedInternational, national), ({ text, country }) => {
      const once = normalizePhone(text, { defaultCountry: country });
      if (!once?.valid) return;
      checked++;
      const { extension: _extension, ...withoutExtension } = once;
      expect(normalizePhone(once.e164)).toEqual(withoutExtension);
    }),
    { numRuns },
  );
  expect(checked).toBeGreaterThan(numRuns / 10);
});

it('the cached normalizer equals normalizePhone under eviction pressure, hits and misses alike', () => {
  // One normalizer for the whole run, small enough that it keeps evicting; each case replays its inputs
  // in reverse so that some lookups hit and some (evicted in between) miss again.
  const cached = createPhoneNormalizer({ cacheSize: 8 });
  let lookups = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof(mutatedInternational, national), { minLength: 1, maxLength: 6 }), (inputs) => {
      for (const { text, country } of [...inputs, ...inputs.slice().reverse()]) {
        lookups++;
        expect(cached(text, { defaultCountry: country })).toEqual(normalizePhone(text, { defaultCountry: country }));
      }
    }),
    { numRuns },
  );
  expect(lookups).toBeGreaterThanOrEqual(2 * numRuns);
});
