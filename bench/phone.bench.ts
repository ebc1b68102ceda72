/**
 * Phone normalization (`npm run bench -- phone`): normalizePhone (compiled tables, no cache) against plain
 * libphonenumber-js measured in the same run, per input format, on distinct numbers (every user has their
 * own phone: no input repeats within a run); then the cached normalizer on a realistic mix with repeats.
 *
 * Numbers: libphonenumber-js's example mobile number of a region with its last five digits randomized, a
 * set keeping every input distinct. Half come from ten large markets, half from all regions. The baseline is
 * what a caller gets the same answers from with the library alone: `parsePhoneNumberFromString(text, country)`,
 * then `isValid()` and `getType()`.
 */
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { createPhoneNormalizer, normalizePhone } from '../src/phone/index.js';
import { compare, table } from './harness.js';

let seed = 42;
const rand = () => {
  // Math.imul: a plain multiply exceeds 2^53, loses the low bits and collapses the sequence into a short cycle.
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

interface Example {
  country: string;
  callingCode: string;
  national: string;
}
const all: Example[] = getCountries().flatMap((country) => {
  const n = getExampleNumber(country, examples);
  return n ? [{ country, callingCode: n.countryCallingCode as string, national: n.nationalNumber as string }] : [];
});
const byCountry = (c: string) => all.find((e) => e.country === c)!;
const big = ['US', 'GB', 'DE', 'FR', 'IN', 'BR', 'CA', 'AU', 'ES', 'MX'].map(byCountry);

/** A distinct national number of the example's region (last five digits random). */
const used = new Set<string>();
function freshNational(ex: Example): string {
  for (;;) {
    const n = ex.national.slice(0, Math.max(1, ex.national.length - 5)) + digits(Math.min(5, ex.national.length - 1));
    const key = ex.callingCode + n;
    if (!used.has(key)) {
      used.add(key);
      return n;
    }
  }
}
const anyExample = () => (rand() < 0.5 ? pick(big) : pick(all));
const group = (d: string, sep: string) => d.replace(/(\d{3})(?=\d{3})/g, `$1${sep}`);
/** The library's own national rendering: trunk prefix and grouping per region. */
const nationalText = (ex: Example, nn: string) =>
  parsePhoneNumberFromString(`+${ex.callingCode}${nn}`)?.formatNational() ?? nn;

interface Input {
  raw: string | number;
  country: string | undefined;
}

const FORMATS: Record<string, () => Input> = {
  'E.164 `+4930901820`': () => {
    const ex = anyExample();
    return { raw: `+${ex.callingCode}${freshNational(ex)}`, country: undefined };
  },
  'international formatted `+1 (212) 555-0100`': () => {
    const ex = anyExample();
    const nn = freshNational(ex);
    const raw =
      ex.callingCode === '1'
        ? `+1 (${nn.slice(0, 3)}) ${nn.slice(3, 6)}-${nn.slice(6)}`
        : `+${ex.callingCode} ${group(nn, ' ')}`;
    return { raw, country: undefined };
  },
  'exit code of the record country `011 49 30 901820` (US)': () => {
    const ex = anyExample();
    const home = pick(big);
    const exit =
      home.callingCode === '1' ? '011' : home.country === 'AU' ? '0011' : home.country === 'BR' ? '0021' : '00';
    return { raw: `${exit} ${ex.callingCode} ${group(freshNational(ex), '-')}`, country: home.country };
  },
  ...Object.fromEntries(
    ['DE', 'US', 'GB', 'FR', 'IN', 'BR', 'JP'].map((c) => [
      `national with trunk prefix, ${c}`,
      () => {
        const ex = byCountry(c);
        return { raw: nationalText(ex, freshNational(ex)), country: c };
      },
    ]),
  ),
  'extension `+49 30 901820 ext. 123`': () => {
    const ex = anyExample();
    const label = pick([' ext. ', ' x', ';ext=', ' #']);
    return {
      raw: `+${ex.callingCode} ${group(freshNational(ex), '.')}${label}${Math.floor(rand() * 900) + 100}`,
      country: ex.country,
    };
  },
  'invalid, NANP `+1 555 0xx xxxx`': () => {
    let raw = '';
    do raw = `+1 555 0${digits(2)} ${digits(4)}`;
    while (used.has(raw));
    used.add(raw);
    return { raw, country: undefined };
  },
  'invalid, any region (a digit added)': () => {
    const ex = anyExample();
    return { raw: `+${ex.callingCode} ${freshNational(ex)}${digits(1)}`, country: ex.country };
  },
  'JSON number `4915112345678` (DE)': () => {
    const ex = pick(big);
    return { raw: Number(`${ex.callingCode}${freshNational(ex)}`), country: pick(big).country };
  },
};

function library(list: readonly Input[]): number {
  let valid = 0;
  for (const { raw, country } of list) {
    const parsed = parsePhoneNumberFromString(String(raw), country as never);
    if (parsed?.isValid() && parsed.getType() !== 'PAGER') valid++;
  }
  return valid;
}
function ours(list: readonly Input[], normalize: typeof normalizePhone): number {
  let valid = 0;
  for (const { raw, country } of list) if (normalize(raw, { defaultCountry: country })?.valid) valid++;
  return valid;
}

/**
 * A run function that also sums the CPU time it uses (process.cpuUsage): on a shared machine wall time
 * includes waiting for a core, CPU time much less so. Reported as the mean over all rounds.
 */
function withCpuTime(run: () => number): { run: () => number; microsPerCall: () => number } {
  let micros = 0;
  let calls = 0;
  return {
    run: () => {
      const start = process.cpuUsage();
      const result = run();
      const used = process.cpuUsage(start);
      micros += used.user + used.system;
      calls++;
      return result;
    },
    microsPerCall: () => micros / calls,
  };
}

const M = 20_000;
const LIB = 'libphonenumber-js';
const OURS = 'normalizePhone';
console.log(`## Phone (${all.length} regions with example numbers)\n`);

const rows: string[] = [];
for (const [format, make] of Object.entries(FORMATS)) {
  const list = Array.from({ length: M }, make);
  const validShare = ours(list, normalizePhone) / M;
  const libCpu = withCpuTime(() => library(list));
  const oursCpu = withCpuTime(() => ours(list, normalizePhone));
  const [lib, norm] = compare(
    [
      { name: `${format}: ${LIB}`, count: M, run: libCpu.run },
      { name: `${format}: ${OURS}`, count: M, run: oursCpu.run },
    ],
    { samples: 5 },
  );
  rows.push(
    `| ${format} | ${(validShare * 100).toFixed(0)}% | ${(lib!.nsPerOp / 1000).toFixed(2)} | ${(norm!.nsPerOp / 1000).toFixed(2)} | ${(norm!.opsPerSec / lib!.opsPerSec).toFixed(1)}x | ${(libCpu.microsPerCall() / M).toFixed(2)} | ${(oursCpu.microsPerCall() / M).toFixed(2)} |`,
  );
}
console.log(`### Each format alone, ${M.toLocaleString('en-US')} distinct inputs, no cache\n`);
console.log(
  [
    '| format | valid | libphonenumber-js µs/number | normalizePhone µs/number | speed-up | library CPU µs | normalizePhone CPU µs |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);

/** The realistic mix: 40% E.164, 20% formatted, 25% national, 10% exit code, 5% extension. */
function mixed(): Input {
  const r = rand();
  const formats = Object.values(FORMATS);
  if (r < 0.4) return formats[0]!();
  if (r < 0.6) return formats[1]!();
  if (r < 0.85) return FORMATS[`national with trunk prefix, ${pick(['DE', 'US', 'GB', 'FR', 'IN', 'BR', 'JP'])}`]!();
  if (r < 0.95) return formats[2]!();
  return FORMATS['extension `+49 30 901820 ext. 123`']!();
}

const N = 50_000;
const distinct = Array.from({ length: 5_000 }, mixed);
const repeats = Array.from({ length: N }, () => pick(distinct));
const unique = Array.from({ length: N }, mixed);
const cached = createPhoneNormalizer({ cacheSize: 10_000 });

/** A comparison table plus a line with each candidate's CPU time per record. */
function mixTable(title: string, candidates: Array<{ name: string; run: () => number }>): string {
  const timed = candidates.map((c) => ({ name: c.name, cpu: withCpuTime(c.run) }));
  const rows = compare(
    timed.map((t) => ({ name: t.name, count: N, run: t.cpu.run })),
    { samples: 5 },
  );
  const cpu = timed.map((t) => `${t.name} ${(t.cpu.microsPerCall() / N).toFixed(2)}`).join(', ');
  return `${table(title, rows, [LIB])}\nCPU µs/record: ${cpu}.\n`;
}

console.log(
  mixTable(
    `Phone: realistic mix, ${N.toLocaleString('en-US')} lookups over 5,000 distinct inputs (CDC updates repeat a user's phone)`,
    [
      { name: LIB, run: () => library(repeats) },
      { name: `${OURS} (no cache)`, run: () => ours(repeats, normalizePhone) },
      { name: 'createPhoneNormalizer (10k entries)', run: () => ours(repeats, cached) },
    ],
  ),
);
console.log(
  mixTable(`Phone: realistic mix, ${N.toLocaleString('en-US')} distinct inputs`, [
    { name: LIB, run: () => library(unique) },
    { name: `${OURS} (no cache)`, run: () => ours(unique, normalizePhone) },
    // A fresh cache per run that never hits: every lookup pays the miss and the insert.
    {
      name: 'createPhoneNormalizer (every lookup misses)',
      run: () => ours(unique, createPhoneNormalizer({ cacheSize: 10_000 })),
    },
  ]),
);
