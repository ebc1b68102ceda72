/**
 * Phone normalization: plain libphonenumber-js vs normalizePhone (no cache) vs the cached normalizer,
 * on a realistic mix of formatted numbers from every region (a CDC stream repeats a user's phone on
 * each UPDATE, so most lookups repeat) and on all-unique numbers (the cold case).
 */
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { createPhoneNormalizer, normalizePhone } from '../src/phone/index.js';
import { compare, table } from './harness.js';

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const regions = getCountries().flatMap((c) => {
  const n = getExampleNumber(c, examples);
  return n ? [{ country: c, e164: n.number as string }] : [];
});
function variant(): { text: string; country: string } {
  const r = regions[Math.floor(rand() * regions.length)]!;
  const digits = r.e164.slice(1).split('');
  // vary the last 3 digits so numbers differ, then format like a person would
  for (let i = digits.length - 3; i < digits.length; i++) digits[i] = String(Math.floor(rand() * 10));
  const d = digits.join('');
  const style = Math.floor(rand() * 3);
  const text = style === 0 ? `+${d}` : style === 1 ? `+${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}` : `00${d}`;
  return { text, country: r.country };
}

const N = 50_000;
const distinct = Array.from({ length: 5_000 }, variant);
const mixed = Array.from({ length: N }, () => distinct[Math.floor(rand() * distinct.length)]!);
const unique = Array.from({ length: N }, variant);

function plain(list: typeof mixed) {
  let valid = 0;
  for (const { text } of list) {
    const p = parsePhoneNumberFromString(text.startsWith('00') ? `+${text.slice(2)}` : text);
    if (p?.isValid()) valid++;
  }
  return valid;
}
function ours(list: typeof mixed, f: typeof normalizePhone) {
  let valid = 0;
  for (const { text } of list) if (f(text)?.valid) valid++;
  return valid;
}

const cached = createPhoneNormalizer({ cacheSize: 10_000 });
const warm = compare(
  [
    { name: 'libphonenumber-js parse+isValid', count: N, run: () => plain(mixed) },
    { name: 'normalizePhone (no cache)', count: N, run: () => ours(mixed, normalizePhone) },
    { name: 'createPhoneNormalizer (10k LRU)', count: N, run: () => ours(mixed, cached) },
  ],
  { samples: 5 },
);
console.log(
  table(`Phone: ${N} lookups over 5,000 distinct numbers from ${regions.length} regions`, warm, [
    'libphonenumber-js parse+isValid',
  ]),
);

const cold = compare(
  [
    { name: 'libphonenumber-js parse+isValid', count: N, run: () => plain(unique) },
    { name: 'normalizePhone (no cache)', count: N, run: () => ours(unique, normalizePhone) },
    // a fresh, too-small cache per run: every lookup misses and pays the insert
    {
      name: 'createPhoneNormalizer (all misses)',
      count: N,
      run: () => ours(unique, createPhoneNormalizer({ cacheSize: 1000 })),
    },
  ],
  { samples: 5 },
);
console.log(table(`Phone: ${N} all-unique numbers (cold)`, cold, ['libphonenumber-js parse+isValid']));

const e164 = Array.from({ length: N }, () => {
  const v = variant();
  return { text: v.text.startsWith('00') ? `+${v.text.slice(2)}` : v.text.replace(/ /g, ''), country: v.country };
});
const strict = compare(
  [
    { name: 'libphonenumber-js parse+isValid', count: N, run: () => plain(e164) },
    { name: 'normalizePhone (no cache, E.164 fast path)', count: N, run: () => ours(e164, normalizePhone) },
  ],
  { samples: 5 },
);
console.log(
  table(`Phone: ${N} all-unique numbers already in E.164 (cold)`, strict, ['libphonenumber-js parse+isValid']),
);
