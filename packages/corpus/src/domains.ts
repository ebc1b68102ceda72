/**
 * Email domains. Both profiles draw the head from real domains (providers, companies, universities,
 * government, military, disposable services and common typos) by a Zipf law; the realistic profile adds a
 * mid tail of 5,000 company domains that repeat a few times each and a long tail of domains seen once.
 */
import type { Draw } from './random.js';
import { zipfWeights } from './random.js';

/** Real email domains, most frequent first (the Zipf rank). */
export const HEAD_DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'gmx.de',
  'web.de',
  'mail.ru',
  'yandex.ru',
  'qq.com',
  '163.com',
  'naver.com',
  'orange.fr',
  'libero.it',
  'seznam.cz',
  'yahoo.co.jp',
  'googlemail.com',
  'aol.com',
  'protonmail.com',
  'wp.pl',
  'uol.com.br',
  'rediffmail.com',
  'bigpond.com',
  'acme.com',
  'siemens.com',
  'accenture.com',
  'ibm.com',
  'bosch.de',
  'toyota.co.jp',
  'shopify.com',
  'cs.stanford.edu',
  'mit.edu',
  'ox.ac.uk',
  'u-tokyo.ac.jp',
  'tum.de',
  'usp.br',
  'ec.gc.ca',
  'cabinetoffice.gov.uk',
  'interieur.gouv.fr',
  'army.mil',
  'mod.gov.uk',
  'mailinator.com',
  'guerrillamail.com',
  '10minutemail.com',
  'gmial.com',
  'hotmial.com',
  'yaho.com',
] as const;

/** Repeated profile: Zipf(s = 1.1) over the head alone (47 distinct domains). */
export const HEAD_DOMAIN_WEIGHTS: readonly number[] = zipfWeights(HEAD_DOMAINS.length, 1.1);

/** Company domains of the mid tail: ranks after the head, each a word, a number and a real public suffix. */
export const MID_TAIL_SIZE = 5000;
/** Share of users whose domain is their own (seen once in the whole corpus: a small company, a personal domain). */
export const LONG_TAIL_SHARE = 0.3;

const WORDS = [
  'nordwind',
  'bluepeak',
  'harbor',
  'alpine',
  'meridian',
  'summit',
  'cedar',
  'atlas',
  'orbit',
  'pioneer',
  'granite',
  'vertex',
  'lumen',
  'quantum',
  'maple',
  'sterling',
  'horizon',
  'beacon',
  'crescent',
  'evergreen',
];
const SUFFIXES = ['com', 'de', 'co.uk', 'fr', 'com.br', 'co.jp', 'com.au', 'nl', 'io', 'net', 'org', 'ca', 'it', 'es'];

/** Country code top-level domains (with the second level where companies register: `co.uk`, `com.br`). */
const COUNTRY_SUFFIX: Readonly<Record<string, string>> = {
  US: 'com',
  CA: 'ca',
  GB: 'co.uk',
  DE: 'de',
  FR: 'fr',
  ES: 'es',
  IT: 'it',
  NL: 'nl',
  CH: 'ch',
  AT: 'at',
  PL: 'pl',
  PT: 'pt',
  BR: 'com.br',
  MX: 'com.mx',
  JP: 'co.jp',
  KR: 'co.kr',
  CN: 'com.cn',
  IN: 'co.in',
  AU: 'com.au',
  SE: 'se',
};

/** The company domain of mid-tail rank `rank` (0-based): `meridian12.co.uk`. */
export function midTailDomain(rank: number): string {
  return `${WORDS[rank % WORDS.length]}${Math.floor(rank / WORDS.length)}.${SUFFIXES[rank % SUFFIXES.length]}`;
}

/** A domain nobody else has: the user's own (`atlas-48213.de`), under their country's suffix. */
export function longTailDomain(id: number, alpha2: string, draw: Draw): string {
  return `${draw.pick(WORDS)}-${id}.${COUNTRY_SUFFIX[alpha2] ?? 'com'}`;
}

/** Cumulative weights, for a binary-search draw over thousands of ranks. */
function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    sums[i] = total;
  });
  return sums;
}

/** Zipf(s = 1.1) over the head then the mid tail: rank 1 is gmail.com, rank 48 the first company domain. */
const REALISTIC_CUMULATIVE = cumulative(zipfWeights(HEAD_DOMAINS.length + MID_TAIL_SIZE, 1.1));

/** Realistic profile: a head or mid-tail domain by Zipf rank, or with {@link LONG_TAIL_SHARE} the user's own. */
export function realisticDomain(id: number, alpha2: string, draw: Draw): string {
  if (draw.chance(LONG_TAIL_SHARE)) return longTailDomain(id, alpha2, draw);
  const target = draw.next() * REALISTIC_CUMULATIVE[REALISTIC_CUMULATIVE.length - 1]!;
  let lo = 0;
  let hi = REALISTIC_CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (REALISTIC_CUMULATIVE[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo < HEAD_DOMAINS.length ? HEAD_DOMAINS[lo]! : midTailDomain(lo - HEAD_DOMAINS.length);
}
