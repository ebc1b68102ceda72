/**
 * normalizePhone against plain libphonenumber-js (test/phone/oracle.ts) on the broad corpus of
 * test/phone/arbitraries.ts: every number type of every region, valid and mutated, as E.164, formatted
 * international, national with and without trunk prefix, with exit codes of every region, with extensions,
 * as JSON numbers and bare digits; plus random digits and phone-ish text. The fuzz suite runs the same at
 * 1M inputs (phone.fuzz.test.ts). Here: a smaller run and the single-invariant properties.
 */
import { fc, test } from '@fast-check/vitest';
import { getCountryCallingCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { createPhoneNormalizer, normalizePhone } from '../../src/phone/index.js';
import { generalPhoneText, readPhoneText } from '../../src/phone/text.js';
import { CASE_KINDS, drawnNumber, phoneCase, REGIONS, TYPE_SOURCE_COUNT } from './arbitraries.js';
import { expectedResult } from './oracle.js';

const RUNS = 4000;

describe('differential: normalizePhone equals libphonenumber-js (plus our documented rules)', () => {
  it('on every input class, with counters proving each class and outcome ran', () => {
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(phoneCase, ({ kind, input, region }) => {
        const ours = normalizePhone(input, { defaultCountry: region });
        expect(ours).toEqual(expectedResult(input, region));
        count(kind);
        count(ours === null ? 'null' : ours.valid ? 'valid' : 'invalid');
        if (ours?.valid && ours.international === false) count('valid national');
        if (ours?.extension !== undefined) count('extension');
        if (ours?.possibleCountries !== undefined) count('shared');
      }),
      { numRuns: RUNS },
    );
    for (const kind of CASE_KINDS) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(RUNS / CASE_KINDS.length / 3);
    expect(seen.get('valid')).toBeGreaterThan(RUNS / 4);
    expect(seen.get('invalid')).toBeGreaterThan(RUNS / 10);
    expect(seen.get('null')).toBeGreaterThan(RUNS / 20);
    expect(seen.get('valid national')).toBeGreaterThan(RUNS / 30);
    expect(seen.get('extension')).toBeGreaterThan(RUNS / 50);
    expect(seen.get('shared')).toBeGreaterThan(10);
  });

  it('draws from every number type of every region', () => {
    expect(REGIONS.length).toBeGreaterThan(240);
    expect(TYPE_SOURCE_COUNT).toBeGreaterThan(1000);
  });
});

describe('properties', () => {
  const anyResult = fc
    .oneof(
      phoneCase,
      fc.record({ input: fc.string({ maxLength: 30 }), region: fc.constantFrom(undefined, 'US', 'DE', 'GB') }),
    )
    .map(({ input, region }) => normalizePhone(input, { defaultCountry: region }));

  test.prop([anyResult])('e164 is + and at most 15 digits, never starting with 0', (r) => {
    if (r !== null) expect(r.e164).toMatch(/^\+[1-9]\d{1,14}$/);
  });

  test.prop([anyResult])('e164 starts with the calling code', (r) => {
    if (r !== null) expect(r.e164.startsWith(`+${r.callingCode}`)).toBe(true);
  });

  test.prop([anyResult])('country !== null implies valid', (r) => {
    if (r?.country != null) expect(r.valid).toBe(true);
  });

  test.prop([anyResult])('possibleCountries: valid, at least two regions, and no country', (r) => {
    if (r?.possibleCountries !== undefined) {
      expect({ valid: r.valid, country: r.country, many: r.possibleCountries.length > 1 }).toEqual({
        valid: true,
        country: null,
        many: true,
      });
    }
  });

  test.prop([anyResult])('a type exactly when valid', (r) => {
    if (r !== null) expect(r.type !== undefined).toBe(r.valid);
  });

  test.prop([phoneCase])('a national reading uses the default region’s calling code', ({ input, region }) => {
    const r = normalizePhone(input, { defaultCountry: region });
    if (r !== null && !r.international) expect(r.callingCode).toBe(getCountryCallingCode(region as never));
  });

  test.prop([phoneCase])(
    'idempotence: the e164 of a valid number normalizes to the same number, now international',
    ({ input, region }) => {
      const once = normalizePhone(input, { defaultCountry: region });
      fc.pre(once?.valid === true);
      const { extension: _extension, ...rest } = once!;
      expect(normalizePhone(once!.e164)).toEqual({ ...rest, international: true });
      expect(normalizePhone(once!.e164, { defaultCountry: region })).toEqual({ ...rest, international: true });
    },
  );

  test.prop([phoneCase.filter((c) => typeof c.input === 'string')])(
    'the fast text path gives what the general (library-equivalent) path gives',
    ({ input }) => {
      const text = (input as string).trim();
      const fast = readPhoneText(text);
      const general = generalPhoneText(text);
      expect(fast === undefined ? undefined : { ...fast, bare: false }).toEqual(general);
    },
  );

  test.prop([drawnNumber, fc.constantFrom('DE', 'de', 'DEU', 'Germany', 'Allemagne')])(
    'a default country spelled as alpha-2, alpha-3 or name reads like its alpha-2 code',
    (n, spelling) => {
      const text = `0${n.national}`;
      expect(normalizePhone(text, { defaultCountry: spelling })).toEqual(
        normalizePhone(text, { defaultCountry: 'DE' }),
      );
    },
  );

  test.prop([fc.anything(), fc.anything()])('never throws on any value and any default country', (x, c) => {
    expect(() => normalizePhone(x, { defaultCountry: c })).not.toThrow();
  });

  test.prop([fc.array(phoneCase, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 8 })])(
    'the cached normalizer equals normalizePhone, in any order and cache size',
    (cases, cacheSize) => {
      const cached = createPhoneNormalizer({ cacheSize });
      for (const { input, region } of [...cases, ...cases.slice().reverse()]) {
        expect(cached(input, { defaultCountry: region })).toEqual(normalizePhone(input, { defaultCountry: region }));
      }
    },
  );
});
