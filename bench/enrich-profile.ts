/**
 * The enricher's hot path for `node --cpu-prof` (docs/benchmarks.md, "Enricher"): parse + enrich + stringify of
 * the corpus, the same stage as bench/enrich.bench.ts, run long enough for the profile to show where the time
 * goes. Usage:
 *
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/enrich-profile.ts [events] [rounds]
 *
 * The corpus profile is `CDC_ENRICH_BENCH_PROFILE` (realistic by default); the enricher has the default cache bounds,
 * or `BENCH_CACHE_SIZE` entries per cache.
 */
import { generateSeedEvents } from '@cdc-enrich/corpus';
import { parseChangeEvents } from '../src/cdc/index.js';
import { createEnricher } from '../src/enrich/index.js';
import { corpusProfile } from './harness.js';

const events = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const lines = [...generateSeedEvents(events, 42, { profile: corpusProfile() })].map((e) => JSON.stringify(e));
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');
// BENCH_CACHE_SIZE=200000 profiles the benchmark's warm case (every cache holds the whole corpus).
const cacheSize = process.env.BENCH_CACHE_SIZE === undefined ? undefined : Number(process.env.BENCH_CACHE_SIZE);
const enricher = createEnricher(
  cacheSize === undefined ? { clock: () => FIXED_TIME } : { clock: () => FIXED_TIME, cacheSize },
);

let bytes = 0;
const started = performance.now();
for (let round = 0; round < rounds; round++) {
  for (const line of lines) {
    const parsed = parseChangeEvents(line);
    if (!parsed.ok) continue;
    for (const event of parsed.events) {
      const row = enricher.enrichEvent(event);
      if (row.ok) bytes += JSON.stringify(row.value).length;
    }
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`${corpusProfile()}: ${Math.round((events * rounds) / seconds)} events/s (${bytes} bytes out)`);
