/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process (so JIT state and caches of one benchmark
 * never leak into another) and prints their Markdown tables. A benchmark whose input comes from the corpus
 * (it calls `corpusProfile()` of bench/harness.ts) runs on the realistic profile first, then on the repeated
 * one. Run `npm run bench -- --help` for the options.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS_PROFILES, type CorpusProfile } from '@cdc-enrich/corpus';
import { PROFILE_VARIABLE } from './harness.js';

const HELP = `Usage: npm run bench -- [name...] [--profile realistic|repeated] [--events N]

Runs the benchmarks in bench/*.bench.ts, each in its own process, and prints Markdown tables with ratios
against baselines measured in the same run.

  name...            run only the benchmarks whose file name starts with a name (cdc, email, enrich, geo,
                     package, phone, startup); all of them when none is given. package and startup
                     measure dist/: run npm run build first
  --profile NAME     corpus profile of the corpus-based benchmarks: realistic (distinct phone, postal code
                     and address per user, Zipf domains with a long tail) or repeated (few distinct values);
                     default: realistic first, then repeated
  --events N         events in the corpus of benchmarks that read BENCH_EVENTS (enrich); default 100000
  -h, --help         print this help

Also: node --expose-gc --import tsx bench/heap.ts [events]   heap over a long stream (default 1M events)
See docs/benchmarks.md for the figures and how they were measured.`;

interface BenchRun {
  file: string;
  profile: CorpusProfile | null;
}

function parse(argv: string[]): { names: string[]; profiles: readonly CorpusProfile[]; events: string | null } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { profile: { type: 'string' }, events: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const profile = values.profile;
  if (profile !== undefined && !(CORPUS_PROFILES as readonly string[]).includes(profile)) {
    console.error(`unknown profile "${profile}"; use one of ${CORPUS_PROFILES.join(', ')}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.events !== undefined && !/^[1-9]\d*$/.test(values.events)) {
    console.error(`--events takes a positive integer\n\n${HELP}`);
    process.exit(2);
  }
  return {
    names: positionals,
    profiles: profile === undefined ? CORPUS_PROFILES : [profile as CorpusProfile],
    events: values.events ?? null,
  };
}

/** The runs in order: every benchmark on the first profile, then the corpus-based ones on the next. */
function plan(dir: string, names: readonly string[], profiles: readonly CorpusProfile[]): BenchRun[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => names.length === 0 || names.some((n) => f.startsWith(n)))
    .sort();
  if (files.length === 0) {
    console.error(`no benchmark matches ${names.join(', ')}\n\n${HELP}`);
    process.exit(2);
  }
  const usesCorpus = (f: string) => readFileSync(`${dir}${f}`, 'utf8').includes('corpusProfile(');
  return profiles.flatMap((profile, i) =>
    files.flatMap((file): BenchRun[] => {
      if (usesCorpus(file)) return [{ file, profile }];
      return i === 0 ? [{ file, profile: null }] : [];
    }),
  );
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const { names, profiles, events } = parse(process.argv.slice(2));
const runs = plan(dir, names, profiles);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `# cdc-enrich benchmarks\n\nNode ${process.version}, ${os.cpus().length} x ${cpu}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${new Date().toISOString()}\n`,
);
let failed = 0;
let shownProfile: CorpusProfile | null = null;
for (const { file, profile } of runs) {
  if (profile !== null && profile !== shownProfile) {
    console.log(`\n# Corpus profile: ${profile}\n`);
    shownProfile = profile;
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (profile !== null) env[PROFILE_VARIABLE] = profile;
  if (events !== null) env['BENCH_EVENTS'] = events;
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: 'inherit', env });
  if (r.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
