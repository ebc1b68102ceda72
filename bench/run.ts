/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process (so JIT state and caches of one
 * benchmark never leak into another) and prints their Markdown tables.
 * Pass names to run a subset: `npm run bench -- geo phone`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `# cdc-enrich benchmarks\n\nNode ${process.version}, ${os.cpus().length} x ${cpu}, ${new Date().toISOString()}\n`,
);
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
