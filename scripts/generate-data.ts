/**
 * `npm run generate:data`: regenerates every generated data module, one generator after the other, each in
 * its own process (`scripts/generate-*.ts`, listed here). Run it after upgrading a data dependency; the
 * drift tests fail until the generated files match their generator's output.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Every generator, in the order they run. */
const GENERATORS = ['generate-phone-tables.ts'];

let failed = 0;
for (const generator of GENERATORS) {
  const file = fileURLToPath(new URL(generator, import.meta.url));
  console.log(`> ${generator}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
