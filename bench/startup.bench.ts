/**
 * Start-up cost (`npm run bench -- startup`): how long `node` takes to import the built package, its root and
 * each subpath, ESM and CJS, against a bare `node` and against importing tldts, all measured in one run
 * (rounds interleaved, medians). Target (issue 9): the root import costs at most 2.5x what importing tldts
 * costs, each over a bare `node`.
 *
 * Also, per entry point, what loads at import (CJS `require.cache`: dependency packages and bytes of our own
 * dist files; lazily loaded data does not appear), and what each heavy dependency costs alone, so the
 * remaining import cost can be attributed. Needs a build (`npm run build`): it measures dist/, as consumers
 * get it, resolved through the package's own `exports`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json' with { type: 'json' };
import { median } from './harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env['BENCH_STARTUP_ROUNDS'] ?? 15);
/** Issue 9: the root import may cost at most this multiple of tldts's import, each over a bare node. */
const TARGET_RATIO = 2.5;

interface Case {
  name: string;
  args: string[];
}

/**
 * Each process prints its own CPU time (user + system, whole process from its start) when it exits: on a shared
 * machine wall-clock time mostly measures waiting for a core, CPU time what the import itself costs.
 */
const REPORT_CPU =
  "process.on('exit',()=>{const u=process.cpuUsage();process.stdout.write(String((u.user+u.system)/1e3))});";
const esm = (name: string, specifier: string | null): Case => ({
  name,
  args: [
    '--input-type=module',
    '-e',
    `${specifier === null ? '' : `import ${JSON.stringify(specifier)};`}${REPORT_CPU}`,
  ],
});
const cjs = (name: string, specifier: string | null): Case => ({
  name,
  args: ['-e', `${specifier === null ? '' : `require(${JSON.stringify(specifier)});`}${REPORT_CPU}`],
});

const entryPoints = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object') // code, not ./package.json or the data files
  .map(([key]) => (key === '.' ? 'cdc-enrich' : `cdc-enrich/${key.slice(2)}`));

/** Dependencies whose import cost the report attributes (the heavy ones the entry points load). */
const DEPENDENCIES = [
  'tldts',
  'libphonenumber-js/max',
  'libphonenumber-js/core',
  'libphonenumber-js/max/metadata',
  'i18n-iso-countries',
  'validator/lib/isFQDN.js',
  'disposable-email-domains/index.js',
  'disposable-email-domains/wildcard.js',
  'zod/mini',
  ...Object.keys(pkg.dependencies).filter(
    (name) =>
      !['tldts', 'libphonenumber-js', 'i18n-iso-countries', 'validator', 'disposable-email-domains'].includes(name),
  ),
];

const CASES: Case[] = [
  esm('bare node (ESM)', null),
  cjs('bare node (CJS)', null),
  esm('tldts (ESM)', 'tldts'),
  cjs('tldts (CJS)', 'tldts'),
  ...entryPoints.flatMap((spec) => [esm(`${spec} (ESM)`, spec), cjs(`${spec} (CJS)`, spec)]),
  ...DEPENDENCIES.filter((d) => d !== 'tldts').map((d) => esm(`dependency ${d} (ESM)`, d)),
];

/** One process start: milliseconds of wall-clock time (spawn to exit) and of the process's own CPU time. */
function time(c: Case): { wall: number; cpu: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, c.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`${c.name} failed: ${result.stderr.toString().slice(0, 500)}`);
  return { wall, cpu: Number(result.stdout.toString()) };
}

/** What `require(spec)` loads eagerly: dependency packages and bytes of our own dist files. */
function loadedBy(spec: string): { packages: string[]; distBytes: number } {
  const script = `require(${JSON.stringify(spec)}); console.log(JSON.stringify(Object.keys(require.cache)));`;
  const out = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  const files = JSON.parse(out.stdout) as string[];
  const packages = new Set<string>();
  let distBytes = 0;
  for (const file of files) {
    const at = file.lastIndexOf('/node_modules/');
    if (at >= 0) {
      const parts = file.slice(at + '/node_modules/'.length).split('/');
      packages.add(parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
    } else if (file.startsWith(`${ROOT}dist/`)) distBytes += statSync(file).size;
  }
  return { packages: [...packages].sort(), distBytes };
}

if (!existsSync(`${ROOT}dist/index.js`)) {
  console.error('bench/startup.bench.ts measures dist/: run `npm run build` first');
  process.exit(1);
}

const samples = new Map(CASES.map((c) => [c.name, [] as number[]]));
const cpuSamples = new Map(CASES.map((c) => [c.name, [] as number[]]));
for (const c of CASES) time(c); // warm the file system cache
for (let round = 0; round < ROUNDS; round++) {
  for (const c of CASES) {
    const { wall, cpu } = time(c);
    samples.get(c.name)!.push(wall);
    cpuSamples.get(c.name)!.push(cpu);
  }
}
const ms = (name: string) => median(samples.get(name)!);
const cpuMs = (name: string) => median(cpuSamples.get(name)!);

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const out: string[] = ['## Start-up', ''];
out.push(
  `Node ${process.version}, ${ROUNDS} rounds of ${CASES.length} process starts, interleaved; medians. "over bare" = ` +
    'median minus the bare `node` of the same module system; ratio = over bare / tldts over bare.',
  '',
);

const over = (name: string, system: 'ESM' | 'CJS') => ms(`${name} (${system})`) - ms(`bare node (${system})`);
const tldtsOver = { ESM: over('tldts', 'ESM'), CJS: over('tldts', 'CJS') };
out.push(
  '### Entry points',
  '',
  `Bare node: ${fmt(ms('bare node (ESM)'))} ms (ESM), ${fmt(ms('bare node (CJS)'))} ms (CJS).`,
  '',
  '| import | ESM over bare ms | ESM vs tldts | CJS over bare ms | CJS vs tldts | loads at import (CJS) | dist kB loaded |',
  '| --- | --- | --- | --- | --- | --- | --- |',
);
for (const spec of ['tldts', ...entryPoints]) {
  const loaded = spec === 'tldts' ? { packages: ['tldts', 'tldts-core'], distBytes: 0 } : loadedBy(spec);
  const cells = (['ESM', 'CJS'] as const).flatMap((system) => {
    const value = over(spec, system);
    return [fmt(value), `${fmt(value / tldtsOver[system], 2)}x`];
  });
  out.push(
    `| ${spec} | ${cells.join(' | ')} | ${loaded.packages.join(', ') || 'none'} | ${fmt(loaded.distBytes / 1000, 0)} |`,
  );
}
out.push('');

const bareEsm = ms('bare node (ESM)');
const tldtsEsm = ms('tldts (ESM)') - bareEsm;
out.push('### Dependencies alone (ESM)', '', '| import | over bare ms | vs tldts |', '| --- | --- | --- |');
for (const d of DEPENDENCIES) {
  const over = ms(d === 'tldts' ? 'tldts (ESM)' : `dependency ${d} (ESM)`) - bareEsm;
  out.push(`| ${d} | ${fmt(over)} | ${fmt(over / tldtsEsm, 2)}x |`);
}
const rootOver = over('cdc-enrich', 'ESM');
out.push(
  '',
  `Root import (ESM): ${fmt(rootOver)} ms over bare node = ${fmt(rootOver / tldtsEsm, 2)}x tldts ` +
    `(target <= ${TARGET_RATIO}x, i.e. <= ${fmt(TARGET_RATIO * tldtsEsm)} ms on this run): ` +
    `${rootOver <= TARGET_RATIO * tldtsEsm ? 'met' : 'missed'}.`,
);
out.push('', '### CPU time (each process its own user + system time; medians over bare node)', '');
out.push(
  '| import | ESM CPU over bare ms | ESM vs tldts | CJS CPU over bare ms | CJS vs tldts |',
  '| --- | --- | --- | --- | --- |',
);
const cpuOver = (name: string, system: 'ESM' | 'CJS') => cpuMs(`${name} (${system})`) - cpuMs(`bare node (${system})`);
const tldtsCpu = { ESM: cpuOver('tldts', 'ESM'), CJS: cpuOver('tldts', 'CJS') };
for (const spec of ['tldts', ...entryPoints]) {
  const cells = (['ESM', 'CJS'] as const).flatMap((system) => {
    const value = cpuOver(spec, system);
    return [fmt(value), `${fmt(value / tldtsCpu[system], 2)}x`];
  });
  out.push(`| ${spec} | ${cells.join(' | ')} |`);
}
out.push(
  '',
  `Bare node CPU: ${fmt(cpuMs('bare node (ESM)'))} ms (ESM), ${fmt(cpuMs('bare node (CJS)'))} ms (CJS). ` +
    `Root import CPU ratio: ESM ${fmt(cpuOver('cdc-enrich', 'ESM') / tldtsCpu.ESM, 2)}x, ` +
    `CJS ${fmt(cpuOver('cdc-enrich', 'CJS') / tldtsCpu.CJS, 2)}x tldts (target <= ${TARGET_RATIO}x).`,
);
console.log(`${out.join('\n')}\n`);
