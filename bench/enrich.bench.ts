/**
 * The whole stage (parse a line, enrich, stringify) and the enricher alone, against two baselines measured in
 * the same run: "naive" (the same libraries called per record, bench/naive.ts) and "floor" (JSON.parse +
 * JSON.stringify of the same lines: the least any NDJSON-in, NDJSON-out stage can cost).
 *
 * Corpora (100k events, bench/corpus.ts):
 * - realistic: every user has their own phone and postal code (the generator's values with their digits
 *   re-drawn per user, so formats stay valid) and their own address; only email domains repeat (Zipf);
 * - repeated: the generator as it is (few distinct phones and postal codes: caches hit).
 * Profiles: full (users_enriched), mapped (a customers table with renamed columns through `columns`),
 * enrich only, and the enricher's cost by enrichment.
 */
import { parseChangeEvents } from '../src/cdc/index.js';
import { createEnricher } from '../src/enrich/index.js';
import { createRandom, generateSeedEvents, type SeedEvent } from './corpus.js';
import { compare, table } from './harness.js';
import { naiveEnrich } from './naive.js';

const N = Number(process.env.BENCH_EVENTS ?? 100_000);
const ONLY = process.env.BENCH_PROFILE; // 'realistic' | 'repeated' | undefined (both)
// One Date object: a clock that parses a date string per row would cost more than a whole warm enrichment.
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');
const clock = () => FIXED_TIME;

/** Re-draws every digit of a value from a per-user generator: own value per user, same format. */
function redraw(value: string | null, random: () => number): string | null {
  if (value === null) return null;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // keep the first two digits (area / region prefixes), re-draw the rest
    out += c >= 48 && c <= 57 && i > 3 ? String(Math.floor(random() * 10)) : value[i];
  }
  return out;
}

/** The realistic corpus: each user's phone and postal code made their own (seeded by the user id). */
function realistic(events: SeedEvent[]): SeedEvent[] {
  return events.map((e) => {
    const random = createRandom(e.id * 7919 + 17);
    return { ...e, phone: redraw(e.phone, random), postal_code: redraw(e.postal_code, random) };
  });
}

/** The same rows as a `customers` table with its own column names (issue 13). */
const CUSTOMERS = {
  id: 'customer_id',
  first_name: 'given_name',
  last_name: 'family_name',
  email: 'email_address',
  phone: 'mobile',
  address: 'street',
  city: 'town',
  state: 'region',
  country: 'country_name',
  postal_code: 'zip',
} as const;

function asCustomer(e: SeedEvent): Record<string, unknown> {
  return {
    customer_id: e.id,
    given_name: e.first_name,
    family_name: e.last_name,
    email_address: e.email,
    mobile: e.phone,
    street: e.address,
    town: e.city,
    region: e.state,
    country_name: e.country,
    zip: e.postal_code,
    created_at: e.created_at,
    updated_at: e.updated_at,
    cdc_operation: e.cdc_operation,
    cdc_timestamp: e.cdc_timestamp,
    cdc_sequence: e.cdc_sequence,
  };
}

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

type AnyEnricher = { enrichEvent: (e: never) => { ok: boolean; value?: unknown } };

function stage(input: readonly string[], enricher: AnyEnricher): number {
  let bytes = 0;
  for (const l of input) {
    const r = parseChangeEvents(l);
    if (!r.ok) continue;
    for (const e of r.events) {
      const row = enricher.enrichEvent(e as never);
      if (row.ok) bytes += JSON.stringify(row.value).length;
    }
  }
  return bytes;
}

/** A mapped enricher, or null on a version without the `columns` option (for before/after runs). */
function mappedEnricher(cacheSize: number): AnyEnricher | null {
  try {
    return createEnricher({ clock, cacheSize, columns: CUSTOMERS } as never) as unknown as AnyEnricher;
  } catch {
    return null;
  }
}

const base = [...generateSeedEvents(N, 42)];
const corpora: [string, SeedEvent[]][] = [
  ['realistic', realistic(base)],
  ['repeated', base],
];

for (const [profile, events] of corpora) {
  if (ONLY !== undefined && ONLY !== profile) continue;
  const lines = events.map((e) => JSON.stringify(e));
  const customerLines = events.map((e) => JSON.stringify(asCustomer(e)));
  const distinct = (k: keyof SeedEvent) => new Set(events.map((e) => e[k])).size;
  console.log(
    `## ${profile} corpus: ${N.toLocaleString('en-US')} events, ${distinct('email')} distinct emails, ${distinct('phone')} phones, ${distinct('postal_code')} postal codes\n`,
  );
  // Warm: caches sized to the corpus; cold: the default bounds (20k entries) on a fresh enricher.
  const warm = createEnricher({ clock, cacheSize: 200_000 }) as unknown as AnyEnricher;
  const mapped = mappedEnricher(200_000);
  const candidates = [
    { name: 'floor: JSON.parse+stringify', count: N, run: () => floor(lines) },
    { name: 'naive: libraries per record', count: N, run: () => naive(lines) },
    { name: 'cdc-enrich, warm caches', count: N, run: () => stage(lines, warm) },
    {
      name: 'cdc-enrich, fresh enricher (default caches)',
      count: N,
      run: () => stage(lines, createEnricher({ clock }) as unknown as AnyEnricher),
    },
  ];
  if (mapped !== null) {
    candidates.push({
      name: 'cdc-enrich, mapped customers table, warm',
      count: N,
      run: () => stage(customerLines, mapped),
    });
  }
  const full = compare(candidates, { samples: 5, warmup: 1 });
  console.log(
    table(`Whole stage (parse + enrich + stringify), ${profile}`, full, [
      'naive: libraries per record',
      'floor: JSON.parse+stringify',
    ]),
  );

  // Rows as a pipeline sees them: fresh from JSON.parse, not the generator's spread objects.
  const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const OFF = { email: false, phone: false, name: false, country: false, postal: false };
  const profiles: [string, Record<string, unknown>][] = [
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
      const enricher = createEnricher({ clock, cacheSize: 200_000, ...opts });
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
  console.log(table(`enrichRow by enrichment, warm caches, ${profile}`, breakdown, ['none (fixed cost)']));
}
