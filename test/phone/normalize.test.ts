/**
 * normalizePhone and createPhoneNormalizer: real-world examples (sources cited per group), the rules that
 * differ from libphonenumber-js on purpose (each shown against the library), options and country inputs.
 * The broad equality with the library is in differential.test.ts and phone.fuzz.test.ts.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  createPhoneNormalizer,
  isValidForRegion,
  MAX_PHONE_INPUT_LENGTH,
  normalizePhone,
  regionsForCallingCode,
  validRegions,
} from '../../src/phone/index.js';

describe('normalizePhone: formats', () => {
  it.each([
    ['+1 (212) 555-0100', undefined, '+12125550100', 'US', true],
    ['212.555.0100', 'US', '+12125550100', 'US', false],
    ['011 44 20 7946 0958', undefined, '+442079460958', 'GB', true],
    ['011 44 20 7946 0958', 'US', '+442079460958', 'GB', true],
    ['+44 (0)20 7946 0958', undefined, '+442079460958', 'GB', true],
    ['020 7946 0958', 'GB', '+442079460958', 'GB', false],
    ['07400 123456', 'GB', '+447400123456', 'GB', false],
    ['0049 30 901820', undefined, '+4930901820', 'DE', true],
    ['030 901820', 'DE', '+4930901820', 'DE', false],
    ['+33 1 42 68 53 00', undefined, '+33142685300', 'FR', true],
    ['06 12 34 56 78', 'FR', '+33612345678', 'FR', false],
    ['+81 3-3224-9999', undefined, '+81332249999', 'JP', true],
    ['090-1234-5678', 'JP', '+819012345678', 'JP', false],
    ['+55 11 91234-5678', undefined, '+5511912345678', 'BR', true],
    ['+91 98765 43210', undefined, '+919876543210', 'IN', true],
    ['(02) 9374 4000', 'AU', '+61293744000', 'AU', false],
    ['0011 44 20 7946 0958', 'AU', '+442079460958', 'GB', true],
    ['8 (495) 123-45-67', 'RU', '+74951234567', 'RU', false],
    ['810 49 30 901820', 'RU', '+4930901820', 'DE', true],
    ['+86 10 6552 9988', undefined, '+861065529988', 'CN', true],
    ['+34 912 34 56 78', undefined, '+34912345678', 'ES', true],
    ['0031 6 12345678', undefined, '+31612345678', 'NL', true],
    ['+41 44 668 18 00', undefined, '+41446681800', 'CH', true],
    ['044 668 18 00', 'CH', '+41446681800', 'CH', false],
    ['tel:+1-212-555-0100', undefined, '+12125550100', 'US', true],
    ['call 020 7946 0958 today', 'GB', '+442079460958', 'GB', false],
    ['011 15 2345-6789', 'AR', '+5491123456789', 'AR', false],
    ['00 21 49 30 901820', 'BR', '+4930901820', 'DE', true],
    ['010 49 30 901820', 'JP', '+4930901820', 'DE', true],
    ['044 123 456', 'XK', '+38344123456', 'XK', false],
    ['+４４ ２０ ７９４６ ０９５８', undefined, '+442079460958', 'GB', true],
  ] as const)('%s (default %s) → %s in %s', (raw, defaultCountry, e164, country, international) => {
    expect(normalizePhone(raw, { defaultCountry })).toMatchObject({ e164, country, valid: true, international });
  });

  it.each([
    ['(212) 555-0100 x123', '123'],
    ['212-555-0100 ext. 45', '45'],
    ['212 555 0100 #123', '123'],
    ['+1 212 555 0100;ext=6', '6'],
    ['212-555-0100 extension 7', '7'],
    ['212 555 0100,,89', '89'],
    ['212 555 0100 anexo 3', '3'],
    ['212 555 0100 доб. 4', '4'],
    ['212-555-0100 ext 12#', '12'],
  ])('keeps the extension of %s out of e164', (raw, extension) => {
    expect(normalizePhone(raw, { defaultCountry: 'US' })).toMatchObject({ e164: '+12125550100', extension });
  });
});

describe('normalizePhone: invalid numbers (issue 11)', () => {
  it.each([
    ['+15550123', '1'],
    ['+44207946', '44'],
    ['+33123', '33'],
    ['+10000000000', '1'],
    ['+1 555 555 5555', '1'],
    ['+49 1234', '49'],
  ])('%s is not valid and names no country; e164 is the parsed form only', (raw, callingCode) => {
    const r = normalizePhone(raw);
    expect(r).toMatchObject({ valid: false, country: null, callingCode, e164: raw.replace(/ /g, '') });
    expect(r?.type).toBeUndefined();
    expect(r?.possibleCountries).toBeUndefined();
  });

  it('Ofcom drama mobile numbers 07700 900000-900999 are reserved, never allocated: not valid', () => {
    // Ofcom, "Telephone numbers for use in TV and radio drama" (ofcom.org.uk): 07700 900xxx.
    expect(normalizePhone('07700 900123', { defaultCountry: 'GB' })).toMatchObject({ valid: false, country: null });
  });
});

describe('normalizePhone: the region is the number’s own (issue 11, contract C3)', () => {
  it.each([
    // NANPA reserves 555-0100 to 555-0199 for fictional use; the area code decides the region.
    ['+1 212 555 0188', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['+1 416 555 0123', 'CA', 'FIXED_LINE_OR_MOBILE'],
    ['+1 242 359 1234', 'BS', 'MOBILE'],
    // +7: Kazakhstan's numbers start with 6 or 7, Russia's with 3, 4, 8, 9.
    ['+7 495 123 45 67', 'RU', 'FIXED_LINE'],
    ['+7 701 123 4567', 'KZ', 'MOBILE'],
    // +44: the Crown Dependencies have their own ranges (Ofcom National Telephone Numbering Plan).
    ['+44 20 7946 0958', 'GB', 'FIXED_LINE'],
    ['+44 1481 256789', 'GG', 'FIXED_LINE'],
    ['+44 1534 123456', 'JE', 'FIXED_LINE'],
    ['+44 7624 369230', 'IM', 'MOBILE'],
    // +39: 06 698 is the Vatican's block inside Rome's 06 area.
    ['+39 06 6981 2345', 'VA', 'FIXED_LINE'],
    ['+39 06 4881 2345', 'IT', 'FIXED_LINE'],
    // +590: 0590 20 is Guadeloupe only; St Barthélemy and St Martin share other blocks.
    ['+590 590 20 12 34', 'GP', 'FIXED_LINE'],
    ['+358 18 123 456', 'AX', 'FIXED_LINE'],
    ['+47 79 12 34 56', 'SJ', 'FIXED_LINE'],
    ['+262 269 61 12 34', 'YT', 'FIXED_LINE'],
  ])('%s is %s', (raw, country, type) => {
    expect(normalizePhone(raw)).toMatchObject({ country, valid: true, type, international: true });
  });

  it('a national number of a record in one region can belong to another region of the same code', () => {
    expect(normalizePhone('(212) 555-0100', { defaultCountry: 'CA' })).toMatchObject({ country: 'US' });
    expect(normalizePhone('01481 256789', { defaultCountry: 'GB' })).toMatchObject({ country: 'GG' });
  });

  it.each([
    ['+1 800 555 0199', ['US', 'CA', 'JM', 'PR']],
    // Ofcom drama freephone 0808 157 0xxx: the UK toll-free ranges are shared with Guernsey.
    ['+44 808 157 0123', ['GB', 'GG']],
    // ACMA fictional mobile 0491 570 xxx: Australian mobiles also serve Cocos and Christmas Islands.
    ['+61 491 570 006', ['AU', 'CC', 'CX']],
    ['+590 690 30 12 34', ['GP', 'BL', 'MF']],
  ])('%s is valid in several regions: possibleCountries, no invented country', (raw, some) => {
    const r = normalizePhone(raw);
    expect(r).toMatchObject({ valid: true, country: null });
    expect(r?.possibleCountries).toEqual(expect.arrayContaining(some));
    // libphonenumber-js names the first region that matches, an arbitrary pick here.
    expect(parsePhoneNumberFromString(raw)?.country).toBe(some[0]);
  });

  it('non-geographic numbers have a calling code and no country', () => {
    expect(normalizePhone('+800 1234 5678')).toMatchObject({
      e164: '+80012345678',
      country: null,
      valid: true,
      type: 'TOLL_FREE',
      callingCode: '800',
    });
    expect(regionsForCallingCode('800')).toEqual(['001']);
  });

  it('international is false only for numbers read as national numbers of the default region', () => {
    expect(normalizePhone('030 901820', { defaultCountry: 'DE' })?.international).toBe(false);
    expect(normalizePhone('+49 30 901820', { defaultCountry: 'DE' })?.international).toBe(true);
    expect(normalizePhone('0049 30 901820', { defaultCountry: 'DE' })?.international).toBe(true);
    // Written with the region's own calling code but no '+': the library reads the code from the digits.
    expect(normalizePhone('49 30 901820', { defaultCountry: 'DE' })).toMatchObject({
      e164: '+4930901820',
      international: true,
    });
  });
});

describe('normalizePhone: bare numbers (a JSON number or digits that lost their +)', () => {
  it('4915112345678 with DE is the German mobile +49 151 12345678 (issue 11)', () => {
    for (const raw of [4915112345678, '4915112345678', 4915112345678n]) {
      expect(normalizePhone(raw, { defaultCountry: 'DE' })).toEqual({
        e164: '+4915112345678',
        country: 'DE',
        valid: true,
        callingCode: '49',
        international: true,
        type: 'MOBILE',
      });
    }
    // The library reads the digits as a German national number: +49 4915112345678, a "valid" fixed line.
    expect(parsePhoneNumberFromString('4915112345678', 'DE')?.number).toBe('+494915112345678');
  });

  it.each([
    // international reading valid, national not: international
    [4915112345678, 'US', '+4915112345678', true],
    [442079460958, 'FR', '+442079460958', true],
    // starts with the default region's own calling code: international
    [12125550100, 'US', '+12125550100', true],
    [447400123456, 'GB', '+447400123456', true],
    // a national number that lost its trunk 0 (or never had one): national
    [2125550100, 'US', '+12125550100', false],
    [612345678, 'FR', '+33612345678', false],
    [30901820, 'DE', '+4930901820', false],
    [7400123456, 'GB', '+447400123456', false],
    // no default region: international when valid
    [4930901820, undefined, '+4930901820', true],
    ['442079460958', undefined, '+442079460958', true],
  ] as const)('%s with %s → %s (international %s)', (raw, defaultCountry, e164, international) => {
    expect(normalizePhone(raw, { defaultCountry })).toMatchObject({ e164, valid: true, international });
  });

  it('without a default region, a bare number whose international reading is not valid gives null', () => {
    expect(normalizePhone(2125550100)).toBeNull();
    expect(normalizePhone('15550123')).toBeNull();
  });

  it('reads 00/011 as an exit code; a leading 0 is never a calling code', () => {
    expect(normalizePhone('004930901820')).toMatchObject({ e164: '+4930901820', international: true });
    expect(normalizePhone('01144207946095')).toMatchObject({ callingCode: '44', international: true });
    expect(normalizePhone('0307654321', { defaultCountry: 'DE' })).toMatchObject({ international: false });
  });
});

describe('normalizePhone: differences from libphonenumber-js on purpose', () => {
  it('reads 00/011 as international when the default region’s own exit code does not fit', () => {
    // libphonenumber-js with US reads 0049… as a US national number (the US exit code is 011): invalid.
    expect(parsePhoneNumberFromString('0049 30 901820', 'US')?.isValid()).toBe(false);
    expect(normalizePhone('0049 30 901820', { defaultCountry: 'US' })).toMatchObject({
      e164: '+4930901820',
      country: 'DE',
      valid: true,
    });
    // Without a default region the library reads nothing; 00 is the ITU-T recommended exit code.
    expect(parsePhoneNumberFromString('00 44 20 7946 0958')).toBeUndefined();
    expect(normalizePhone('00 44 20 7946 0958')).toMatchObject({ e164: '+442079460958', country: 'GB' });
  });

  it('reads RFC 3966 phone-context the same on every call (the library alternates)', () => {
    const uri = 'tel:212-555-0100;phone-context=+1';
    const library = [1, 2, 3].map(() => parsePhoneNumberFromString(uri)?.number);
    // The library's context regexes are global: a success leaves lastIndex behind, the next call fails.
    expect(library).toContain(undefined);
    expect(library).toContain('+12125550100');
    for (let k = 0; k < 3; k++) expect(normalizePhone(uri)).toMatchObject({ e164: '+12125550100', country: 'US' });
    expect(normalizePhone('tel:7946-0958;phone-context=+44-20')?.e164).toBe('+442079460958');
    // As in the library: a domain context must be written with digit labels; ';isub=' ends the number.
    expect(normalizePhone('tel:212-555-0100;phone-context=example.com', { defaultCountry: 'US' })).toBeNull();
    expect(normalizePhone('tel:+1-212-555-0100;isub=123;ext=4')).toMatchObject({ e164: '+12125550100' });
  });

  it('gives null for parses longer than the 15 digits E.164 allows', () => {
    expect(parsePhoneNumberFromString('+49 30 1234567890123')?.isValid()).toBe(true);
    expect(normalizePhone('+49 30 1234567890123')).toBeNull();
    expect(normalizePhone('+49 30 123456789012')).toBeNull();
    expect(normalizePhone('+49 30 12345678901')?.e164).toBe('+493012345678901');
  });
});

describe('normalizePhone: default country (country inputs policy)', () => {
  it.each(['DE', 'de', 'DEU', 'Germany', 'Deutschland', 'Allemagne'])('%s resolves to Germany', (defaultCountry) => {
    expect(normalizePhone('030 901820', { defaultCountry })).toMatchObject({ e164: '+4930901820', country: 'DE' });
  });

  it('ignores a default country that does not resolve (it comes from data)', () => {
    for (const defaultCountry of ['ZZ', 'Atlantis', '', 42.5, {}, null, undefined]) {
      expect(normalizePhone('030 901820', { defaultCountry })).toBeNull();
      expect(normalizePhone('+49 30 901820', { defaultCountry })?.e164).toBe('+4930901820');
    }
  });

  it('accepts the regions libphonenumber has beyond ISO 3166-1 (Ascension AC, Tristan da Cunha TA)', () => {
    expect(normalizePhone('6 1234', { defaultCountry: 'AC' })).toMatchObject({ callingCode: '247' });
  });
});

describe('normalizePhone: not a phone number', () => {
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
    Number.POSITIVE_INFINITY,
    2 ** 60,
    {},
    [],
    true,
    '+49\u000030 901820',
    `+1${'2'.repeat(MAX_PHONE_INPUT_LENGTH)}`,
    '+0 30 901820',
    '+999 123 4567',
  ])('returns null for %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('returns null for bigints that are not positive or exceed 15 digits', () => {
    expect(normalizePhone(-5n)).toBeNull();
    expect(normalizePhone(10n ** 16n)).toBeNull();
  });

  it('returns null on a 10 MB string without looking at it', () => {
    expect(normalizePhone('1'.repeat(10 * 1024 * 1024))).toBeNull();
  });
});

describe('region helpers', () => {
  it('regionsForCallingCode lists shared codes in metadata order', () => {
    expect(regionsForCallingCode('7')).toEqual(['RU', 'KZ']);
    expect(regionsForCallingCode('44')).toEqual(['GB', 'GG', 'IM', 'JE']);
    expect(regionsForCallingCode('999')).toEqual([]);
  });

  it('isValidForRegion and validRegions check national numbers', () => {
    expect(isValidForRegion('2079460958', 'GB')).toBe(true);
    expect(isValidForRegion('2079460958', 'GG')).toBe(false);
    expect(isValidForRegion('20 7946', 'GB')).toBe(false);
    expect(isValidForRegion('2079460958', 'XX')).toBe(false);
    expect(validRegions('44', '8081570123')).toEqual(['GB', 'GG']);
    expect(validRegions('800', '12345678')).toEqual([]);
  });
});

describe('createPhoneNormalizer', () => {
  it('gives the same results as normalizePhone, frozen', () => {
    const normalize = createPhoneNormalizer();
    for (const [raw, defaultCountry] of [
      ['+1 800 555 0199', undefined],
      ['030 901820', 'Germany'],
      ['030 901820', 'DE'],
      ['junk', 'DE'],
    ] as const) {
      for (let k = 0; k < 2; k++) {
        expect(normalize(raw, { defaultCountry })).toEqual(normalizePhone(raw, { defaultCountry }));
      }
    }
    const first = normalize('+1 800 555 0199')!;
    expect(Object.isFrozen(first) && Object.isFrozen(first.possibleCountries)).toBe(true);
    expect(() => {
      (first as { e164: string }).e164 = 'x';
    }).toThrow(TypeError);
    expect(normalize('+1 800 555 0199')!.e164).toBe('+18005550199');
  });

  it('rejects unknown and bad options with a TypeError naming the option', () => {
    expect(() => createPhoneNormalizer({ cachesize: 10 } as never)).toThrow(
      new TypeError('createPhoneNormalizer: unknown option "cachesize"'),
    );
    expect(() => createPhoneNormalizer({ cacheSize: -1 })).toThrow(/createPhoneNormalizer: invalid option cacheSize/);
    expect(() => createPhoneNormalizer({ cacheSize: 1.5 })).toThrow(TypeError);
    expect(() => createPhoneNormalizer('big' as never)).toThrow(TypeError);
    expect(createPhoneNormalizer({ cacheSize: 0 })('+4930901820')?.e164).toBe('+4930901820');
  });
});
