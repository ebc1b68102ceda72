/**
 * Typo suggestions: the major personal provider a domain was probably meant to be (`gmial.com` → `gmail.com`).
 *
 * The distance is optimal string alignment (Damerau-Levenshtein where an adjacent swap is one edit) with one
 * refinement: substituting a character is one edit only when the two keys are neighbours on a QWERTY
 * keyboard (`gmail.con`: `n` is next to `m`), otherwise two (a delete and an insert). Slips of the finger are
 * neighbours; two different real names usually are not, so `zoom.com`, `aon.com` or `bol.com` (companies)
 * are not "corrected" to `zoho.com` or `aol.com`.
 *
 * The analyzer asks once per distinct host, so a long tail of unseen company domains must be cheap: a
 * candidate is only aligned when its length and its set of characters are close enough to reach the bound.
 */
import { domainToASCII } from 'node:url';
import { COMMON_PERSONAL_DOMAINS } from './data/providers.js';

/** QWERTY rows, left to right; each row sits half a key to the right of the one above. */
const KEYBOARD_ROWS = ['1234567890-', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm,.'];

/** `adjacentKeys[a * 128 + b]` is 1 when keys `a` and `b` (ASCII) touch. */
let adjacentKeys: Uint8Array | undefined;

function buildAdjacentKeys(): Uint8Array {
  const adjacent = new Uint8Array(128 * 128);
  const link = (a: string | undefined, b: string | undefined) => {
    if (a === undefined || b === undefined) return;
    adjacent[a.charCodeAt(0) * 128 + b.charCodeAt(0)] = 1;
    adjacent[b.charCodeAt(0) * 128 + a.charCodeAt(0)] = 1;
  };
  KEYBOARD_ROWS.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      link(row[c], row[c + 1]);
      // The row below is shifted right: key c touches keys c - 1 and c there.
      const below = KEYBOARD_ROWS[r + 1];
      if (below !== undefined) {
        link(row[c], below[c - 1]);
        link(row[c], below[c]);
      }
    }
  });
  return adjacent;
}

/** Cost of writing `b` where `a` was meant: 0 same, 1 neighbouring keys, 2 otherwise. */
function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  return a < 128 && b < 128 && adjacentKeys![a * 128 + b] === 1 ? 1 : 2;
}

/** One bit per character class present (a–z each, digits, `.`, `-`, anything else). */
function characterMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) mask |= 1 << (c - 0x61);
    else if (c >= 0x30 && c <= 0x39) mask |= 1 << 26;
    else if (c === 0x2e) mask |= 1 << 27;
    else if (c === 0x2d) mask |= 1 << 28;
    else mask |= 1 << 29;
  }
  return mask;
}

function popCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

interface Candidate {
  domain: string;
  mask: number;
  /** Position in the common list (most used first), for ties. */
  rank: number;
}

/** The common providers by length, so that a host only meets candidates of about its own length. */
let candidatesByLength: Candidate[][] | undefined;
let commonDomains: ReadonlySet<string> | undefined;

function indexCandidates(): Candidate[][] {
  const byLength: Candidate[][] = [];
  COMMON_PERSONAL_DOMAINS.forEach((domain, rank) => {
    const bucket = byLength[domain.length] ?? [];
    bucket.push({ domain, mask: characterMask(domain), rank });
    byLength[domain.length] = bucket;
  });
  return byLength;
}

/** Three rows of the alignment, reused (a host has at most 253 characters). */
const rows = [new Int32Array(256), new Int32Array(256), new Int32Array(256)] as const;

/**
 * Keyboard-aware optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`.
 * Insertions, deletions and adjacent swaps cost 1; substitutions 1 or 2 ({@link substitutionCost}).
 */
function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit || b.length > 253) return limit + 1;
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + substitutionCost(ai, bj));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[b.length]!;
}

/**
 * The common provider a lowercase ASCII host was probably meant to be, or `null`. Allowed distance: 1 for
 * hosts of up to 9 characters, 2 for longer ones (short names sit close to many real domains). The closest
 * wins; a tie goes to the more common provider.
 *
 * @example
 * suggestProviderFor('gmial.com'); // 'gmail.com'
 * suggestProviderFor('zoom.com');  // null
 */
export function suggestProviderFor(host: string): string | null {
  if (candidatesByLength === undefined) {
    adjacentKeys = buildAdjacentKeys();
    candidatesByLength = indexCandidates();
    commonDomains = new Set(COMMON_PERSONAL_DOMAINS);
  }
  const length = host.length;
  if (length < 3 || length > 253) return null;
  // Candidates farther than `bound` are skipped; it shrinks to the best distance found (ties stay in).
  let bound = length <= 9 ? 1 : 2;
  let mask = -1;
  let best: Candidate | null = null;
  let bestDistance = bound + 1;
  for (let l = length - bound; l <= length + bound; l++) {
    const bucket = candidatesByLength[l];
    if (bucket === undefined) continue;
    if (mask === -1) {
      if (commonDomains!.has(host)) return null;
      mask = characterMask(host);
    }
    for (const candidate of bucket) {
      // The length difference is a lower bound of the distance, and so is half the number of character
      // classes present in one and not the other (an edit changes at most two): both are checked before aligning.
      if (Math.abs(l - length) > bound || popCount(mask ^ candidate.mask) > 2 * bound) continue;
      const d = typoDistance(host, candidate.domain, bound);
      if (d > bound) continue;
      if (d < bestDistance || (best !== null && candidate.rank < best.rank)) {
        best = candidate;
        bestDistance = d;
        bound = d;
      }
    }
  }
  return best === null ? null : best.domain;
}

/**
 * Suggests the personal provider an address (or bare domain) probably meant, when its domain is a likely
 * typo of a common one (`gmial.com` → `gmail.com`): within one keyboard slip for domains of up to 9
 * characters, two for longer ones. A suggestion only: it never changes data. `null` when the domain is
 * already a common provider, nothing is close enough, or the input is not a string.
 *
 * @example
 * suggestEmailDomain('jane@gmial.com'); // 'gmail.com'
 * suggestEmailDomain('hotmial.com');    // 'hotmail.com'
 * suggestEmailDomain('jane@gmail.com'); // null
 */
export function suggestEmailDomain(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 320) return null;
  const text = input.trim();
  const at = text.lastIndexOf('@');
  const raw = at >= 0 ? text.slice(at + 1) : text;
  if (raw.length < 3 || raw.length > 253) return null;
  return suggestProviderFor(domainToASCII(raw) || raw.toLowerCase());
}
