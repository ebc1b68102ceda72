import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createPostalInferrer, inferCountryFromPostalCode, type PostalHints } from '../../src/geo/index.js';
import { phoneEvidence } from '../../src/geo/phone-evidence.js';
import { hostileArb, POSTAL_EXAMPLES, typedExampleArb } from './arbitraries.js';

describe('real-world codes of capitals and major cities with their hints', () => {
  it.each<[string, PostalHints, string]>([
    ['10115', { city: 'Berlin' }, 'DE'],
    ['75008', { city: 'Paris' }, 'FR'],
    ['00118', { city: 'Roma' }, 'IT'],
    ['28013', { city: 'Madrid' }, 'ES'],
    ['1010', { city: 'Wien' }, 'AT'],
    ['8001', { city: 'Zürich' }, 'CH'],
    ['90210', { city: 'Beverly Hills', state: 'CA' }, 'US'],
    ['90210', { state: 'California' }, 'US'],
    ['10001', { state: 'NY' }, 'US'],
    ['M5V 3L9', { city: 'Toronto', state: 'ON' }, 'CA'],
    ['SW1A 1AA', { city: 'London' }, 'GB'],
    ['100-0001', { city: 'Tokyo' }, 'JP'],
    ['100-0001', { state: '東京都' }, 'JP'],
    ['01310-100', { city: 'São Paulo', state: 'SP' }, 'BR'],
    ['110001', { city: 'New Delhi' }, 'IN'],
    ['2000', { city: 'Sydney', state: 'NSW' }, 'AU'],
    ['06600', { city: 'Ciudad de México', state: 'CDMX' }, 'MX'],
    ['00-950', { city: 'Warszawa' }, 'PL'],
    ['10115', { phone: '+49 30 901820' }, 'DE'],
    ['10115', { phone: '0049 30 901820' }, 'DE'],
    ['10115', { country: 'Deutschland' }, 'DE'],
    ['75008', { phone: { callingCode: '33' } }, 'FR'],
  ])('%s %j → %s', (code, hints, expected) => {
    const result = inferCountryFromPostalCode(code, hints);
    expect(result.country).toBe(expected);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    expect(result.candidates[0]?.country).toBe(expected);
  });
});

describe('formats unique to one country are answered with high confidence and no hints', () => {
  it.each([
    ['SW1A 1AA', 'GB'],
    ['M5V 3L9', 'CA'],
    ['1234 AB', 'NL'],
    ['100-0001', 'JP'],
    ['01310-100', 'BR'],
    ['00-950', 'PL'],
    ['1250-096', 'PT'],
  ])('%s → %s', (code, expected) => {
    const result = inferCountryFromPostalCode(code);
    expect(result.country).toBe(expected);
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
  });
});

describe('ambiguous formats without a supporting hint', () => {
  it.each(['10115', '1010', '2000', '110001', '90210', '1000001'])('%s alone → null, confidence < 0.5', (code) => {
    const result = inferCountryFromPostalCode(code);
    expect(result.country).toBeNull();
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.candidates.length).toBeGreaterThan(1);
  });

  it('10115 fits the format of dozens of countries, Germany among them', () => {
    const result = inferCountryFromPostalCode('10115');
    expect(result.candidates.length).toBeGreaterThan(40);
    expect(result.candidates.map((c) => c.country)).toContain('DE');
  });

  it('an email ccTLD alone is weak: it ranks Germany first but does not decide', () => {
    const result = inferCountryFromPostalCode('10115', { emailDomain: 'example.de' });
    expect(result.candidates[0]?.country).toBe('DE');
    expect(result.country).toBeNull();
  });

  it('a +1 number is evidence for the region its leading digits name, not for all of NANP', () => {
    // 212 is no other NANP region's leading digits (libphonenumber metadata), so it stays US or CA.
    expect(phoneEvidence('+1 212 555 0100', null)).toEqual(['US', 'CA']);
    expect(phoneEvidence('+1 809 555 0100', null)).toEqual(['DO']);
    expect(phoneEvidence('+1 876 555 0100', null)).toEqual(['JM']);
    const result = inferCountryFromPostalCode('10001', { phone: '+1 212 555 0188' });
    expect(result.country).toBe('US');
  });

  it('a hint naming a country whose format rejects the code is not a candidate', () => {
    const result = inferCountryFromPostalCode('10115', { country: 'GB' });
    expect(result.country).toBeNull();
    expect(result.candidates.map((c) => c.country)).not.toContain('GB');
  });
});

describe('defaultCountry is a fallback, never evidence (issue 11)', () => {
  it('decides an otherwise ambiguous code with nothing else to go on, and says so', () => {
    const result = inferCountryFromPostalCode('10115', {}, { defaultCountry: 'DE' });
    expect(result.country).toBe('DE');
    expect(result.decidedBy).toBe('default');
    expect(result.confidence).toBeLessThan(0.1);
    expect(result.confidence).toBe(result.candidates.find((c) => c.country === 'DE')!.score);
  });
  it('loses to any evidence', () => {
    expect(inferCountryFromPostalCode('10115', { city: 'Berlin' }, { defaultCountry: 'US' }).country).toBe('DE');
    // Weak evidence that does not decide still silences the default.
    const weak = inferCountryFromPostalCode('10115', { emailDomain: 'x.fr' }, { defaultCountry: 'DE' });
    expect(weak.country).toBeNull();
    expect(weak.decidedBy).toBeNull();
  });
  it('accepts alpha-3 and names (one country policy, contract C2)', () => {
    expect(inferCountryFromPostalCode('10115', {}, { defaultCountry: 'DEU' }).country).toBe('DE');
    expect(inferCountryFromPostalCode('10115', {}, { defaultCountry: 'Deutschland' }).country).toBe('DE');
  });
  it('throws for programmer misuse (an unknown default country or option), naming the option', () => {
    expect(() => inferCountryFromPostalCode('10115', {}, { defaultCountry: 'Narnia' })).toThrow(/defaultCountry/);
    expect(() =>
      inferCountryFromPostalCode('10115', {}, { defaultCountry: 'DE', defaultRegion: 'DE' } as never),
    ).toThrow(/unknown option "defaultRegion"/);
    expect(() => createPostalInferrer({ defaultCountry: 'ZZ' })).toThrow(TypeError);
  });
});

describe('evidence order: country > phone > state > city > email', () => {
  it.each<[PostalHints, string]>([
    [{ country: 'FR', phone: '+49 30 901820', state: 'CA', city: 'Berlin', emailDomain: 'x.es' }, 'FR'],
    [{ phone: '+49 30 901820', city: 'Paris', emailDomain: 'x.es' }, 'DE'],
    [{ state: 'California', city: 'Berlin', emailDomain: 'x.de' }, 'US'],
    [{ city: 'Madrid', emailDomain: 'x.de' }, 'ES'],
    [{ phone: '+34 910 000 000', state: 'California', city: 'Berlin', emailDomain: 'x.de' }, 'ES'],
  ])('%j → %s', (hints, expected) => {
    expect(inferCountryFromPostalCode('90210', hints).country).toBe(expected);
  });
});

describe('caching', () => {
  it('a cached result is not affected by a caller mutating an earlier result', () => {
    const first = inferCountryFromPostalCode('2000');
    const expected = structuredClone(first);
    first.candidates.length = 0;
    expect(inferCountryFromPostalCode('2000')).toEqual(expected);
  });
  it('evidence ranking matches a full sort of the same scores', () => {
    const result = inferCountryFromPostalCode('10115', {
      city: 'Berlin',
      emailDomain: 'x.fr',
      phone: '+1 809 555 0100',
    });
    const resorted = [...result.candidates].sort((a, b) => b.score - a.score);
    expect(result.candidates.map((c) => c.score)).toEqual(resorted.map((c) => c.score));
    // +1 809 is the Dominican Republic (leading digits), above the city evidence for DE, above FR's email.
    expect(result.candidates.slice(0, 3).map((c) => c.country)).toEqual(['DO', 'DE', 'FR']);
  });
});

describe('properties', () => {
  it('every country’s own example postal code infers it among the candidates (exhaustive)', () => {
    for (const { country, example } of POSTAL_EXAMPLES) {
      const result = inferCountryFromPostalCode(example);
      expect(
        result.candidates.map((c) => c.country),
        `${country} ${example}`,
      ).toContain(country);
    }
  });

  test.prop([typedExampleArb])(
    'with an explicit country hint, the result is that country when the code is valid for it',
    ({ country, code }) => {
      const result = inferCountryFromPostalCode(code, { country });
      expect(result.country).toBe(country);
      expect(result.confidence).toBeGreaterThan(0.9);
    },
  );

  test.prop([typedExampleArb, fc.record({ city: fc.string(), state: fc.string(), emailDomain: fc.string() })])(
    'scores are a distribution: in [0, 1], sorted, summing to at most 1; country set iff confidence >= 0.5',
    ({ code }, hints) => {
      const result = inferCountryFromPostalCode(code, hints);
      let sum = 0;
      result.candidates.forEach((c, i) => {
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(1);
        if (i > 0) expect(c.score).toBeLessThanOrEqual(result.candidates[i - 1]!.score);
        sum += c.score;
      });
      // Scores are rounded to 4 decimals each.
      expect(sum).toBeLessThanOrEqual(1 + result.candidates.length * 5e-5);
      if (result.country !== null) expect(result.confidence).toBeGreaterThanOrEqual(0.5);
      else expect(result.confidence).toBeLessThan(0.5 + 1e-9);
      expect(result.decidedBy === 'evidence').toBe(result.country !== null);
    },
  );

  test.prop([
    hostileArb,
    fc.oneof(
      fc.anything(),
      fc.record({
        country: hostileArb,
        state: hostileArb,
        city: hostileArb,
        phone: hostileArb,
        emailDomain: hostileArb,
      }),
    ),
  ])('never throws on any code and hints', (code, hints) => {
    const result = inferCountryFromPostalCode(code, hints as PostalHints);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });
});

describe('issue 11: evidence, not echoes', () => {
  it('defaultCountry DE, 75001 + a national phone 06 12 34 56 78: the phone is not DE evidence', () => {
    // Before: DE with confidence 1 (the phone, parsed under the default region, counted as DE evidence).
    const result = inferCountryFromPostalCode('75001', { phone: '06 12 34 56 78' }, { defaultCountry: 'DE' });
    expect(result.decidedBy).toBe('default');
    expect(result.confidence).toBeLessThan(0.1);
    // The same number as a NormalizedPhone read under the default region (C3: international: false).
    const object = { callingCode: '49', country: 'DE', international: false, valid: false };
    const same = inferCountryFromPostalCode('75001', { phone: object }, { defaultCountry: 'DE' });
    expect(same.confidence).toBe(result.confidence);
  });

  it("defaultCountry US, Berlin's 10115 + 030 901820: not US at 0.995", () => {
    const result = inferCountryFromPostalCode('10115', { phone: '030 901820' }, { defaultCountry: 'US' });
    expect(result.country === 'US' ? result.decidedBy : 'not US').not.toBe('evidence');
    expect(result.confidence).toBeLessThan(0.1);
  });

  it('+1 212 555 0188 with zip 10001 gives US (before: null at 0.5)', () => {
    const result = inferCountryFromPostalCode('10001', { phone: '+1 212 555 0188' });
    expect(result.country).toBe('US');
    expect(result.decidedBy).toBe('evidence');
  });

  it("a NormalizedPhone's own region is evidence (C3); a national one read under the record's country is too", () => {
    const jm = { callingCode: '1', country: 'JM', international: true, valid: true, e164: '+18765550100' };
    expect(inferCountryFromPostalCode('10001', { phone: jm }).candidates[0]?.country).not.toBe('US');
    const national = { callingCode: '49', country: 'DE', international: false, valid: true };
    expect(phoneEvidence(national, 'DE')).toEqual(['DE']);
    expect(phoneEvidence(national, null)).toBeNull();
  });

  it('confidence 1 means the record named its country; other evidence stays below 1', () => {
    expect(inferCountryFromPostalCode('10115', { country: 'DE' }).confidence).toBe(1);
    const strong = inferCountryFromPostalCode('10115', { phone: '+49 30 901820', state: 'Berlin', city: 'Berlin' });
    expect(strong.country).toBe('DE');
    expect(strong.confidence).toBeLessThan(1);
    expect(strong.confidence).toBeGreaterThan(0.99);
  });

  it('compact postcodes: sw1a1aa infers GB like sw1a 1aa (before: a GB/IE tie at 0.49)', () => {
    const compact = inferCountryFromPostalCode('sw1a1aa');
    expect(compact.country).toBe('GB');
    expect(compact).toEqual(inferCountryFromPostalCode('sw1a 1aa'));
  });

  it.each<[string, PostalHints, string]>([
    // Subdivisions (issue 11; all null before): ISO 3166-2 local names, English names, bare codes.
    ['10115', { state: 'Berlin' }, 'DE'],
    ['8010', { state: 'Steiermark' }, 'AT'],
    ['8010', { state: 'Styria' }, 'AT'],
    ['8001', { state: 'ZH' }, 'CH'],
    ['4001', { state: 'KwaZulu-Natal' }, 'ZA'],
    // Cities (all null before): GeoNames cities >= 15,000 inhabitants.
    ['6900', { city: 'Bregenz' }, 'AT'],
    ['1000', { city: 'Ljubljana' }, 'SI'],
    ['1010', { city: 'Caracas' }, 'VE'],
    // Ambiguous city names are weighted by population: Córdoba is AR's (1.4 M), ES's (0.3 M), MX's.
    ['5000', { city: 'Córdoba' }, 'AR'],
    ['14001', { city: 'Córdoba' }, 'ES'],
  ])('%s %j → %s', (code, hints, expected) => {
    const result = inferCountryFromPostalCode(code, hints);
    expect(result.country).toBe(expected);
    expect(result.decidedBy).toBe('evidence');
  });
});

describe('properties of the evidence model', () => {
  const regionArb = fc.constantFrom('DE', 'US', 'FR', 'GB', 'JP', 'BR', 'IN', 'AU', 'CH', 'AT', 'ZA', 'MX');
  const hintsArb = fc.record(
    {
      state: fc.constantFrom('Berlin', 'CA', 'Steiermark', 'ZH', 'Texas', 'Bavaria', 'xyz'),
      city: fc.constantFrom('Berlin', 'Paris', 'Wien', 'Springfield', 'Córdoba', 'Nowhere'),
      phone: fc.constantFrom('+49 30 901820', '030 901820', '+1 212 555 0188', '06 12 34 56 78', '+33 1 23 45 67 89'),
      emailDomain: fc.constantFrom('x.de', 'x.fr', 'gmail.com', 'x.co.uk'),
      country: fc.constantFrom('DE', 'Frankreich', 'USA', 'Narnia'),
    },
    { requiredKeys: [] },
  );
  let decidedByDefault = 0;
  // Half the records carry no hint (the only ones the default may decide), with common 4/5-digit codes.
  const recordArb = fc.tuple(
    fc.oneof(
      typedExampleArb,
      fc.constantFrom('10115', '75001', '2000', '90210', '8010').map((code) => ({ code })),
    ),
    fc.oneof(fc.constant({}), hintsArb),
  );
  test.prop([recordArb, regionArb, regionArb])(
    'the default country never raises confidence above what the record gets with the default in another region',
    ([{ code }, hints], x, y) => {
      const withX = inferCountryFromPostalCode(code, hints, { defaultCountry: x });
      const withY = inferCountryFromPostalCode(code, hints, { defaultCountry: y });
      if (withX.decidedBy === 'default') decidedByDefault++;
      // The confidence in a country is its score; no default raises any country's score above what the
      // record gives it with the default in another region (they are equal: the default adds no weight).
      const scoreUnderY = (country: string | null) => withY.candidates.find((c) => c.country === country)?.score;
      if (withX.country !== null) expect(withX.confidence).toBeLessThanOrEqual(scoreUnderY(withX.country)!);
      expect(withX.candidates).toEqual(withY.candidates);
      // And a default that decides never claims more than the evidence's best (< 0.5: it decided nothing).
      const without = inferCountryFromPostalCode(code, hints);
      expect(withX.confidence).toBeLessThanOrEqual(without.confidence);
      if (withX.decidedBy !== 'default') expect(withX).toEqual(without);
    },
  );
  it('the default-country property saw the default decide (not vacuous)', () => {
    expect(decidedByDefault).toBeGreaterThan(3);
  });

  test.prop([typedExampleArb, fc.option(hintsArb, { nil: undefined })])(
    'compact and spaced postcodes infer the same',
    ({ code }, hints) => {
      expect(inferCountryFromPostalCode(code.replace(/ /g, ''), hints)).toEqual(
        inferCountryFromPostalCode(code, hints),
      );
    },
  );
});
