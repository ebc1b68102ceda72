/**
 * Long fuzz run (`npm run test:fuzz`): `FUZZ_RUNS` runs per property (default 100k). Each property counts
 * how many inputs reached the interesting path and asserts it was not vacuous.
 */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  inferCountryFromPostalCode,
  isValidPostalCode,
  normalizeCountry,
  normalizePostalCode,
  POSTAL_CODE_COUNTRIES,
  type PostalHints,
} from '../../src/geo/index.js';
import { hostileArb, postalLikeArb, typedExampleArb } from './arbitraries.js';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const countryLikeArb = fc.oneof(
  hostileArb,
  fc.constantFrom(...POSTAL_CODE_COUNTRIES),
  fc.constantFrom('Deutschland', 'U.S.A.', 'Congo', 'the netherlands', 'Côte d’Ivoire', '日本', 276),
);
const hintsArb = fc.oneof(
  fc.anything(),
  fc.record(
    { country: countryLikeArb, state: hostileArb, city: hostileArb, phone: hostileArb, emailDomain: hostileArb },
    { requiredKeys: [] },
  ),
);

describe('geo fuzz', () => {
  it('normalizeCountry never throws and is idempotent', () => {
    let found = 0;
    fc.assert(
      fc.property(countryLikeArb, (input) => {
        const country = normalizeCountry(input);
        if (country !== null) {
          found++;
          expect(normalizeCountry(country.alpha2)).toEqual(country);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(found).toBeGreaterThan(NUM_RUNS / 10);
  });

  it('normalizePostalCode / isValidPostalCode never throw and are idempotent', () => {
    let valid = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          hostileArb,
          postalLikeArb,
          typedExampleArb.map((e) => e.code),
        ),
        countryLikeArb,
        (code, country) => {
          const once = normalizePostalCode(code, country);
          expect(isValidPostalCode(code, country)).toBe(once !== null);
          if (once !== null) {
            valid++;
            expect(normalizePostalCode(once, country)).toBe(once);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(valid).toBeGreaterThan(NUM_RUNS / 100);
  });

  it('inferCountryFromPostalCode never throws and returns a well-formed result', () => {
    let decided = 0;
    let byDefault = 0;
    let withCandidates = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          hostileArb,
          postalLikeArb,
          typedExampleArb.map((e) => e.code),
        ),
        hintsArb,
        (code, hints) => {
          const result = inferCountryFromPostalCode(code, hints as PostalHints, { defaultCountry: 'DE' });
          expect(result.confidence >= 0 && result.confidence <= 1).toBe(true);
          if (result.candidates.length > 0) withCandidates++;
          if (result.decidedBy === 'evidence') {
            decided++;
            expect(result.confidence).toBeGreaterThanOrEqual(0.5);
          } else if (result.decidedBy === 'default') {
            byDefault++;
            expect(result.country).toBe('DE');
          } else expect(result.country).toBeNull();
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(withCandidates).toBeGreaterThan(NUM_RUNS / 10);
    expect(decided).toBeGreaterThan(NUM_RUNS / 1000);
    expect(byDefault).toBeGreaterThan(NUM_RUNS / 1000);
  });

  it('an explicit country hint wins whenever the code is valid for it', () => {
    fc.assert(
      fc.property(typedExampleArb, ({ country, code }) => {
        expect(inferCountryFromPostalCode(code, { country }).country).toBe(country);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
