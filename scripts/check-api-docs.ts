/**
 * `npm run docs:check`: the API reference in docs/api/ is what TypeDoc generates from the JSDoc of src/ now.
 * Generates it into .cache/api-docs with typedoc.json (warnings are errors: an undocumented export, a broken
 * `{@link}` or a public type that is not exported fails here), compares it with docs/api/ file by file, then
 * type-checks every `@example` (scripts/check-examples.ts). Fix a difference with `npm run docs:api`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HELP = `Usage: npm run docs:check

Regenerates the API reference (TypeDoc, warnings as errors) into .cache/api-docs, fails when it differs from
the committed docs/api/ (run npm run docs:api to update it), then type-checks every @example of src/.`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FRESH = join(ROOT, '.cache', 'api-docs');
const COMMITTED = join(ROOT, 'docs', 'api');

/** Paths of the files under `dir`, relative to `base`. */
function files(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path, base) : [relative(base, path)];
  });
}

rmSync(FRESH, { recursive: true, force: true });
const typedoc = spawnSync(join(ROOT, 'node_modules', '.bin', 'typedoc'), ['--out', FRESH], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (typedoc.status !== 0) {
  console.error('\nTypeDoc failed (warnings are errors): document each export named above, export the types it names.');
  process.exit(1);
}

const fresh = new Set(files(FRESH));
const committed = new Set(files(COMMITTED));
const added = [...fresh].filter((f) => !committed.has(f));
const removed = [...committed].filter((f) => !fresh.has(f));
const changed = [...fresh].filter(
  (f) => committed.has(f) && readFileSync(join(FRESH, f), 'utf8') !== readFileSync(join(COMMITTED, f), 'utf8'),
);
if (added.length + removed.length + changed.length > 0) {
  const list = (label: string, names: string[]) => (names.length > 0 ? [`${label}: ${names.join(', ')}`] : []);
  console.error(
    [
      'docs/api/ is out of date; run `npm run docs:api` and commit the result.',
      ...list('new', added),
      ...list('gone', removed),
      ...list('changed', changed),
    ].join('\n  '),
  );
  process.exit(1);
}
console.log(`docs/api/ is up to date (${fresh.size} files).`);

const examples = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'check-examples.ts')], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(examples.status ?? 1);
