/**
 * Geo benchmarks (issue 3): normalizeCountry vs i18n-iso-countries getAlpha2Code, and
 * inferCountryFromPostalCode / findPostalCodeCountries vs a naive scan of every country's postal regex.
 * Run: `npm run bench -- geo`.
 */
import isoCountriesModule from 'i18n-iso-countries';
import { inferCountryFromPostalCode, normalizeCountry } from '../src/geo/index.js';
import { COMPILED_POSTAL_FORMATS, cleanPostalInput, matchUncached } from '../src/geo/postal.js';
import { compare, table } from './harness.js';

const isoCountries = isoCountriesModule;

// A realistic mix of how country columns look in CRM data: English names, codes, local names, aliases.
const countryInputs = [
  'Germany',
  'United States of America',
  'France',
  'Japan',
  'Brazil',
  'India',
  'Spain',
  'Italy',
  'Netherlands',
  'Canada',
  'Australia',
  'Mexico',
  'Switzerland',
  'Austria',
  'Poland',
  'Portugal',
  'DE',
  'US',
  'GB',
  'FR',
  'usa',
  'Deutschland',
  'España',
  'Brasil',
  'Schweiz',
  'Österreich',
  'UK',
  'Holland',
];
const englishNames = countryInputs.filter((s) => isoCountries.getAlpha2Code(s, 'en') !== undefined);
const langs = isoCountries.langs();

const repeat = <T>(list: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => list[i % list.length]!);
const englishBatch = repeat(englishNames, 20_000);

const out: string[] = ['## Geo', ''];

out.push(
  table(
    'Country normalization (English names that getAlpha2Code resolves)',
    compare([
      {
        name: 'normalizeCountry (index)',
        count: englishBatch.length,
        run: () => englishBatch.map((s) => normalizeCountry(s)?.alpha2),
      },
      {
        name: "getAlpha2Code(name, 'en')",
        count: englishBatch.length,
        run: () => englishBatch.map((s) => isoCountries.getAlpha2Code(s, 'en')),
      },
    ]),
    ["getAlpha2Code(name, 'en')"],
  ),
);

// The fair comparison for free text: try every locale until one matches, as one would to accept
// "Deutschland" or "Österreich" with the library alone.
const allLocalesBatch = repeat(countryInputs, 2_000);
const getAlpha2AnyLocale = (s: string) => {
  for (const lang of langs) {
    const code = isoCountries.getAlpha2Code(s, lang);
    if (code !== undefined) return code;
  }
  return undefined;
};
out.push(
  table(
    `Country normalization (mixed codes, names in any of ${langs.length} locales, aliases)`,
    compare([
      {
        name: 'normalizeCountry (index)',
        count: allLocalesBatch.length,
        run: () => allLocalesBatch.map((s) => normalizeCountry(s)?.alpha2),
      },
      {
        name: 'getAlpha2Code over all locales',
        count: allLocalesBatch.length,
        run: () => allLocalesBatch.map(getAlpha2AnyLocale),
      },
    ]),
    ['getAlpha2Code over all locales'],
  ),
);

// Postal codes as they arrive: ambiguous 4/5/6-digit codes dominate, plus distinctive formats.
const postalInputs = [
  '10115',
  '75008',
  '00118',
  '28013',
  '1010',
  '8001',
  '90210',
  '10001',
  'M5V 3L9',
  'SW1A 1AA',
  '100-0001',
  '01310-100',
  '110001',
  '2000',
  '00-950',
  '1250-096',
  '1234 AB',
  '22162-1010',
];
const postalBatch = repeat(postalInputs, 20_000);
const naiveFormats = [...COMPILED_POSTAL_FORMATS.values()].map((f) => ({ region: f.region, regex: f.regex }));
/** The naive approach: uppercase/trim, then test every country's anchored regex. */
const naiveScan = (code: string) => {
  const cleaned = code.trim().toUpperCase();
  const hits: string[] = [];
  for (const { region, regex } of naiveFormats) if (regex.test(cleaned)) hits.push(region);
  return hits;
};
const uncached = (c: string) => {
  const cleaned = cleanPostalInput(c);
  return cleaned === null ? 0 : matchUncached(cleaned).length;
};
const naiveName = `naive scan of ${naiveFormats.length} regexes`;
out.push(
  table(
    `Postal code → countries (${postalInputs.length} distinct codes, repeated as in a real column)`,
    compare([
      {
        name: 'inferCountryFromPostalCode (no hints)',
        count: postalBatch.length,
        run: () => postalBatch.map((c) => inferCountryFromPostalCode(c).country),
      },
      {
        name: 'inferCountryFromPostalCode (country hint)',
        count: postalBatch.length,
        run: () => postalBatch.map((c) => inferCountryFromPostalCode(c, { country: 'DE' }).country),
      },
      {
        name: 'inferCountryFromPostalCode (city+state+phone)',
        count: postalBatch.length,
        run: () =>
          postalBatch.map(
            (c) => inferCountryFromPostalCode(c, { city: 'Berlin', state: 'CA', phone: '+49 30 901820' }).country,
          ),
      },
      {
        name: 'shape index + confirm, cache bypassed',
        count: postalBatch.length,
        run: () => postalBatch.map(uncached),
      },
      { name: naiveName, count: postalBatch.length, run: () => postalBatch.map((c) => naiveScan(c).length) },
    ]),
    [naiveName],
  ),
);

// Distinct codes (cache misses every time: 60k unique codes > the 8192-entry cache).
const uniqueCodes = Array.from({ length: 60_000 }, (_, i) => {
  const n = (i * 7919) % 100_000;
  const kind = i % 4;
  if (kind === 0) return String(n).padStart(5, '0');
  if (kind === 1) return String(n % 10_000).padStart(4, '0');
  if (kind === 2) return `${String(n % 1000).padStart(3, '0')}-${String(n % 10_000).padStart(4, '0')}`;
  return `${String(n % 100).padStart(2, '0')}-${String(n % 1000).padStart(3, '0')}`;
});
out.push(
  table(
    'Postal code → countries, 60k distinct codes (no cache hits)',
    compare(
      [
        {
          name: 'inferCountryFromPostalCode (no hints)',
          count: uniqueCodes.length,
          run: () => uniqueCodes.map((c) => inferCountryFromPostalCode(c).country),
        },
        {
          name: 'shape index + confirm, cache bypassed',
          count: uniqueCodes.length,
          run: () => uniqueCodes.map(uncached),
        },
        { name: naiveName, count: uniqueCodes.length, run: () => uniqueCodes.map((c) => naiveScan(c).length) },
      ],
      { samples: 5, warmup: 1 },
    ),
    [naiveName],
  ),
);

console.log(out.join('\n'));
