/**
 * `npm run generate:data`: regenerates every generated data module, one generator after the other, each in
 * its own process (a generator is a plain script: `npx tsx scripts/generate-<thing>.ts` runs one alone), and
 * fails when one fails. Every generated module's header names this command and its source and license; sync
 * tests fail when a module drifts from the package it was generated from.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The generators, in order (the subdivisions read the postal-format extract; nothing else depends). */
const GENERATORS = [
  'generate-universities.ts',
  'generate-postal-formats.ts',
  'generate-calling-codes.ts',
  'generate-country-names.ts',
  'generate-subdivisions.ts',
  'generate-cities.ts',
];

const dir = fileURLToPath(new URL('.', import.meta.url));
let failed = 0;
for (const generator of GENERATORS) {
  console.log(`> ${generator}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${generator}`], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${generator} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
process.exitCode = failed === 0 ? 0 : 1;
