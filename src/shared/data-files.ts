/**
 * The package's large data tables (country and place names, cities, postal formats, university domains, phone
 * numbering plans) are not JavaScript: the generators in scripts/ write them to `data/<area>/<table>.br`
 * (Brotli-compressed UTF-8 text, each with a `<table>.md` beside it naming its source, license and generator),
 * and the package ships that folder once, for the ESM and the CommonJS build alike. A table is read here the
 * first time a lookup needs it, never at import: parsing a megabyte of literals on every start-up is what
 * issue 9 removed, and a process that only parses CDC envelopes never reads a table at all.
 *
 * Where the files are: the package resolves its own `cdc-enrich/data/*` export (a self-reference, Node's
 * `exports` resolution), which works the same from the built chunks in dist/ and from the TypeScript sources
 * run by vitest or tsx, because both live under the package's package.json. An application bundled into one
 * file without node_modules must copy `node_modules/cdc-enrich/data/` and point
 * {@link DATA_DIRECTORY_VARIABLE} at the copy (README.md, "Data files").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Zlib = typeof import('node:zlib');
let zlib: Zlib | undefined;

/**
 * node:zlib, loaded on the first read: unlike fs and path it is not part of Node's start-up snapshot, and
 * loading it costs about 2 ms that a process which never reads a table should not pay.
 */
function loadZlib(): Zlib {
  zlib ??= createRequire(import.meta.url)('node:zlib') as Zlib;
  return zlib;
}

/**
 * Environment variable naming a directory that holds the data files (the contents of the package's `data/`
 * folder), for applications bundled without node_modules. Unset: the files are read from the installed package.
 *
 * @example
 * process.env[DATA_DIRECTORY_VARIABLE] = '/app/cdc-enrich-data'; // before the first lookup
 */
export const DATA_DIRECTORY_VARIABLE = 'CDC_ENRICH_DATA_DIR';

/** The package's own name, for the self-reference. */
const PACKAGE_NAME = 'cdc-enrich';

/** The absolute path of a data file (`geo/cities.br`): in the directory the variable names, else in the package. */
function dataFilePath(name: string): string {
  const directory = process.env[DATA_DIRECTORY_VARIABLE];
  if (directory !== undefined && directory !== '') return join(directory, name);
  try {
    return createRequire(import.meta.url).resolve(`${PACKAGE_NAME}/data/${name}`);
  } catch {
    throw new Error(
      `${PACKAGE_NAME}: data file ${name} not found. A bundled application must ship the package's data/ folder ` +
        `and set ${DATA_DIRECTORY_VARIABLE} to its path.`,
    );
  }
}

/**
 * The text of a packed data file (`<area>/<table>.br`), decompressed. Reads the file on every call: callers keep
 * what they build from it (each table is read once per process). Throws only when the file is missing or
 * corrupt, which is a broken installation, not bad data.
 *
 * @example
 * const lines = readDataText('email/universities.br').split('\n');
 * lines.includes('ethz.ch'); // true
 */
export function readDataText(name: string): string {
  const path = dataFilePath(name);
  return loadZlib().brotliDecompressSync(readFileSync(path)).toString('utf8');
}
