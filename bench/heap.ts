/**
 * Heap growth over a long stream (default 1M events): the enricher's caches are bounded, so after they
 * fill the heap must plateau. Prints heapUsed after a forced GC every 100k events.
 * Run: `node --expose-gc --import tsx bench/heap.ts [events]`.
 */
import { parseChangeEvents } from '../src/cdc/index.js';
import { createEnricher } from '../src/enrich/index.js';
import { generateSeedEvents } from './corpus.js';

const total = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const enricher = createEnricher();
const mb = () => (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1);
console.log('| events | heapUsed MB (after GC) |\n| --- | --- |');
let n = 0;
for (const e of generateSeedEvents(total, 7, { uniqueDomains: true })) {
  const r = parseChangeEvents(JSON.stringify(e));
  if (r.ok) for (const ev of r.events) enricher.enrichEvent(ev);
  if (++n % 100_000 === 0) {
    gc();
    console.log(`| ${n.toLocaleString('en-US')} | ${mb()} |`);
  }
}
