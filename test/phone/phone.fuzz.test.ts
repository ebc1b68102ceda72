/** Long fuzz run (`npm run test:fuzz`): 100k cases per property. */
import { fc } from '@fast-check/vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { expect, it } from 'vitest';
import { createPhoneNormalizer, normalizePhone } from '../../src/phone/index.js';
import { mutatedInternational, strictE164 } from './arbitraries.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 100_000);

it('normalizePhone never throws on arbitrary values, and some inputs parse', () => {
  let parsed = 0;
  fc.assert(
    fc.property(
      fc.oneof(
        fc.anything(),
        fc.string({ unit: 'binary' }),
        mutatedInternational.map((m) => m.text),
      ),
      (x) => {
        const r = normalizePhone(x);
        if (r !== null) parsed++;
      },
    ),
    { numRuns },
  );
  expect(parsed).toBeGreaterThan(numRuns / 10);
});

it('cached normalizer agrees with libphonenumber-js on mutated numbers of every region', () => {
  const cached = createPhoneNormalizer({ cacheSize: 1000 });
  let valid = 0;
  fc.assert(
    fc.property(mutatedInternational, ({ text }) => {
      const lib = parsePhoneNumberFromString(text.replace(/^00/, '+'));
      const ours = cached(text);
      expect(ours?.e164).toBe(lib?.number);
      expect(ours?.valid).toBe(lib?.isValid());
      if (ours?.valid) valid++;
    }),
    { numRuns },
  );
  expect(valid).toBeGreaterThan(numRuns / 10);
});

it('the E.164 fast path agrees with libphonenumber-js on e164, validity, region and type', () => {
  let valid = 0;
  fc.assert(
    fc.property(strictE164, (text) => {
      const lib = parsePhoneNumberFromString(text);
      const ours = normalizePhone(text);
      expect(ours?.e164).toBe(lib?.number);
      expect(ours?.valid).toBe(lib?.isValid());
      if (ours?.valid && lib) {
        valid++;
        expect(ours.type).toBe(lib.getType());
        if (ours.possibleCountries) expect(ours.possibleCountries).toContain(lib.country);
        else expect(ours.country).toBe(lib.country ?? null);
      }
    }),
    { numRuns },
  );
  expect(valid).toBeGreaterThan(numRuns / 10);
});
