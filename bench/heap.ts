/**
 * Heap growth over a long stream (default 1M events): the enricher's caches are bounded, so after they
 * fill the heap must plateau. Prints heapUsed after a forced GC every 100k events.
 *
 * Worst case for the caches: `uniqueDomains` gives every user its own email domain and phone, so every
 * cache fills to its bound. The generator itself remembers at most 100,000 users (`maxLiveUsers`), so its
 * own memory is bounded too and what grows, if anything, is ours.
 *
 * Run: `node --expose-gc --import tsx bench/heap.ts [events]`.
 */

import { generateSeedEvents } from '@cdc-enrich/corpus';
import { parseChangeEvents } from '../src/cdc/index.js';
import { createEnricher } from '../src/enrich/index.js';

const total = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const enricher = createEnricher();
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
console.log('| events | heapUsed MB (after GC) | RSS MB |\n| --- | --- | --- |');
let n = 0;
let rows = 0;
for (const e of generateSeedEvents(total, 7, { uniqueDomains: true })) {
  const r = parseChangeEvents(JSON.stringify(e));
  if (r.ok) for (const ev of r.events) rows += enricher.enrichEvent(ev).ok ? 1 : 0;
  if (++n % 100_000 === 0) {
    gc();
    const m = process.memoryUsage();
    console.log(`| ${n.toLocaleString('en-US')} | ${mb(m.heapUsed)} | ${mb(m.rss)} |`);
  }
}
console.log(`\n${rows.toLocaleString('en-US')} rows enriched.`);
