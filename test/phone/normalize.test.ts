import { fc, test } from '@fast-check/vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { createPhoneNormalizer, MAX_PHONE_INPUT_LENGTH, normalizePhone } from '../../src/phone/index.js';
import { fastInternational, internationalDigits } from '../../src/phone/normalize.js';
import { EXAMPLES, mutatedInternational, national, strictE164 } from './arbitraries.js';
import { expectedFromLibrary } from './oracle.js';

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
    ['+1 (416) 555-0123', 'US', '+14165550123', 'CA'],
    ['(02) 9374 4000', 'AU', '+61293744000', 'AU'],
    ['+34 912 34 56 78', undefined, '+34912345678', 'ES'],
    ['+31 (0)20 123 4567', undefined, '+31201234567', 'NL'],
    ['0031 6 12345678', undefined, '+31612345678', 'NL'],
    ['+27 21 123 4567', undefined, '+27211234567', 'ZA'],
    ['+52 55 1234 5678', undefined, '+525512345678', 'MX'],
    ['+234 803 123 4567', undefined, '+2348031234567', 'NG'],
    ['+971 50 123 4567', undefined, '+971501234567', 'AE'],
    ['+65 6123 4567', undefined, '+6561234567', 'SG'],
    ['+41 44 668 18 00', undefined, '+41446681800', 'CH'],
    ['044 668 18 00', 'CH', '+41446681800', 'CH'],
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

  it('marks numbers outside any number range invalid but still normalizes them, without naming a country', () => {
    expect(normalizePhone('+1 555 555 5555')).toEqual({
      e164: '+15555555555',
      country: null,
      valid: false,
      callingCode: '1',
    });
    // +49 is only Germany, but 1234 is in none of its number ranges: the calling code is all we know.
    expect(normalizePhone('+49 1234')).toMatchObject({ country: null, valid: false, callingCode: '49' });
  });

  it('reads 00/011 as international when the default region’s own reading is not a valid number', () => {
    // libphonenumber with US reads 0049... as a US national number (US exit code is 011): invalid.
    expect(normalizePhone('0049 30 901820', { defaultCountry: 'US' })).toMatchObject({
      e164: '+4930901820',
      country: 'DE',
      valid: true,
    });
    expect(normalizePhone('011 44 20 7946 0958', { defaultCountry: 'DE' })).toMatchObject({
      e164: '+442079460958',
      country: 'GB',
    });
    // Australia's own exit code 0011 is handled by libphonenumber with AU as the default region.
    expect(normalizePhone('0011 44 20 7946 0958', { defaultCountry: 'AU' })).toMatchObject({ e164: '+442079460958' });
  });

  it('splits shared calling codes honestly beyond NANP', () => {
    expect(normalizePhone('+44 7624 369230')).toMatchObject({ country: 'IM', valid: true });
    expect(normalizePhone('+44 1481 256789')).toMatchObject({ country: 'GG', valid: true });
    expect(normalizePhone('+358 18 12345')).toMatchObject({ country: 'AX', valid: true });
    // 06 698 is the Vatican's block inside Rome's 06 area; libphonenumber's metadata gives it to VA only.
    expect(normalizePhone('+39 06 698 12345')).toMatchObject({ country: 'VA', valid: true });
    expect(normalizePhone('+39 02 1234 5678')).toMatchObject({ country: 'IT', valid: true });
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
      expect(normalizePhone(ex.e164), ex.country).toEqual(expectedFromLibrary(ex.e164));
      expect(normalizePhone(ex.e164)?.e164, ex.country).toBe(ex.e164);
      expect(normalizePhone(ex.national, { defaultCountry: ex.country })?.e164, ex.country).toBe(lib?.number);
    }
  });

  test.prop([mutatedInternational])(
    'differential: formatted international numbers (+, 00, 011) give exactly what libphonenumber-js gives',
    ({ text, libText }) => {
      expect(normalizePhone(text)).toEqual(expectedFromLibrary(libText));
    },
  );

  test.prop([strictE164], { numRuns: 2000 })(
    'differential: strict E.164 input gives exactly the library result',
    (text) => {
      expect(normalizePhone(text)).toEqual(expectedFromLibrary(text));
    },
  );

  test.prop(
    [
      fc.oneof(
        strictE164,
        mutatedInternational.map((m) => m.libText),
      ),
    ],
    { numRuns: 2000 },
  )('differential: whenever the fast path answers, the answer is the library’s', (text) => {
    const digits = internationalDigits(text, 1);
    const fast = digits === undefined ? undefined : fastInternational(digits);
    if (fast !== undefined) expect(fast).toEqual(expectedFromLibrary(text));
  });

  it('the fast path answers for most valid example numbers (the differential above is not vacuous)', () => {
    const answered = EXAMPLES.filter((ex) => fastInternational(ex.e164.slice(1)) !== undefined).length;
    expect(answered).toBeGreaterThan(EXAMPLES.length * 0.8);
  });

  test.prop([national])(
    'differential: national numbers with their default country agree with libphonenumber-js',
    ({ text, country }) => {
      expect(normalizePhone(text, { defaultCountry: country })).toEqual(expectedFromLibrary(text, country));
    },
  );

  test.prop([fc.oneof(mutatedInternational, national)])(
    'idempotence: normalizing the E.164 output of a valid number gives the same result (minus the extension)',
    ({ text, country }) => {
      const once = normalizePhone(text, { defaultCountry: country });
      // An invalid number's "E.164" is only libphonenumber's best effort (it may exceed 15 digits),
      // so idempotence is a property of valid numbers.
      fc.pre(once?.valid === true);
      const { extension: _extension, ...withoutExtension } = once!;
      expect(normalizePhone(once!.e164)).toEqual(withoutExtension);
      expect(normalizePhone(once!.e164, { defaultCountry: country })).toEqual(withoutExtension);
    },
  );

  test.prop([fc.anything()])('never throws on any value', (x) => {
    expect(() => normalizePhone(x, { defaultCountry: 'US' })).not.toThrow();
  });

  test.prop([fc.string({ unit: 'binary' }), fc.option(fc.string({ maxLength: 3 }))])(
    'never throws on any string and default country; results are well-formed',
    (s, c) => {
      const r = normalizePhone(s, { defaultCountry: c });
      if (r !== null) {
        expect(r.e164).toMatch(/^\+\d{1,20}$/);
        expect(r.e164.startsWith(`+${r.callingCode}`)).toBe(true);
        if (!r.valid) expect(r.country).toBeNull();
      }
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
