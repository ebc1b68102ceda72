import { domainToASCII } from 'node:url';
import { COMMON_PERSONAL_DOMAINS } from './data/providers.js';

const COMMON = new Set(COMMON_PERSONAL_DOMAINS);

/** Largest edit distance considered a typo. Two edits covers `gmial`/`gmaill`/`yaho` and most slips. */
const MAX_DISTANCE = 2;

/**
 * Optimal string alignment distance (Damerau-Levenshtein restricted: adjacent transpositions count as
 * one edit), with an early exit once every cell of a row exceeds `limit`. O(|a|·|b|) at worst, on strings
 * of at most a few dozen characters.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Suggests the personal provider an address (or bare domain) probably meant, when its domain is within
 * two edits of a common one (`gmial.com` → `gmail.com`). A suggestion only: it never changes data.
 * `null` when the domain is already a common provider, or nothing is close enough.
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
  const domain = domainToASCII(raw) || raw.toLowerCase();
  // Only the common providers count as already right: the long provider list also holds typo domains
  // (`gmial.com` is a registered domain), which is exactly what we want to flag.
  if (COMMON.has(domain)) return null;
  // Short domains need a tighter bound, or `qq.com` would "correct" every five-letter domain.
  const limit = domain.length <= 6 ? 1 : MAX_DISTANCE;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of COMMON_PERSONAL_DOMAINS) {
    const d = editDistance(domain, candidate, Math.min(limit, bestDistance - 1));
    if (d < bestDistance && d > 0) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
