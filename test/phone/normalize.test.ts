import { fc, test } from '@fast-check/vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { createPhoneNormalizer, MAX_PHONE_INPUT_LENGTH, normalizePhone } from '../../src/phone/index.js';
import { EXAMPLES, mutatedInternational, national, strictE164 } from './arbitraries.js';

describe('normalizePhone: real-world formats', () => {
  it.each([
    ['+1 (212) 555-0100', undefined, '+12125550100', 'US'],
    ['212.555.0100', 'US', '+12125550100', 'US'],
    ['011 44 20 7946 0958', undefined, '+442079460958', 'GB'],
    ['011 44 20 7946 0958', 'US', '+442079460958', 'GB'],
    ['+44 (0)20 7946 0958', undefined, '+442079460958', 'GB'],
    ['020 7946 0958', 'GB', '+442079460958', 'GB'],
    ['0049 30 901820', undefined, '+4930901820', 'DE'],
    ['030 901820', 'DE', '+4930901820', 'DE'],
    ['+33 1 42 68 53 00', undefined, '+33142685300', 'FR'],
    ['06 12 34 56 78', 'FR', '+33612345678', 'FR'],
    ['+81 3-3224-9999', undefined, '+81332249999', 'JP'],
    ['090-1234-5678', 'JP', '+819012345678', 'JP'],
    ['+55 11 91234-5678', undefined, '+5511912345678', 'BR'],
    ['+91 98765 43210', undefined, '+919876543210', 'IN'],
    ['+61 2 9374 4000', undefined, '+61293744000', 'AU'],
    ['+7 495 123-45-67', undefined, '+74951234567', 'RU'],
    ['+7 701 123 4567', undefined, '+77011234567', 'KZ'],
    ['+86 10 6552 9988', undefined, '+861065529988', 'CN'],
    ['+82 2-312-3456', undefined, '+8223123456', 'KR'],
  ] as const)('%s (default %s) → %s in %s', (raw, defaultCountry, e164, country) => {
    const r = normalizePhone(raw, { defaultCountry });
    expect(r).toMatchObject({ e164, country, valid: true });
  });

  it('keeps extensions out of the E.164 number', () => {
    for (const raw of ['(212) 555-0100 x123', '212-555-0100 ext. 123', '212 555 0100 #123']) {
      expect(normalizePhone(raw, { defaultCountry: 'US' })).toMatchObject({ e164: '+12125550100', extension: '123' });
    }
  });

  it('does not invent a country for numbers shared by several NANP regions (toll-free)', () => {
    const r = normalizePhone('+1 800 555 0199');
    expect(r).toMatchObject({ e164: '+18005550199', valid: true, country: null, type: 'TOLL_FREE' });
    expect(r?.possibleCountries).toEqual(expect.arrayContaining(['US', 'CA', 'JM', 'PR']));
  });

  it('resolves a NANP geographic number to its one region by area code', () => {
    expect(normalizePhone('+1 416 555 0123')).toMatchObject({ country: 'CA' });
    expect(normalizePhone('+1 242 359 1234')).toMatchObject({ country: 'BS' });
    expect(normalizePhone('+1 212 555 0100')?.possibleCountries).toBeUndefined();
  });

  it('reports non-geographic numbers without a country', () => {
    expect(normalizePhone('+800 1234 5678')).toMatchObject({ e164: '+80012345678', country: null, callingCode: '800' });
  });

  it('uses the record country as the default only when it is a supported region', () => {
    expect(normalizePhone('030 901820', { defaultCountry: 'de' })?.e164).toBe('+4930901820');
    expect(normalizePhone('030 901820', { defaultCountry: 'Germany' })).toBeNull();
    expect(normalizePhone('030 901820', { defaultCountry: 'ZZ' })).toBeNull();
  });

  it('reads numeric columns that lost their +', () => {
    expect(normalizePhone(4915112345678)).toMatchObject({ e164: '+4915112345678', country: 'DE' });
    expect(normalizePhone(2125550100, { defaultCountry: 'US' })).toMatchObject({ e164: '+12125550100' });
    expect(normalizePhone(4915112345678n)).toMatchObject({ e164: '+4915112345678' });
  });

  it('marks numbers outside any number range invalid but still normalizes them', () => {
    const r = normalizePhone('+1 555 555 5555');
    expect(r?.valid).toBe(false);
    expect(r?.e164).toBe('+15555555555');
  });

  it.each([
    null,
    undefined,
    '',
    '   ',
    'not a phone',
    'n/a',
    -1,
    0,
    1.5,
    Number.NaN,
    {},
    [],
    true,
    '+49\u000030 901820',
    `+1${'2'.repeat(MAX_PHONE_INPUT_LENGTH)}`,
  ])('returns null for %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('returns null on a 10 MB string', () => {
    expect(normalizePhone('1'.repeat(10 * 1024 * 1024))).toBeNull();
  });
});

describe('normalizePhone: properties', () => {
  it('every region’s example number gives the same E.164 as libphonenumber-js (international and national)', () => {
    expect(EXAMPLES.length).toBeGreaterThan(200);
    for (const ex of EXAMPLES) {
      const lib = parsePhoneNumberFromString(ex.national, ex.country as never);
      expect(normalizePhone(ex.e164)?.e164, ex.country).toBe(ex.e164);
      expect(normalizePhone(ex.national, { defaultCountry: ex.country })?.e164, ex.country).toBe(lib?.number);
    }
  });

  test.prop([mutatedInternational])(
    'differential: agrees with plain libphonenumber-js on e164, validity and region',
    ({ text }) => {
      const lib = parsePhoneNumberFromString(text.replace(/^00/, '+'));
      const ours = normalizePhone(text);
      expect(ours?.e164).toBe(lib?.number);
      expect(ours?.valid).toBe(lib?.isValid());
      if (ours && lib) {
        if (ours.possibleCountries) expect(ours.possibleCountries).toContain(lib.country);
        else expect(ours.country).toBe(lib.country ?? null);
      }
    },
  );

  test.prop([strictE164], { numRuns: 2000 })(
    'differential: the E.164 fast path agrees with libphonenumber-js on e164, validity, region and type',
    (text) => {
      const lib = parsePhoneNumberFromString(text);
      const ours = normalizePhone(text);
      expect(ours?.e164).toBe(lib?.number);
      expect(ours?.valid).toBe(lib?.isValid());
      if (ours?.valid && lib) {
        expect(ours.type).toBe(lib.getType());
        if (ours.possibleCountries) expect(ours.possibleCountries).toContain(lib.country);
        else expect(ours.country).toBe(lib.country ?? null);
      }
    },
  );

  test.prop([national])(
    'differential: national numbers with their default country agree with libphonenumber-js',
    ({ text, country }) => {
      const lib = parsePhoneNumberFromString(text, country as never);
      const ours = normalizePhone(text, { defaultCountry: country });
      expect(ours?.e164).toBe(lib?.number);
      expect(ours?.valid).toBe(lib?.isValid());
    },
  );

  test.prop([fc.oneof(mutatedInternational, national)])(
    'idempotence: normalizing the E.164 output of a valid number gives the same result',
    ({ text, country }) => {
      const once = normalizePhone(text, { defaultCountry: country });
      // An invalid number's "E.164" is only libphonenumber's best effort (it may exceed 15 digits),
      // so idempotence is a property of valid numbers.
      fc.pre(once?.valid === true);
      const twice = normalizePhone(once!.e164);
      expect(twice?.e164).toBe(once!.e164);
      expect(twice?.valid).toBe(once!.valid);
      expect(twice?.country).toBe(once!.country);
    },
  );

  test.prop([fc.anything()])('never throws on any value', (x) => {
    expect(() => normalizePhone(x, { defaultCountry: 'US' })).not.toThrow();
  });

  test.prop([fc.string({ unit: 'binary' }), fc.option(fc.string({ maxLength: 3 }))])(
    'never throws on any string and default country',
    (s, c) => {
      const r = normalizePhone(s, { defaultCountry: c });
      if (r !== null) expect(r.e164).toMatch(/^\+\d{1,17}$/);
    },
  );
});

describe('createPhoneNormalizer', () => {
  test.prop([
    fc.array(fc.oneof(mutatedInternational, national), { minLength: 1, maxLength: 40 }),
    fc.integer({ min: 0, max: 8 }),
  ])('differential: cached results equal uncached ones, in any order and cache size', (inputs, cacheSize) => {
    const cached = createPhoneNormalizer({ cacheSize });
    for (const { text, country } of [...inputs, ...inputs.slice().reverse()]) {
      expect(cached(text, { defaultCountry: country })).toEqual(normalizePhone(text, { defaultCountry: country }));
    }
  });

  it('does not let callers corrupt cached results', () => {
    const normalize = createPhoneNormalizer();
    const first = normalize('+1 800 555 0199')!;
    expect(() => {
      (first as { e164: string }).e164 = 'x';
    }).toThrow();
    expect(normalize('+1 800 555 0199')!.e164).toBe('+18005550199');
  });

  it('rejects a bad cache size as programmer misuse', () => {
    expect(() => createPhoneNormalizer({ cacheSize: -1 })).toThrow(TypeError);
    expect(() => createPhoneNormalizer({ cacheSize: 1.5 })).toThrow(TypeError);
  });
});
