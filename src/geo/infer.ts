/**
 * Country inference from a postal code plus whatever else a record carries (issue 3, "Postal codes").
 *
 * Model: every country whose format accepts the code is a candidate with weight 1 (a "layout" factor
 * down-weights countries that would write the separators differently from the input). Each piece of
 * evidence multiplies the weight of the candidates it supports by a likelihood factor, in the order of
 * strength the issue asks for, each level outweighing the product of all weaker ones (so two weak hints
 * never overturn a strong one):
 *
 *   explicit country 1e40 > phone calling code 1e20 > state/province valid in the candidate 1e10
 *   (x50 more when the code also falls in that subdivision's postal range, x0.05 when it does not;
 *   x0.1 when the hint only matches a bare ISO 3166-2 suffix that is not the address key)
 *   > well-known city 1e4 > options.defaultCountry (explicit prior) 200 > email ccTLD 20 (weak).
 *
 * A country with subdivision ranges whose code falls in none of them gets x0.2. Confidence is the winner's
 * share of the total weight, with a constant 0.05 of "some country we cannot tell" in the denominator,
 * so a format unique to one country gives ~0.95 and 50 equally plausible countries give ~0.02. A winner
 * is reported only when its share is >= 0.5; otherwise `country` is null (never a confident guess).
 */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { type Alpha2, normalizeCountry } from './country.js';
import { WELL_KNOWN_CITIES } from './data/cities.js';
import { normalizePlaceKey } from './key.js';
import {
  COMPILED_POSTAL_FORMATS,
  type CompiledSubdivision,
  cleanPostalInput,
  layoutTier,
  matchCleaned,
  type PostalMatch,
  SUBDIVISIONS,
} from './postal.js';

/** Optional evidence from the same record. Every field accepts anything; unusable values are ignored. */
export interface PostalHints {
  /** The record's country (name or code). Strongest evidence. */
  country?: unknown;
  /** State, province, prefecture... as code or name (`CA`, `Ontario`, `NSW`, `SP`, `東京都`). */
  state?: unknown;
  /** City name; matched against a small list of well-known cities. */
  city?: unknown;
  /**
   * Phone in international form (`+49 30 ...`, `0049...`, `011 49 ...`), or a `NormalizedPhone`-like
   * object from cdc-enrich/phone (`{ callingCode }` or `{ e164 }`), which avoids parsing twice.
   */
  phone?: unknown;
  /** Email domain or address; its country-code TLD is weak evidence. */
  emailDomain?: unknown;
}

/** Inference options. */
export interface InferOptions {
  /** An explicit prior, e.g. a tenant's home country (name or code). Throws if not a known country. */
  defaultCountry?: string;
}

/** A ranked candidate: `score` is its share of the evidence weight (0..1). */
export interface PostalCandidate {
  country: Alpha2;
  score: number;
}

/** The inference result. `candidates` are sorted by descending score, then code. */
export interface PostalInference {
  /** The winning country, or null when no candidate holds at least half of the weight. */
  country: Alpha2 | null;
  /** The winner's share of the weight (0..1); < 0.5 whenever `country` is null. */
  confidence: number;
  candidates: PostalCandidate[];
}

/** Likelihood factors of each kind of evidence (see the module comment). */
export const EVIDENCE_WEIGHTS = Object.freeze({
  country: 1e40,
  phone: 1e20,
  state: 1e10,
  subdivisionPrefixMatch: 50,
  subdivisionPrefixMismatch: 0.05,
  noSubdivisionRange: 0.2,
  city: 1e4,
  emailTld: 20,
  defaultCountry: 200,
  /** Input separators that the country would write elsewhere (e.g. `00-950` for a 5-digit country). */
  layoutRewritten: 0.001,
  /** Layout the regex accepts but none of the country's examples shows. */
  layoutAccepted: 0.1,
  /** Weight of "a country we cannot tell" (unknown formats, countries without postal codes). */
  unknown: 0.05,
});

// ---- lookup tables, built once ----------------------------------------------------------------------

/** ITU-T E.164 country calling code → regions sharing it (libphonenumber-js metadata; +1 = all of NANP). */
const regionsByCallingCode = new Map<string, Alpha2[]>();
for (const region of getCountries()) {
  const code = getCountryCallingCode(region);
  const list = regionsByCallingCode.get(code) ?? [];
  list.push(region);
  regionsByCallingCode.set(code, list);
}

const citiesByKey = new Map<string, Alpha2[]>();
for (const [region, cities] of Object.entries(WELL_KNOWN_CITIES)) {
  for (const city of cities) {
    const key = normalizePlaceKey(city);
    if (key === null) continue;
    const list = citiesByKey.get(key) ?? [];
    if (!list.includes(region)) list.push(region);
    citiesByKey.set(key, list);
  }
}

/**
 * normalized subdivision key/name/ISO code → matches per region. `strength` is 1 for the key addresses
 * use, the local or Latin name and the prefixed ISO 3166-2 code ("UY-CA"); a bare ISO 3166-2 suffix that
 * is not also the address key ("CA" for Uruguay's Canelones) is rarely written alone, so it counts 0.1.
 */
const subdivisionsByKey = new Map<string, { region: Alpha2; subdivision: CompiledSubdivision; strength: number }[]>();
function addSubdivisionKey(
  text: string | undefined,
  region: Alpha2,
  subdivision: CompiledSubdivision,
  strength: number,
) {
  const key = normalizePlaceKey(text);
  if (key === null) return;
  const list = subdivisionsByKey.get(key) ?? [];
  const existing = list.find((e) => e.region === region && e.subdivision === subdivision);
  if (existing === undefined) list.push({ region, subdivision, strength });
  else existing.strength = Math.max(existing.strength, strength);
  subdivisionsByKey.set(key, list);
}
for (const [region, subdivisions] of SUBDIVISIONS) {
  for (const subdivision of subdivisions) {
    addSubdivisionKey(subdivision.key, region, subdivision, 1);
    addSubdivisionKey(subdivision.name, region, subdivision, 1);
    addSubdivisionKey(subdivision.latinName, region, subdivision, 1);
    if (subdivision.isoCode !== undefined) {
      addSubdivisionKey(subdivision.isoCode, region, subdivision, 0.1);
      addSubdivisionKey(`${region}-${subdivision.isoCode}`, region, subdivision, 1);
    }
  }
}

/** ccTLDs marketed worldwide as generic names (.io, .co, .me, .tv, ...): not evidence of a country. */
const GENERIC_CCTLDS = new Set([
  'io',
  'co',
  'me',
  'tv',
  'ai',
  'ly',
  'fm',
  'gg',
  'so',
  'to',
  'ws',
  'cc',
  'nu',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  'am',
  'sh',
  'ac',
  'la',
]);
const TLD_ALIASES: Readonly<Record<string, Alpha2>> = { uk: 'GB' };

// ---- evidence readers (total: any input, never throws) ----------------------------------------------

function read(hints: unknown, field: keyof PostalHints): unknown {
  if (hints === null || typeof hints !== 'object') return undefined;
  try {
    return (hints as Record<string, unknown>)[field];
  } catch {
    return undefined; // a throwing getter or proxy trap: treat as absent
  }
}

const PHONE_NOISE = /[\s().\-/\u00a0]/g;

/** Regions whose calling code the phone carries, or null. */
export function phoneRegions(phone: unknown): readonly Alpha2[] | null {
  let digits: string | null = null;
  if (phone !== null && typeof phone === 'object') {
    const callingCode = read(phone, 'callingCode' as keyof PostalHints);
    if (typeof callingCode === 'string' && /^\d{1,3}$/.test(callingCode)) {
      return regionsByCallingCode.get(callingCode) ?? null;
    }
    const e164 = read(phone, 'e164' as keyof PostalHints);
    if (typeof e164 !== 'string') return null;
    phone = e164;
  }
  if (typeof phone !== 'string' || phone.length > 64) return null;
  const compact = phone.replace(PHONE_NOISE, '');
  // E.164 international prefixes: "+", and the common IDD prefixes "00" (ITU-T E.164 recommended) and
  // "011" (NANP). A national-format number carries no calling code.
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('011')) digits = compact.slice(3);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  if (digits === null || !/^\d{7,17}$/.test(digits)) return null;
  // Calling codes form a prefix-free code (ITU-T E.164), so at most one of these lengths matches.
  for (let length = 1; length <= 3; length++) {
    const regions = regionsByCallingCode.get(digits.slice(0, length));
    if (regions !== undefined) return regions;
  }
  return null;
}

function emailRegion(emailDomain: unknown): Alpha2 | null {
  if (typeof emailDomain !== 'string' || emailDomain.length > 320) return null;
  const host = emailDomain
    .slice(emailDomain.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!/^[a-z]{2}$/.test(tld) || GENERIC_CCTLDS.has(tld)) return null;
  const alias = TLD_ALIASES[tld];
  if (alias !== undefined) return alias;
  const upper = tld.toUpperCase();
  return normalizeCountry(upper)?.alpha2 === upper ? upper : null;
}

// ---- inference --------------------------------------------------------------------------------------

const EMPTY: PostalInference = Object.freeze({ country: null, confidence: 0, candidates: Object.freeze([]) as never });

function resolveDefaultCountry(options: unknown): Alpha2 | null {
  if (options === undefined || options === null) return null;
  if (typeof options !== 'object') throw new TypeError('inferCountryFromPostalCode: options must be an object');
  const value = (options as InferOptions).defaultCountry;
  if (value === undefined) return null;
  const alpha2 = normalizeCountry(value)?.alpha2;
  if (alpha2 === undefined) {
    throw new TypeError('inferCountryFromPostalCode: options.defaultCountry is not a known country');
  }
  return alpha2;
}

/**
 * Infers the country of a postal code, ranking every country whose format accepts it by the record's
 * other evidence, and stays honest when the evidence is not enough (`country: null`, confidence < 0.5).
 *
 * Total: any `code` / `hints` (including non-strings, huge strings and control characters) gives a result.
 * Throws only for programmer misuse: `options` that is not an object, or an unknown `defaultCountry`.
 *
 * @example
 * inferCountryFromPostalCode('SW1A 1AA') // → { country: 'GB', confidence: 0.95, ... }
 * inferCountryFromPostalCode('10115') // → { country: null, confidence: 0.02, candidates: [~59 countries] }
 * inferCountryFromPostalCode('10115', { city: 'Berlin' }) // → { country: 'DE', confidence: 0.99, ... }
 * inferCountryFromPostalCode('90210', { state: 'CA' }) // → { country: 'US', ... }
 * inferCountryFromPostalCode('10115', {}, { defaultCountry: 'DE' }) // → { country: 'DE', ... }
 */
export function inferCountryFromPostalCode(
  code: unknown,
  hints?: PostalHints,
  options?: InferOptions,
): PostalInference {
  const defaultCountry = resolveDefaultCountry(options);
  const cleaned = cleanPostalInput(code);
  if (cleaned === null) return EMPTY;
  const matches = matchCleaned(cleaned);
  if (matches.length === 0) return EMPTY;

  const base = baseRanking(cleaned, matches);
  // Evidence factors per candidate index; most records carry none or one or two.
  const factors = new Map<number, number>();
  const boost = (country: Alpha2, factor: number) => {
    const index = base.indexOf.get(country);
    if (index !== undefined) factors.set(index, (factors.get(index) ?? 1) * factor);
  };

  if (hints !== undefined && hints !== null) {
    const country = normalizeCountry(read(hints, 'country'))?.alpha2;
    if (country !== undefined) boost(country, EVIDENCE_WEIGHTS.country);

    const phone = read(hints, 'phone');
    if (phone !== undefined && phone !== null) {
      for (const region of phoneRegions(phone) ?? []) boost(region, EVIDENCE_WEIGHTS.phone);
    }

    const stateKey = normalizePlaceKey(read(hints, 'state'));
    const states = stateKey === null ? undefined : subdivisionsByKey.get(stateKey);
    if (states !== undefined) {
      // Best match per candidate region (a key may name several subdivisions of one country).
      const best = new Map<Alpha2, number>();
      for (const { region, subdivision, strength } of states) {
        const index = base.indexOf.get(region);
        if (index === undefined) continue;
        let factor = EVIDENCE_WEIGHTS.state * strength;
        if (subdivision.zipPrefix !== undefined) {
          factor *= subdivision.zipPrefix.test(matches[index]!.normalized)
            ? EVIDENCE_WEIGHTS.subdivisionPrefixMatch
            : EVIDENCE_WEIGHTS.subdivisionPrefixMismatch;
        }
        best.set(region, Math.max(best.get(region) ?? 0, factor));
      }
      for (const [region, factor] of best) boost(region, factor);
    }

    const cityKey = normalizePlaceKey(read(hints, 'city'));
    const cityRegions = cityKey === null ? undefined : citiesByKey.get(cityKey);
    for (const region of cityRegions ?? []) boost(region, EVIDENCE_WEIGHTS.city);

    const tldRegion = emailRegion(read(hints, 'emailDomain'));
    if (tldRegion !== null) boost(tldRegion, EVIDENCE_WEIGHTS.emailTld);
  }
  if (defaultCountry !== null) boost(defaultCountry, EVIDENCE_WEIGHTS.defaultCountry);

  if (factors.size === 0) {
    const cached = base.withoutEvidence;
    return { country: cached.country, confidence: cached.confidence, candidates: cached.candidates.slice() };
  }
  return rank(base, factors);
}

/** The evidence-free part of a ranking, cached per cleaned code (it depends on the code alone). */
interface BaseRanking {
  readonly matches: readonly PostalMatch[];
  readonly indexOf: ReadonlyMap<Alpha2, number>;
  readonly weights: Float64Array;
  /** Candidate indices by descending base weight, then code. */
  readonly order: readonly number[];
  readonly total: number;
  readonly withoutEvidence: PostalInference;
}

const MAX_BASE_CACHE = 8192;
const baseCache = new Map<string, BaseRanking>();

function baseRanking(cleaned: string, matches: readonly PostalMatch[]): BaseRanking {
  const cachedBase = baseCache.get(cleaned);
  if (cachedBase !== undefined && cachedBase.matches === matches) return cachedBase;
  const hasSeparator = cleaned.includes(' ') || cleaned.includes('-');
  const weights = new Float64Array(matches.length);
  const indexOf = new Map<Alpha2, number>();
  let total = EVIDENCE_WEIGHTS.unknown;
  matches.forEach(({ country, normalized }, i) => {
    const format = COMPILED_POSTAL_FORMATS.get(country)!;
    let weight = 1;
    if (hasSeparator) {
      const tier = layoutTier(cleaned, format);
      if (tier === 'rewritten') weight *= EVIDENCE_WEIGHTS.layoutRewritten;
      else if (tier === 'accepted') weight *= EVIDENCE_WEIGHTS.layoutAccepted;
    }
    if (format.anySubdivisionPrefix !== undefined && !format.anySubdivisionPrefix.test(normalized)) {
      weight *= EVIDENCE_WEIGHTS.noSubdivisionRange;
    }
    weights[i] = weight;
    indexOf.set(country, i);
    total += weight;
  });
  const order = matches.map((_, i) => i);
  order.sort((a, b) => weights[b]! - weights[a]! || (matches[a]!.country < matches[b]!.country ? -1 : 1));
  const partial = { matches, indexOf, weights, order, total };
  const result: BaseRanking = { ...partial, withoutEvidence: freezeResult(rank(partial, new Map())) };
  if (baseCache.size >= MAX_BASE_CACHE) baseCache.clear();
  baseCache.set(cleaned, result);
  return result;
}

function freezeResult(result: PostalInference): PostalInference {
  for (const candidate of result.candidates) Object.freeze(candidate);
  return Object.freeze(result);
}

/**
 * Applies evidence factors and ranks. Candidates without evidence keep their cached relative order, so
 * only the few boosted ones are sorted and merged in (no full sort per record).
 */
function rank(base: Omit<BaseRanking, 'withoutEvidence'>, factors: ReadonlyMap<number, number>): PostalInference {
  const { matches, weights, order } = base;
  let total = base.total;
  const boosted: { index: number; weight: number }[] = [];
  for (const [index, factor] of factors) {
    const weight = weights[index]! * factor;
    total += weight - weights[index]!;
    boosted.push({ index, weight });
  }
  boosted.sort((a, b) => b.weight - a.weight || (matches[a.index]!.country < matches[b.index]!.country ? -1 : 1));
  const candidates: PostalCandidate[] = [];
  let b = 0;
  for (const index of order) {
    if (factors.has(index)) continue;
    const weight = weights[index]!;
    while (b < boosted.length && precedes(boosted[b]!, { index, weight }, matches)) {
      candidates.push({ country: matches[boosted[b]!.index]!.country, score: round(boosted[b]!.weight / total) });
      b++;
    }
    candidates.push({ country: matches[index]!.country, score: round(weight / total) });
  }
  for (; b < boosted.length; b++) {
    candidates.push({ country: matches[boosted[b]!.index]!.country, score: round(boosted[b]!.weight / total) });
  }
  const top = candidates[0]!;
  const runnerUp = candidates[1];
  const decided = top.score >= 0.5 && (runnerUp === undefined || runnerUp.score < top.score);
  return { country: decided ? top.country : null, confidence: top.score, candidates };
}

function precedes(
  a: { index: number; weight: number },
  b: { index: number; weight: number },
  matches: readonly PostalMatch[],
): boolean {
  if (a.weight !== b.weight) return a.weight > b.weight;
  return matches[a.index]!.country < matches[b.index]!.country;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
