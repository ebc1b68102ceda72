/**
 * Phone normalization (`npm run bench -- phone`): plain libphonenumber-js vs normalizePhone (no cache) vs
 * the cached normalizer, on a realistic mix of formats and on each format alone.
 *
 * The mix: 40% E.164 (`+4930901820`, what most sources store), 20% formatted international
 * (`+49 30 901820`, `+1 (212) 555-0100`), 25% national with the record's country (`030 901820`, DE),
 * 10% with the record country's 00/011 exit code, 5% with an extension. Half the numbers come from ten large markets, half
 * uniformly from every region, each an example number of libphonenumber-js with its last four digits
 * randomized (so some are invalid, as in real data). A CDC stream repeats a user's phone on every UPDATE,
 * hence the "repeats" case (50k lookups over 5,000 distinct inputs).
 *
 * The baseline is what a caller would write with the library alone: `parsePhoneNumberFromString(text,
 * country)` then `isValid()`. normalizePhone does more (type, the region check of shared calling codes).
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

interface Example {
  country: string;
  callingCode: string;
  national: string;
}
const all: Example[] = getCountries().flatMap((country) => {
  const n = getExampleNumber(country, examples);
  return n ? [{ country, callingCode: n.countryCallingCode as string, national: n.nationalNumber as string }] : [];
});
const big = ['US', 'GB', 'DE', 'FR', 'IN', 'BR', 'CA', 'AU', 'ES', 'MX'].map((c) => all.find((e) => e.country === c)!);

type Style = 'e164' | 'intl' | 'national' | 'idd' | 'ext';
interface Input {
  text: string;
  country: string;
}

function randomize(national: string): string {
  const d = national.split('');
  for (let i = Math.max(1, d.length - 4); i < d.length; i++) d[i] = String(Math.floor(rand() * 10));
  return d.join('');
}
const group = (digits: string, sep: string) => digits.replace(/(\d{3})(?=\d{3})/g, `$1${sep}`);

function input(style: Style): Input {
  const ex = rand() < 0.5 ? pick(big) : pick(all);
  const nn = randomize(ex.national);
  const cc = ex.callingCode;
  switch (style) {
    case 'e164':
      return { text: `+${cc}${nn}`, country: ex.country };
    case 'intl':
      return {
        text: cc === '1' ? `+1 (${nn.slice(0, 3)}) ${nn.slice(3, 6)}-${nn.slice(6)}` : `+${cc} ${group(nn, ' ')}`,
        country: ex.country,
      };
    case 'national': {
      // A national rendering the library itself produces (trunk prefix and grouping per region).
      const p = parsePhoneNumberFromString(`+${cc}${nn}`);
      return { text: p?.formatNational() ?? nn, country: ex.country };
    }
    case 'idd': {
      // A foreign number dialed from a record's own country with that country's exit code.
      const home = pick(big);
      const exit = home.callingCode === '1' ? '011' : '00';
      return { text: `${exit} ${cc} ${group(nn, '-')}`, country: home.country === 'AU' ? 'GB' : home.country };
    }
    case 'ext':
      return { text: `+${cc} ${group(nn, '.')} ext. ${Math.floor(rand() * 900) + 100}`, country: ex.country };
  }
}
function mixed(): Input {
  const r = rand();
  return input(r < 0.4 ? 'e164' : r < 0.6 ? 'intl' : r < 0.85 ? 'national' : r < 0.95 ? 'idd' : 'ext');
}

function plain(list: readonly Input[]): number {
  let valid = 0;
  for (const { text, country } of list) if (parsePhoneNumberFromString(text, country as never)?.isValid()) valid++;
  return valid;
}
function ours(list: readonly Input[], f: typeof normalizePhone): number {
  let valid = 0;
  for (const { text, country } of list) if (f(text, { defaultCountry: country })?.valid) valid++;
  return valid;
}

const N = 50_000;
const LIB = 'libphonenumber-js parse+isValid';
const distinct = Array.from({ length: 5_000 }, mixed);
const repeats = Array.from({ length: N }, () => pick(distinct));
const cached = createPhoneNormalizer({ cacheSize: 10_000 });

console.log(`## Phone (${all.length} regions with example numbers)\n`);
console.log(
  table(
    `Phone: realistic mix, ${N} lookups over 5,000 distinct inputs`,
    compare(
      [
        { name: LIB, count: N, run: () => plain(repeats) },
        { name: 'normalizePhone (no cache)', count: N, run: () => ours(repeats, normalizePhone) },
        { name: 'createPhoneNormalizer (10k LRU)', count: N, run: () => ours(repeats, cached) },
      ],
      { samples: 5 },
    ),
    [LIB],
  ),
);

const unique = Array.from({ length: N }, mixed);
console.log(
  table(
    `Phone: realistic mix, ${N} all-distinct inputs (cold)`,
    compare(
      [
        { name: LIB, count: N, run: () => plain(unique) },
        { name: 'normalizePhone (no cache)', count: N, run: () => ours(unique, normalizePhone) },
        // a fresh cache per run that never hits: every lookup pays the miss and the insert
        {
          name: 'createPhoneNormalizer (every lookup misses)',
          count: N,
          run: () => ours(unique, createPhoneNormalizer({ cacheSize: 10_000 })),
        },
      ],
      { samples: 5 },
    ),
    [LIB],
  ),
);

const M = 20_000;
const perStyle: Style[] = ['e164', 'intl', 'national', 'idd', 'ext'];
const styleRows = perStyle.flatMap((style) => {
  const list = Array.from({ length: M }, () => input(style));
  const [lib, norm] = compare(
    [
      { name: `${style}: ${LIB}`, count: M, run: () => plain(list) },
      { name: `${style}: normalizePhone (no cache)`, count: M, run: () => ours(list, normalizePhone) },
    ],
    { samples: 5 },
  );
  return [lib!, norm!];
});
console.log(table(`Phone: each format alone, ${M} all-distinct inputs (cold)`, styleRows, []));
const ratios = perStyle.map((style, i) => {
  const lib = styleRows[2 * i]!;
  const norm = styleRows[2 * i + 1]!;
  return `| ${style} | ${(norm.opsPerSec / lib.opsPerSec).toFixed(2)}x |`;
});
console.log(['| format | normalizePhone vs library |', '| --- | --- |', ...ratios, ''].join('\n'));

const distinctShare = (list: readonly Input[]) => new Set(list.map((i) => `${i.country}\u0000${i.text}`)).size;
console.log(
  `Distinct inputs: ${distinctShare(unique)} of ${N} in the all-distinct mix, ${distinctShare(repeats)} in the repeats mix.\n`,
);
