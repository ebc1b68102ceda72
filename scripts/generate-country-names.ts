/**
 * Generates the two country tables of src/geo:
 *
 * - src/geo/data/countries.generated.ts: ISO 3166-1 alpha-2, alpha-3, numeric and the CLDR English name of
 *   every country (249 assigned ISO 3166-1 codes plus XK, Kosovo's user-assigned code). Small: it lets
 *   codes resolve without the name index.
 * - data/geo/country-names.br (and its notice data/geo/country-names.md): every name of every country in every CLDR locale (short,
 *   variant and other `-alt-` forms included), the ISO 3166-1 English short names, and the names of the 78
 *   locales of i18n-iso-countries (which the package used at runtime before; kept so that every name that
 *   resolved before still does), keyed by the normalized, space-free form. A key that names several
 *   countries keeps all of them (an ambiguity the lookup reports, never resolves). Sorted
 *   `key\tCODE[,CODE]` lines, Brotli, read on the first name lookup.
 *
 * Curated aliases (official long forms, colloquial and historic names) live in the hand-written
 * src/geo/data/country-aliases.ts and override these keys at runtime.
 *
 * Sources (devDependencies): cldr-localenames-full and cldr-core (Unicode CLDR, Unicode-3.0), iso-3166
 * (Titus Wormer, MIT, from ISO 3166-1 as published on Wikipedia), i18n-iso-countries (MIT).
 * Run: `npm run generate:data` (or `npx tsx scripts/generate-country-names.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { iso31661 } from 'iso-3166';
import { normalizePlaceKey } from '../src/geo/key.js';
import { type DataFile, dataFile, writeDataFile } from './data-files.js';
import {
  getOrInsert,
  packageFile,
  packageVersion,
  readPackageJson,
  renderHeader,
  sortedLines,
  writeGeneratedModule,
} from './geo-data.js';

export const COUNTRIES_MODULE = 'src/geo/data/countries.generated.ts';
/** The name table, under data/ (read by src/geo/country.ts). */
export const COUNTRY_NAMES_FILE = 'geo/country-names.br';

/** The country-name key: the shared place key without spaces ("New Zealand" = "newzealand" = "NewZealand"). */
export function countryNameKey(text: string): string | null {
  const key = normalizePlaceKey(text);
  return key === null ? null : key.replace(/ /g, '');
}

export interface CountryCode {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name: string;
}

type Territories = Record<string, string>;

function cldrTerritories(locale: string): Territories | null {
  const path = `${dirname(packageFile('cldr-localenames-full/package.json'))}/main/${locale}/territories.json`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null; // a locale without territory names
  }
  const json = JSON.parse(text) as { main: Record<string, { localeDisplayNames: { territories: Territories } }> };
  return json.main[locale]?.localeDisplayNames.territories ?? null;
}

export function cldrLocales(): string[] {
  return readdirSync(`${dirname(packageFile('cldr-localenames-full/package.json'))}/main`).sort();
}

/** ISO 3166-1 assigned codes + XK, with CLDR English names (`XK`'s alpha-3/numeric from CLDR codeMappings). */
export function buildCountryCodes(): CountryCode[] {
  const english = cldrTerritories('en')!;
  const mappings = readPackageJson<{
    supplemental: { codeMappings: Record<string, { _alpha3?: string; _numeric?: string }> };
  }>('cldr-core/supplemental/codeMappings.json').supplemental.codeMappings;
  const codes: CountryCode[] = iso31661.map((c) => ({
    alpha2: c.alpha2,
    alpha3: c.alpha3,
    numeric: c.numeric,
    name: english[c.alpha2] ?? c.name,
  }));
  const kosovo = mappings['XK'];
  codes.push({
    alpha2: 'XK',
    alpha3: kosovo?._alpha3 ?? 'XKK',
    numeric: kosovo?._numeric ?? '983',
    name: english['XK']!,
  });
  return codes.sort((a, b) => (a.alpha2 < b.alpha2 ? -1 : 1));
}

/** key → alpha-2 codes, from every source. */
export function buildCountryNames(codes: readonly CountryCode[]): Map<string, Set<string>> {
  const known = new Set(codes.map((c) => c.alpha2));
  const names = new Map<string, Set<string>>();
  const add = (text: string, alpha2: string) => {
    if (!known.has(alpha2)) return;
    const key = countryNameKey(text);
    if (key === null) return;
    getOrInsert(names, key, () => new Set<string>()).add(alpha2);
  };
  for (const locale of cldrLocales()) {
    for (const [id, name] of Object.entries(cldrTerritories(locale) ?? {})) add(name, id.split('-')[0]!);
  }
  for (const c of iso31661) add(c.name, c.alpha2);
  const i18nDir = `${dirname(packageFile('i18n-iso-countries/package.json'))}/langs`;
  for (const file of readdirSync(i18nDir).sort()) {
    const { countries } = JSON.parse(readFileSync(`${i18nDir}/${file}`, 'utf8')) as {
      countries: Record<string, string | string[]>;
    };
    for (const [alpha2, value] of Object.entries(countries)) {
      for (const name of Array.isArray(value) ? value : [value]) add(name, alpha2);
    }
  }
  return names;
}

export function renderCountries(codes: readonly CountryCode[]): string {
  const header = renderHeader({
    title: 'ISO 3166-1 countries (249 assigned codes + XK): alpha-2, alpha-3, numeric, CLDR English name.',
    sources: [
      `iso-3166 ${packageVersion('iso-3166')} (ISO 3166-1 codes as published on Wikipedia)`,
      `cldr-localenames-full ${packageVersion('cldr-localenames-full')} (English names, locale "en")`,
      `cldr-core ${packageVersion('cldr-core')} (supplemental/codeMappings.json: XK's alpha-3 and numeric)`,
    ],
    licenses: ['iso-3166: MIT (Titus Wormer)', 'Unicode CLDR: Unicode License v3 (Unicode-3.0)'],
    notes: ['Format: one `alpha2|alpha3|numeric|English name` line per country, sorted by alpha-2.'],
    generator: 'scripts/generate-country-names.ts',
  });
  const lines = codes.map((c) => `${c.alpha2}|${c.alpha3}|${c.numeric}|${c.name}`).join('\n');
  if (lines.includes('`') || lines.includes('${')) throw new Error('countries: text contains ` or ${');
  return `${header}
/** \`alpha2|alpha3|numeric|name\` per line. */
export const COUNTRIES_TEXT = \`${lines}\`;
`;
}

export function renderCountryNames(names: Map<string, Set<string>>): DataFile {
  const entries = new Map([...names].map(([k, v]) => [k, [...v].sort().join(',')]));
  const table = sortedLines(entries);
  const ambiguous = [...entries.values()].filter((v) => v.includes(',')).length;
  return dataFile(COUNTRY_NAMES_FILE, table.text, {
    title: 'Country names in every CLDR locale (+ ISO 3166-1 English, + i18n-iso-countries), by normalized key.',
    sources: [
      `cldr-localenames-full ${packageVersion('cldr-localenames-full')}: main/<locale>/territories.json, ${cldrLocales().length} locales,`,
      '  every `XX` and `XX-alt-*` (short, variant) territory name of an ISO 3166-1 country',
      `iso-3166 ${packageVersion('iso-3166')}: ISO 3166-1 English short names`,
      `i18n-iso-countries ${packageVersion('i18n-iso-countries')}: langs/<locale>.json (official and alternative names)`,
    ],
    licenses: [
      'Unicode CLDR: Unicode License v3 (Unicode-3.0), https://www.unicode.org/license.txt',
      'iso-3166: MIT; i18n-iso-countries: MIT',
    ],
    notes: [
      `${table.lines.toLocaleString('en-US')} keys (${ambiguous} shared by several countries), ${table.bytes.toLocaleString('en-US')} bytes unpacked.`,
      'Key: normalizePlaceKey (src/geo/key.ts) without spaces. Format: sorted `key\\tCODE[,CODE]` lines',
      '(UTF-16 order), binary-searched by src/geo/packed.ts.',
    ],
    generator: 'scripts/generate-country-names.ts',
    readBy: 'src/geo/country.ts',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const codes = buildCountryCodes();
  writeGeneratedModule(COUNTRIES_MODULE, renderCountries(codes));
  writeDataFile(renderCountryNames(buildCountryNames(codes)));
}
