/**
 * The enrichment hot path on a 100k-event corpus (`@cdc-enrich/corpus`, packages/corpus), against two baselines measured in
 * the same run: "naive" (the same libraries called per record, bench/naive.ts) and "floor" (JSON.parse +
 * JSON.stringify of the same lines: the least any NDJSON-in, NDJSON-out stage can cost).
 *
 * Profiles:
 * - full: parse the line, enrich (email, phone, name, country, postal), stringify;
 * - email+name+country+postal: enrichment only on pre-parsed rows, phone off (the ≤ 1 µs target);
 * - cold: every user has its own email domain and phone, so caches never hit.
 */

import { generateSeedEvents, type SeedEvent } from '@cdc-enrich/corpus';
import { parseChangeEvents } from '../src/cdc/index.js';
import { createEnricher } from '../src/enrich/index.js';
import { compare, corpusProfile, table } from './harness.js';
import { naiveEnrich } from './naive.js';

const N = Number(process.env.BENCH_EVENTS ?? 100_000);
// One Date object: a clock that parses a date string per row would cost more than a whole warm enrichment.
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');
const clock = () => FIXED_TIME;

const events = [...generateSeedEvents(N, 42, { profile: corpusProfile() })];
const lines = events.map((e) => JSON.stringify(e));
const coldEvents = [...generateSeedEvents(N, 43, { uniqueDomains: true, profile: corpusProfile() })];
const coldLines = coldEvents.map((e) => JSON.stringify(e));

function floor(input: readonly string[]): number {
  let bytes = 0;
  for (const l of input) bytes += JSON.stringify(JSON.parse(l)).length;
  return bytes;
}

function naive(input: readonly string[]): number {
  let bytes = 0;
  for (const l of input) bytes += JSON.stringify(naiveEnrich(JSON.parse(l) as SeedEvent)).length;
  return bytes;
}

function ours(input: readonly string[], enricher = createEnricher({ clock })): number {
  let bytes = 0;
  for (const l of input) {
    const r = parseChangeEvents(l);
    if (!r.ok) continue;
    for (const e of r.events) {
      const row = enricher.enrichEvent(e);
      if (row.ok) bytes += JSON.stringify(row.value).length;
    }
  }
  return bytes;
}

const warmEnricher = createEnricher({ clock, cacheSize: 200_000 });
const full = compare(
  [
    { name: 'floor: JSON.parse+stringify', count: N, run: () => floor(lines) },
    { name: 'naive: libraries per record', count: N, run: () => naive(lines) },
    { name: 'cdc-enrich: parse+enrich+stringify', count: N, run: () => ours(lines, warmEnricher) },
  ],
  { samples: 5, warmup: 1 },
);
console.log(
  table(`Enricher, full profile, ${N.toLocaleString('en-US')} events (warm caches)`, full, [
    'naive: libraries per record',
    'floor: JSON.parse+stringify',
  ]),
);

// Rows as a pipeline sees them: fresh from JSON.parse (fast-mode objects), not the generator's spread objects.
const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
// Warm: caches sized to hold the corpus's distinct values, so repeated values are cache hits.
const WARM = { cacheSize: 200_000 };
const narrow = createEnricher({ clock, enrichments: { phone: false }, ...WARM });
const fullOnly = createEnricher({ clock, ...WARM });
const enrichOnly = compare(
  [
    {
      name: 'naive enrich only',
      count: N,
      run: () => {
        let n = 0;
        for (const r of rows) n += naiveEnrich(r as unknown as SeedEvent).full_name === '' ? 0 : 1;
        return n;
      },
    },
    {
      name: 'cdc-enrich enrichRow, all enrichments',
      count: N,
      run: () => {
        let n = 0;
        for (const r of rows) n += fullOnly.enrichRow(r).ok ? 1 : 0;
        return n;
      },
    },
    {
      name: 'cdc-enrich enrichRow, email+name+country+postal',
      count: N,
      run: () => {
        let n = 0;
        for (const r of rows) n += narrow.enrichRow(r).ok ? 1 : 0;
        return n;
      },
    },
  ],
  { samples: 5, warmup: 1 },
);
console.log(table('Enrichment only (rows already parsed, warm caches)', enrichOnly, ['naive enrich only']));

const cold = compare(
  [
    { name: 'floor: JSON.parse+stringify', count: N, run: () => floor(coldLines) },
    { name: 'naive: libraries per record', count: N, run: () => naive(coldLines) },
    // a fresh enricher per run: every domain and phone is new, the caches only pay their inserts
    { name: 'cdc-enrich: parse+enrich+stringify', count: N, run: () => ours(coldLines, createEnricher({ clock })) },
  ],
  { samples: 3, warmup: 1 },
);
console.log(
  table('Cold caches: every user has its own email domain and phone', cold, [
    'naive: libraries per record',
    'floor: JSON.parse+stringify',
  ]),
);

// Where the warm enrichRow time goes: one enrichment at a time on the same parsed rows ("none" is the fixed
// cost: type checks of 13 fields, id, op, sequence, timestamp and building the 31-column row).
const OFF = { email: false, phone: false, name: false, country: false, postal: false };
const profiles: [string, Parameters<typeof createEnricher>[0]][] = [
  ['none (fixed cost)', { enrichments: OFF }],
  ['email only', { enrichments: { ...OFF, email: true } }],
  ['name only', { enrichments: { ...OFF, name: true } }],
  ['country only', { enrichments: { ...OFF, country: true } }],
  ['country+postal', { enrichments: { ...OFF, country: true, postal: true } }],
  ['phone only', { enrichments: { ...OFF, phone: true } }],
  ['email+name+country+postal', { enrichments: { phone: false } }],
  ['all', {}],
];
const breakdown = compare(
  profiles.map(([name, opts]) => {
    const enricher = createEnricher({ clock, ...WARM, ...opts });
    for (const r of rows) enricher.enrichRow(r); // fill the caches before timing
    return {
      name,
      count: N,
      run: () => {
        let n = 0;
        for (const r of rows) n += enricher.enrichRow(r).ok ? 1 : 0;
        return n;
      },
    };
  }),
  { samples: 5, warmup: 1 },
);
console.log(table('Warm enrichRow cost by enrichment (rows already parsed)', breakdown, ['none (fixed cost)']));
