import { fc, test } from '@fast-check/vitest';
import isoCountries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { ALL_ALPHA2, lookupCountry, normalizeCountry, toAlpha2 } from '../../src/geo/index.js';
import { normalizePlaceKey } from '../../src/geo/key.js';

const alpha2Arb = fc.constantFrom(...ALL_ALPHA2);

describe('normalizeCountry: names in the locales i18n-iso-countries ships (issue 3)', () => {
  it.each([
    ['Deutschland', 'DE'],
    ['Allemagne', 'DE'],
    ['Германия', 'DE'],
    ['日本', 'JP'],
    ['España', 'ES'],
    ['Brasil', 'BR'],
    ['Schweiz', 'CH'],
    ['Suisse', 'CH'],
    ['Österreich', 'AT'],
    ['OSTERREICH', 'AT'],
  ])('%s → %s', (input, alpha2) => {
    expect(normalizeCountry(input)?.alpha2).toBe(alpha2);
  });
});

describe('normalizeCountry: aliases and historic spellings (issue 3)', () => {
  it.each([
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Wales', 'GB'],
    ['Northern Ireland', 'GB'],
    ['Holland', 'NL'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote dIvoire', 'CI'],
    ['South Korea', 'KR'],
    ['Korea, Republic of', 'KR'],
    ['Russia', 'RU'],
    ['Vietnam', 'VN'],
    ['Viet Nam', 'VN'],
  ])('%s → %s', (input, alpha2) => {
    expect(normalizeCountry(input)?.alpha2).toBe(alpha2);
  });
});

describe('normalizeCountry: matching ignores case, accents, punctuation, leading "the", whitespace', () => {
  it.each([
    ['  the   NETHERLANDS ', 'NL'],
    ['cote d’ivoire', 'CI'],
    ['COTE-D-IVOIRE', 'CI'],
    ['guinea bissau', 'GW'],
    ['Bosnia & Herzegovina', 'BA'],
    ['new zealand.', 'NZ'],
  ])('%s → %s', (input, alpha2) => {
    expect(normalizeCountry(input)?.alpha2).toBe(alpha2);
  });
});

describe('normalizeCountry: codes', () => {
  it('accepts alpha-2, alpha-3 and numeric codes in any case and form', () => {
    expect(normalizeCountry('de')).toEqual({ alpha2: 'DE', alpha3: 'DEU', name: 'Germany' });
    expect(normalizeCountry('DEU')?.alpha2).toBe('DE');
    expect(normalizeCountry('276')?.alpha2).toBe('DE');
    expect(normalizeCountry(276)?.alpha2).toBe('DE');
    expect(normalizeCountry('4')?.alpha2).toBe('AF');
    expect(normalizeCountry('004')?.alpha2).toBe('AF');
    expect(normalizeCountry(840)?.alpha2).toBe('US');
  });
  it('rejects unknown codes and non-integers', () => {
    expect(normalizeCountry('ZZ')).toBeNull();
    expect(normalizeCountry('999')).toBeNull();
    expect(normalizeCountry(276.5)).toBeNull();
    expect(normalizeCountry(-1)).toBeNull();
  });
});

describe('ambiguous names are never guessed', () => {
  it.each(['Congo', 'Korea', 'Virgin Islands'])('%s → null, lookupCountry reports candidates', (name) => {
    expect(normalizeCountry(name)).toBeNull();
    const result = lookupCountry(name);
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous') expect(result.candidates.length).toBeGreaterThanOrEqual(2);
  });
  it('a key that two countries share in the locale data is reported ambiguous, not resolved to either', () => {
    // "Kongo" is the German/Dutch/... short name of both Congos in CLDR-derived data.
    const result = lookupCountry('Kongo');
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous') expect(result.candidates.map((c) => c.alpha2).sort()).toEqual(['CD', 'CG']);
  });
});

describe('bad input gives null', () => {
  it.each([null, undefined, '', '   ', {}, [], true, Number.NaN, 'x'.repeat(10_000), '\u0000\u0001', '\uD800'])(
    '%s',
    (input) => {
      expect(normalizeCountry(input)).toBeNull();
    },
  );
});

describe('properties', () => {
  test.prop([alpha2Arb])('normalizeCountry(alpha2) round-trips for every ISO country', (alpha2) => {
    const country = normalizeCountry(alpha2);
    expect(country?.alpha2).toBe(alpha2);
    expect(normalizeCountry(country!.alpha3)?.alpha2).toBe(alpha2);
    expect(normalizeCountry(alpha2.toLowerCase())?.alpha2).toBe(alpha2);
  });

  it('round-trips every ISO country exhaustively (alpha-2, alpha-3, numeric)', () => {
    const alpha2s = Object.keys(isoCountries.getAlpha2Codes());
    expect(alpha2s.length).toBeGreaterThanOrEqual(249);
    for (const alpha2 of alpha2s) {
      expect(normalizeCountry(alpha2)?.alpha2).toBe(alpha2);
      expect(normalizeCountry(isoCountries.alpha2ToAlpha3(alpha2))?.alpha2).toBe(alpha2);
      expect(normalizeCountry(isoCountries.alpha2ToNumeric(alpha2))?.alpha2).toBe(alpha2);
    }
  });

  test.prop([alpha2Arb])('the English name of every country resolves back to it', (alpha2) => {
    const country = normalizeCountry(alpha2)!;
    expect(normalizeCountry(country.name)?.alpha2).toBe(alpha2);
  });

  test.prop([fc.anything()])('normalization is idempotent: normalizeCountry(result.alpha2) === result', (input) => {
    const first = normalizeCountry(input);
    if (first !== null) {
      expect(normalizeCountry(first.alpha2)).toEqual(first);
      expect(normalizeCountry(first.name)).toEqual(first);
    }
  });

  test.prop([fc.string({ maxLength: 300 })])('normalizePlaceKey is idempotent', (input) => {
    const key = normalizePlaceKey(input);
    if (key !== null) expect(normalizePlaceKey(key)).toBe(key);
  });

  test.prop([fc.anything()])('never throws and returns null or a Country', (input) => {
    const result = normalizeCountry(input);
    expect(result === null || (typeof result.alpha2 === 'string' && result.alpha2.length === 2)).toBe(true);
    expect(['found', 'ambiguous', 'unknown']).toContain(lookupCountry(input).status);
    expect(toAlpha2(input)).toBe(result?.alpha2 ?? null);
  });
});
