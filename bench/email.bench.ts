/**
 * Email analysis (`npm run bench -- email`): `analyzeEmail` (one pass: validation, IDN domain, ICANN
 * suffix, category, typo suggestion, role flag, normalized form) against what a caller writes with the
 * libraries alone, per address: validator's `isEmail` + validator's `normalizeEmail` + tldts `parse` of the
 * host. The naive baseline does less (no category, no role flag, no IDN form, no length or suffix reasons).
 *
 * Profiles, most realistic first:
 * 1. Seed corpus: the emails of `generateSeedEvents(50_000, 42)` (`@cdc-enrich/corpus`, the profile `npm run bench` selects): Zipf-distributed real
 *    domains (webmail, companies, universities, government, military, disposable), typos, 3% missing, broken
 *    `@@` and no-`@` values, 10% padded upper-case.
 * 2. Zipf with a long tail: 70% of addresses from the seed corpus, 30% on a domain seen once in the whole run
 *    (realistic company names under the suffixes of real mail traffic), as in a real customer table.
 * 3. Every domain seen once: each address on its own new domain, never seen before in the process (each
 *    sample gets fresh domains), the worst case of the per-domain work. Target: <= 1.5 µs per address.
 *
 * Then start-up: import time (over bare node) and the first categorization, which loads the domain lists,
 * in a fresh process each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRandom, generateSeedEvents } from '@cdc-enrich/corpus';
import { parse as parseDomain } from 'tldts';
import isEmail from 'validator/lib/isEmail.js';
import validatorNormalizeEmail from 'validator/lib/normalizeEmail.js';
import { readThirdPartyLists } from '../src/email/data/third-party.js';
import { analyzeEmail, categorizeEmailDomain, createEmailAnalyzer } from '../src/email/index.js';
import { compare, corpusProfile, median, table } from './harness.js';

const SAMPLES = 7;
const WARMUP = 2;
const SIZE = 50_000;

const seedEmails = [...generateSeedEvents(SIZE, 42, { profile: corpusProfile() })].map((e) => e.email);

/** Public suffixes weighted roughly like business mail: mostly `.com`, then country codes. */
const TAIL_SUFFIXES = [
  ...Array<string>(12).fill('com'),
  ...['net', 'org', 'de', 'co.uk', 'fr', 'nl', 'com.br', 'it', 'es', 'pl', 'ru', 'co.jp', 'com.au', 'ca', 'ch'],
  ...['se', 'io', 'be', 'at', 'dk', 'cz', 'co.in', 'com.mx', 'info', 'biz', 'co.za', 'com.tr', 'co.kr', 'us'],
];
const WORDS = (
  'acme alpha atlas bau berg blue bright care cloud consult data delta digital energy euro fair first ' +
  'garten global green haus health home info labs legal link logistic media meyer metal north nova ' +
  'partner plan plus point prime pro smith solar solutions star stein systems tech trade trans union ' +
  'vision web werk works'
).split(' ');

/** A company-like domain, unique through `id` (`bergsolar-4711.de`, `mail.nova-trade12.com`). */
function tailDomain(rnd: () => number, id: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const name = `${pick(WORDS)}${rnd() < 0.4 ? '-' : ''}${pick(WORDS)}${id}`;
  return `${rnd() < 0.1 ? 'mail.' : ''}${name}.${pick(TAIL_SUFFIXES)}`;
}

let nextTailId = 1;

function tailAddress(rnd: () => number): string {
  const local = rnd() < 0.5 ? `${WORDS[Math.floor(rnd() * WORDS.length)]}.${nextTailId % 997}` : 'info';
  return `${local}@${tailDomain(rnd, nextTailId++)}`;
}

/** One list per round, so that no domain of the tail is ever seen twice (not even across samples). */
function rounds(make: (round: number) => (string | null)[]): (string | null)[][] {
  return Array.from({ length: SAMPLES + WARMUP }, (_, round) => make(round));
}

const zipfTail = rounds((round) => {
  const rnd = createRandom(1000 + round);
  return seedEmails.map((email) => (rnd() < 0.3 ? tailAddress(rnd) : email));
});
const allDistinct = rounds((round) => {
  const rnd = createRandom(2000 + round);
  return Array.from({ length: SIZE }, () => tailAddress(rnd));
});

function naive(email: string | null): unknown {
  if (email === null) return null;
  const text = email.trim();
  const valid = isEmail(text);
  const normalized = valid ? validatorNormalizeEmail(text) : null;
  const at = text.lastIndexOf('@');
  const parsed = at >= 0 ? parseDomain(text.slice(at + 1).toLowerCase()) : null;
  return { valid, normalized, domain: parsed?.domain ?? null };
}

function run(list: readonly (string | null)[], f: (e: string | null) => unknown): number {
  let n = 0;
  for (const e of list) if (f(e) !== null) n++;
  return n;
}

/** A candidate that takes the next list of `lists` on each call (the harness calls each once per round). */
function cycling(lists: readonly (readonly (string | null)[])[], f: (e: string | null) => unknown): () => number {
  let i = 0;
  return () => run(lists[i++ % lists.length]!, f);
}

/**
 * A full garbage collection between tables: the cached analyzer promotes up to 20,000 results per sample, and
 * the major collections that causes would otherwise land in whichever candidate runs next.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const out: string[] = [];
for (const [title, lists] of [
  ['Seed corpus: 50,000 addresses, Zipf over real domains (repeats)', [seedEmails]],
  ['Zipf with a long tail: 70% seed corpus, 30% on a domain seen once', zipfTail],
  ['Every domain seen once: 50,000 addresses, each on a new domain', allDistinct],
] as const) {
  const naiveRow = { name: 'isEmail + normalizeEmail + tldts.parse', run: cycling(lists, naive), count: SIZE };
  collectGarbage();
  const [ours, baseline] = compare(
    [{ name: 'analyzeEmail', run: cycling(lists, analyzeEmail), count: SIZE }, naiveRow],
    {
      samples: SAMPLES,
      warmup: WARMUP,
    },
  );
  collectGarbage();
  // One analyzer for the whole run: the steady state of a stream where addresses repeat. Measured in its own
  // round (against the same baseline) so that its cache's garbage does not weigh on the row above.
  const cachedAnalyzer = createEmailAnalyzer({ cacheSize: 20_000 });
  const [cached, baseline2] = compare(
    [
      {
        name: 'createEmailAnalyzer (20k cache; own round, scaled to this baseline)',
        run: cycling(lists, cachedAnalyzer),
        count: SIZE,
      },
      naiveRow,
    ],
    { samples: SAMPLES, warmup: WARMUP },
  );
  // The cached row's ratio is against its own round's baseline; shown with that baseline's median.
  const scale = baseline!.opsPerSec / baseline2!.opsPerSec;
  out.push(
    table(
      title,
      [ours!, { ...cached!, opsPerSec: cached!.opsPerSec * scale, nsPerOp: cached!.nsPerOp / scale }, baseline!],
      ['isEmail + normalizeEmail + tldts.parse'],
    ),
  );
}

// Domain categorization alone, on the hosts of the seed corpus; the baseline is the least a caller needs for
// personal/disposable alone: a tldts parse and two Set lookups on the registrable domain.
const lists = readThirdPartyLists();
const disposableSet = new Set(lists.disposable);
const providerSet = new Set(lists.providers);
const hosts = seedEmails.flatMap((e) => {
  const at = e?.lastIndexOf('@') ?? -1;
  return e !== null && at >= 0
    ? [
        e
          .slice(at + 1)
          .trim()
          .toLowerCase(),
      ]
    : [];
});
const domainRows = compare(
  [
    { name: 'categorizeEmailDomain', run: () => run(hosts, categorizeEmailDomain), count: hosts.length },
    {
      name: 'tldts.parse + 2 Set lookups',
      run: () =>
        run(hosts, (h) => {
          const d = parseDomain(h ?? '').domain;
          return d === null ? null : disposableSet.has(d) ? 'disposable' : providerSet.has(d);
        }),
      count: hosts.length,
    },
  ],
  { samples: SAMPLES, warmup: WARMUP },
);
out.push(
  table(`Domain categorization: ${hosts.length.toLocaleString('en-US')} hosts of the seed corpus`, domainRows, [
    'tldts.parse + 2 Set lookups',
  ]),
);

/**
 * Start-up, each figure the median of 5 fresh processes on the built package (`npm run build` first): time to
 * require `dist/email/index.cjs`, then wall time and heap growth of the first `analyzeEmail`, which reads the
 * domain lists and builds the table.
 */
function startup(): string {
  const dist = fileURLToPath(new URL('../dist/email/index.cjs', import.meta.url));
  if (!existsSync(dist)) return '### Start-up and first use\n\n(skipped: run `npm run build` first)\n';
  const probe = `
    const t0 = performance.now();
    const email = require(${JSON.stringify(dist)});
    const t1 = performance.now();
    global.gc(); const heap0 = process.memoryUsage().heapUsed; const buffers0 = process.memoryUsage().arrayBuffers;
    const t2 = performance.now();
    email.analyzeEmail('jane@example.org');
    const t3 = performance.now();
    global.gc(); const heap1 = process.memoryUsage().heapUsed;
    const buffers = process.memoryUsage().arrayBuffers;
    console.log(JSON.stringify({ importMs: t1 - t0, firstUseMs: t3 - t2, heapMb: (heap1 - heap0) / 2 ** 20,
      buffersMb: (buffers - buffers0) / 2 ** 20 }));`;
  const runs = Array.from({ length: 5 }, () => {
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', probe], { encoding: 'utf8' });
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
  });
  const m = (k: string) => median(runs.map((r) => r[k] ?? Number.NaN)).toFixed(1);
  return [
    '### Start-up and first use (dist/email/index.cjs, fresh process each, median of 5)',
    '',
    '| require (ms) | first analyzeEmail: reads the lists, builds the table (ms) | heap growth (MB) | typed arrays (MB) |',
    '| --- | --- | --- | --- |',
    `| ${m('importMs')} | ${m('firstUseMs')} | ${m('heapMb')} | ${m('buffersMb')} |`,
    '',
  ].join('\n');
}
out.push(startup());

console.log(`## Email\n\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n${out.join('\n')}`);
