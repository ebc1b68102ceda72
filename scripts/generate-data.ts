/**
 * `npm run generate:data`: runs every data generator in turn, each in its own process, and fails when one
 * fails. Each generated module's header names its generator and this command; sync tests fail when a module
 * drifts from the package it was generated from.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The generators, by file name in scripts/. */
const GENERATORS = ['generate-universities.ts'];

let failed = 0;
for (const generator of GENERATORS) {
  const path = fileURLToPath(new URL(generator, import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${generator} failed (exit ${result.status ?? result.signal})`);
    failed++;
  }
}
process.exitCode = failed === 0 ? 0 : 1;
