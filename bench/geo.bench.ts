/**
 * Geo benchmarks (issues 3 and 9): normalizeCountry vs i18n-iso-countries getAlpha2Code, and
 * inferCountryFromPostalCode on realistic, never-repeated postal codes (with and without the record's
 * hints) vs a naive scan of every country's postal regex, measured in the same run.
 * Run: `npm run bench -- geo`.
 *
 * Corpus: 50,000 users, countries drawn with a CRM-like mix (US a quarter, then DE, GB, FR, ...); each
 * user's postal code is drawn from that country's own format (the shape of one of its source examples,
 * random characters until its regex accepts, inside one of its subdivisions' postal ranges when it has
 * them), written the way the country writes it (80 %) or typed compact / lowercase (20 %), and never
 * repeated. Hints per user: a state the code belongs to (by postal range when known, else one of the
 * country's ISO 3166-2 subdivisions), a city of that country (GeoNames), a phone (half international with
 * the calling code, half national: not evidence) and an email domain (a third with the country's ccTLD).
 */

import { createRandom } from '@cdc-enrich/corpus';
import isoCountriesModule from 'i18n-iso-countries';
import { CALLING_CODE_REGIONS } from '../src/geo/data/calling-codes.generated.js';
import {
  createPostalInferrer,
  inferCountryFromPostalCode,
  normalizeCountry,
  type PostalHints,
} from '../src/geo/index.js';
import { PackedTable } from '../src/geo/packed.js';
import { compiledPostalFormats, normalizeCleaned, shapeOf } from '../src/geo/postal.js';
import { compare, table } from './harness.js';

const isoCountries = isoCountriesModule;
const random = createRandom(20_261_127);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// ---- countries ------------------------------------------------------------------------------------------

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
        name: 'normalizeCountry',
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
        name: 'normalizeCountry',
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

// ---- realistic postal corpus ------------------------------------------------------------------------------

const MIX: readonly [string, number][] = [
  ['US', 25],
  ['DE', 8],
  ['GB', 8],
  ['FR', 7],
  ['IT', 5],
  ['ES', 5],
  ['BR', 4],
  ['JP', 4],
  ['IN', 4],
  ['CA', 4],
  ['NL', 3],
  ['AU', 3],
  ['MX', 3],
  ['PL', 2],
  ['CH', 2],
  ['AT', 2],
  ['SE', 2],
  ['BE', 2],
  ['PT', 1],
  ['DK', 1],
  ['NO', 1],
  ['FI', 1],
  ['IE', 1],
  ['ZA', 1],
  ['AR', 1],
  ['CN', 1],
  ['KR', 1],
  ['RU', 1],
  ['TR', 1],
];
const mixTotal = MIX.reduce((sum, [, w]) => sum + w, 0);
function drawCountry(): string {
  let r = random() * mixTotal;
  for (const [country, weight] of MIX) {
    r -= weight;
    if (r < 0) return country;
  }
  return 'US';
}

const formats = compiledPostalFormats();
const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const rangeOf = new Map(
  [...formats].map(([r, f]) => [r, f.rangeSource === undefined ? null : new RegExp(`^(?:${f.rangeSource})`)]),
);

/** A fresh code of `country`'s format, in a subdivision range when it has them. */
function drawCode(country: string): string | null {
  const format = formats.get(country)!;
  const range = rangeOf.get(country) ?? null;
  for (let attempt = 0; attempt < 5000; attempt++) {
    const shape = shapeOf(pick(format.examples).toUpperCase().replace(/[ -]/g, ''));
    let code = '';
    for (const ch of shape) code += ch === '9' ? pick([...DIGITS]) : pick([...LETTERS]);
    if (!format.compact.test(code) || (range !== null && !range.test(code))) continue;
    return normalizeCleaned(code, format);
  }
  return null;
}

// Place names per country from the generated tables (names that belong to that country alone).
const subdivisionNames = new Map<string, { name: string; code: string }[]>();
for (const [key, value] of PackedTable.fromDataFile('geo/subdivisions.br').entries()) {
  if (value.includes(',') || value.endsWith('*')) continue;
  const [region, code] = [value.slice(0, 2), value.slice(3)];
  const list = subdivisionNames.get(region) ?? [];
  list.push({ name: key, code });
  subdivisionNames.set(region, list);
}
const cityNames = new Map<string, string[]>();
for (const [key, value] of PackedTable.fromDataFile('geo/cities.br').entries()) {
  if (value.includes(',') || !/^[a-z ]+$/.test(key)) continue;
  const list = cityNames.get(value.slice(0, 2)) ?? [];
  list.push(key);
  cityNames.set(value.slice(0, 2), list);
}
const callingCodeOf = new Map<string, string>();
for (const [code, regions] of Object.entries(CALLING_CODE_REGIONS)) {
  for (const [region] of regions) callingCodeOf.set(region, code);
}

interface User {
  code: string;
  country: string;
  hints: PostalHints;
}
const seen = new Set<string>();
const users: User[] = [];
while (users.length < 50_000) {
  const country = drawCountry();
  const written = drawCode(country);
  if (written === null || seen.has(written)) continue;
  seen.add(written);
  const typed = random() < 0.2 ? written.replace(/[ -]/g, '').toLowerCase() : written;
  const format = formats.get(country)!;
  const compact = written.replace(/[ -]/g, '');
  const inRange = [...format.subdivisionRanges].filter(([, re]) => re.test(compact)).map(([code]) => code);
  const subdivisions = subdivisionNames.get(country) ?? [];
  const own = subdivisions.filter((s) => inRange.includes(s.code));
  const state = own.length > 0 ? pick(own).name : subdivisions.length > 0 ? pick(subdivisions).name : undefined;
  const city = pick(cityNames.get(country) ?? ['']);
  const national = String(Math.floor(random() * 9e8) + 1e8);
  const phone = random() < 0.5 ? `+${callingCodeOf.get(country)} ${national}` : `0${national}`;
  const emailDomain = random() < 0.33 ? `example.${country === 'GB' ? 'uk' : country.toLowerCase()}` : 'gmail.com';
  users.push({ code: typed, country, hints: { state, city, phone, emailDomain } });
}
const codes = users.map((u) => u.code);
// GEO_BENCH_DUMP=path writes the corpus (to time another implementation on the very same records).
if (process.env.GEO_BENCH_DUMP)
  (await import('node:fs')).writeFileSync(process.env.GEO_BENCH_DUMP, JSON.stringify(users));

const naiveFormats = [...formats.values()].map((f) => ({ region: f.region, regex: f.regex }));
/** The naive approach: uppercase/trim, then test every country's anchored regex. */
const naiveScan = (code: string) => {
  const cleaned = code.trim().toUpperCase();
  let hits = 0;
  for (const { regex } of naiveFormats) if (regex.test(cleaned)) hits++;
  return hits;
};
const naiveName = `naive scan of ${naiveFormats.length} regexes`;
const inferDefault = createPostalInferrer({ defaultCountry: 'US' });

out.push(
  table(
    `Postal code → country, ${users.length.toLocaleString('en-US')} distinct realistic codes (no code repeats)`,
    compare(
      [
        {
          name: 'infer, no hints',
          count: codes.length,
          run: () => codes.map((c) => inferCountryFromPostalCode(c).country),
        },
        {
          name: 'infer, state hint',
          count: users.length,
          run: () => users.map((u) => inferCountryFromPostalCode(u.code, { state: u.hints.state }).country),
        },
        {
          name: 'infer, city hint',
          count: users.length,
          run: () => users.map((u) => inferCountryFromPostalCode(u.code, { city: u.hints.city }).country),
        },
        {
          name: 'infer, state+city+phone+email',
          count: users.length,
          run: () => users.map((u) => inferCountryFromPostalCode(u.code, u.hints).country),
        },
        {
          name: 'infer, all hints + defaultCountry (createPostalInferrer)',
          count: users.length,
          run: () => users.map((u) => inferDefault(u.code, u.hints).country),
        },
        { name: naiveName, count: codes.length, run: () => codes.map(naiveScan) },
      ],
      { samples: 5, warmup: 1 },
    ),
    [naiveName],
  ),
);

const right = users.filter((u) => inferCountryFromPostalCode(u.code, u.hints).country === u.country).length;
const alone = users.filter((u) => inferCountryFromPostalCode(u.code).country === u.country).length;
out.push(
  `Accuracy on this corpus: ${((100 * right) / users.length).toFixed(1)} % with all hints, ` +
    `${((100 * alone) / users.length).toFixed(1)} % from the code alone (the rest: null, never a wrong guess ` +
    `unless counted below); wrong with all hints: ${
      users.filter((u) => {
        const c = inferCountryFromPostalCode(u.code, u.hints).country;
        return c !== null && c !== u.country;
      }).length
    }.\n`,
);

console.log(out.join('\n'));
