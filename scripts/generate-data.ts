/**
 * `npm run generate:data`: the one runner of the data generators. Regenerates every generated data module, one
 * generator after the other, each in its own process. Run `npm run generate:data -- --help` for the options.
 *
 * A generator is a `scripts/generate-<thing>.ts` whose header names this command (`npm run generate:data`),
 * as the header of the module it writes does: an area adds its generator by adding the file, not by editing
 * this runner. Generators run in name order, except that one importing another generator (`from
 * './generate-postal-formats.js'`) runs after it. Files matching the name without naming the command (helper
 * modules such as a regex compiler) are not run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HELP = `Usage: npm run generate:data -- [name...] [--list]

Regenerates the generated data (modules src/**/data/*.generated.* and data files data/<area>/*.br, each with
a notice naming its source) by running each generator
scripts/generate-<thing>.ts in its own process; fails when one fails. Run it after upgrading a data
dependency; the drift tests fail until the generated files match their generator's output.

  name...     run only the generators whose <thing> starts with a name (e.g. postal phone)
  --list      print the generators in the order they run, and exit
  -h, --help  print this help`;

const DIR = fileURLToPath(new URL('.', import.meta.url));
const COMMAND = 'npm run generate:data';

/** A generator script and the generators it imports (which must run first). */
interface Generator {
  file: string;
  thing: string;
  after: string[];
}

/** The generators of scripts/, found by name and by the command their header names. */
export function findGenerators(dir: string): Generator[] {
  return readdirSync(dir)
    .filter((file) => /^generate-[\w-]+\.ts$/.test(file) && file !== 'generate-data.ts')
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const header = /^\s*\/\*\*[\s\S]*?\*\//.exec(text)?.[0] ?? '';
      if (!header.includes(COMMAND)) return [];
      const after = [...text.matchAll(/from '\.\/(generate-[\w-]+)\.js'/g)].map((m) => `${m[1]}.ts`);
      return [{ file, thing: file.slice('generate-'.length, -'.ts'.length), after }];
    });
}

/** Name order, each generator after the generators it imports (a cycle is a programming error). */
export function runOrder(generators: readonly Generator[]): Generator[] {
  const byFile = new Map(generators.map((g) => [g.file, g]));
  const ordered: Generator[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (g: Generator) => {
    if (state.get(g.file) === 'done') return;
    if (state.get(g.file) === 'visiting') throw new Error(`generators import each other in a cycle at ${g.file}`);
    state.set(g.file, 'visiting');
    for (const dependency of g.after) {
      const first = byFile.get(dependency);
      if (first) visit(first);
    }
    state.set(g.file, 'done');
    ordered.push(g);
  };
  for (const g of [...generators].sort((a, b) => a.file.localeCompare(b.file))) visit(g);
  return ordered;
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const all = runOrder(findGenerators(DIR));
  const chosen = positionals.length === 0 ? all : all.filter((g) => positionals.some((n) => g.thing.startsWith(n)));
  if (positionals.length > 0 && chosen.length === 0) {
    console.error(`no generator matches ${positionals.join(', ')}; --list shows them\n\n${HELP}`);
    return 2;
  }
  if (values.list || chosen.length === 0) {
    console.log(chosen.length === 0 ? 'no generators in scripts/' : chosen.map((g) => g.file).join('\n'));
    return 0;
  }
  let failed = 0;
  for (const g of chosen) {
    console.log(`> ${g.file}`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(DIR, g.file)], { stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`${g.file} failed (exit ${run.status ?? run.signal})`);
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
