import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CALLING_CODE_REGIONS } from '../../src/geo/data/calling-codes.generated.js';
import { inferCountryFromPostalCode, inferWithoutResultCache, type PostalHints } from '../../src/geo/infer.js';
import { regionsForNumber } from '../../src/geo/phone-evidence.js';
import { POSTAL_EXAMPLES, typedExampleArb } from './arbitraries.js';

// Differential tests of two fast paths. The result cache of src/geo/infer.ts (by base ranking and evidence)
// is pinned to the uncached ranking, on records whose results are long (weak city evidence keeps dozens of
// candidates: the ones it caches) and on strong evidence (ranked directly). The phone narrowing memo of
// src/geo/phone-evidence.ts (by deciding leading digits) is pinned to testing every region's regex.

// Names several countries share (GeoNames), with different population shares: the same candidates get
// different factors, which the cache key must tell apart.
const CITIES = [
  ...['Berlin', 'Paris', 'Springfield', 'London', 'Córdoba', 'Wien', 'Portland', 'Valencia', 'Nowhere'],
  ...['Manchester', 'Birmingham', 'Cambridge', 'Richmond', 'Kingston', 'Hamilton', 'Newport', 'Victoria'],
];
const STATES = ['Berlin', 'CA', 'Texas', 'Steiermark', 'ZH', 'Bavaria', 'Île-de-France'];
const CODES = ['10115', '75001', '90210', '2000', '8010', '1010', '46001', '97201', '1000', '28001'];

function records(): { code: string; hints: PostalHints }[] {
  const out: { code: string; hints: PostalHints }[] = [];
  const codes = [...CODES, ...POSTAL_EXAMPLES.map((e) => e.example)];
  codes.forEach((code, i) => {
    for (const city of CITIES) out.push({ code, hints: { city } });
    out.push({ code, hints: { state: STATES[i % STATES.length], city: CITIES[(i + 3) % CITIES.length] } });
    out.push({ code, hints: { city: CITIES[(i + 5) % CITIES.length], emailDomain: 'x.de' } });
  });
  return out;
}

describe('the result cache equals the uncached ranking', () => {
  it('on every country example and common codes with city and state hints, three passes (mark, fill, hit)', () => {
    const corpus = records();
    let cachedHits = 0;
    let longResults = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (const { code, hints } of corpus) {
        const result = inferCountryFromPostalCode(code, hints);
        expect(result).toEqual(inferWithoutResultCache(code, hints));
        if (result.candidates.length >= 8) longResults++;
        // Cached results share frozen candidates; freshly ranked ones are the caller's own.
        if (result.candidates.length > 0 && Object.isFrozen(result.candidates[0])) cachedHits++;
      }
    }
    expect(longResults).toBeGreaterThan(100);
    expect(cachedHits).toBeGreaterThan(100);
  });

  it('a caller mutating a cached result does not change the next one', () => {
    const hints = { city: 'Springfield' };
    for (let i = 0; i < 2; i++) inferCountryFromPostalCode('97201', hints);
    const first = inferCountryFromPostalCode('97201', hints);
    const expected = structuredClone(first);
    first.candidates.length = 0;
    first.country = 'XX';
    expect(inferCountryFromPostalCode('97201', hints)).toEqual(expected);
  });

  test.prop([
    typedExampleArb,
    fc.record({ city: fc.constantFrom(...CITIES), state: fc.constantFrom(...STATES) }, { requiredKeys: [] }),
    fc.constantFrom(undefined, 'US', 'DE'),
  ])('any typed example with place hints and a default infers as the uncached ranking', ({ code }, hints, dflt) => {
    const options = dflt === undefined ? undefined : { defaultCountry: dflt };
    // Twice: the second call may come from the cache.
    inferCountryFromPostalCode(code, hints, options);
    expect(inferCountryFromPostalCode(code, hints, options)).toEqual(inferWithoutResultCache(code, hints, dflt));
  });
});

describe('phone narrowing by deciding digits equals testing the whole number', () => {
  // Reference: each region's leading-digits regex tested on the whole national number (the slow path).
  function reference(code: string, national: string): readonly string[] {
    const table = CALLING_CODE_REGIONS[code]!;
    const matched = table.filter(([, d]) => d.length > 0 && new RegExp(`^(?:${d})`).test(national)).map(([r]) => r);
    if (matched.length > 0) return matched;
    const others = table.filter(([, d]) => d.length === 0).map(([r]) => r);
    return others.length > 0 ? others : table.map(([r]) => r);
  }
  const shared = Object.keys(CALLING_CODE_REGIONS).filter((code) => CALLING_CODE_REGIONS[code]!.length > 1);
  let narrowed = 0;
  test.prop([fc.constantFrom(...shared), fc.stringMatching(/^\d{1,14}$/)])(
    'for every shared calling code and any national digits',
    (code, national) => {
      const expected = reference(code, national);
      if (expected.length < CALLING_CODE_REGIONS[code]!.length) narrowed++;
      // Twice: the second answer comes from the memo of deciding prefixes.
      regionsForNumber(code, national);
      expect(regionsForNumber(code, national)).toEqual(expected);
    },
  );
  it('on every NANP area code (exhaustive), and the property narrowed (not vacuous)', () => {
    for (let area = 200; area <= 999; area++) {
      for (const rest of ['0000000', '1234567', '5550100']) {
        expect(regionsForNumber('1', `${area}${rest}`)).toEqual(reference('1', `${area}${rest}`));
      }
    }
    expect(narrowed).toBeGreaterThan(0);
  });
});
