/**
 * Country inference from a postal code plus whatever else a record carries (issues 3 and 11).
 *
 * Model (docs/geo.md has worked examples). Every country whose format accepts the code is a candidate
 * with a base weight from the code alone: its format's specificity for the code's shape (a format that
 * accepts 1 in 200 codes of that shape makes a match 200 times more telling than `\d{5}`), x0.001 / x0.1
 * when the code's hyphens sit where the country would not write them (`00-950` is Polish), x0.2 when the
 * country has subdivision postal ranges and the code is in none. Spaces are not evidence: `sw1a1aa` and
 * `SW1A 1AA` infer alike.
 *
 * Evidence from the record multiplies the weights of the candidates it supports, in a fixed order of
 * strength, each level outweighing the product of all weaker ones (two weak hints never overturn a
 * strong one):
 *
 *   country field 1e40 > phone 1e20 (a number that carries its calling code, region read from its leading
 *   digits; a nationally written number parsed under a default region is NOT evidence) > state 1e10
 *   (x50 in its postal range, x0.05 out of it, x0.1 for a bare ISO 3166-2 suffix) > city 1e4 (x its
 *   population share among the countries that have a city of that name) > email ccTLD 20.
 *
 * A candidate's score is its share of the total weight (plus 0.05 for "a country we cannot tell"), times
 * the chance that not every piece of evidence supporting it is misleading (1 − the product of their error
 * rates: a foreign phone, a same-named state...). So only the record's own country field yields confidence
 * 1. The winner is the top candidate when its score is >= 0.5 and not tied.
 *
 * `defaultCountry` is a fallback, never evidence: it decides only when no hint spoke and the code alone
 * does not decide, and then with the default's own (low) score as confidence and `decidedBy: 'default'`.
 */

import * as z from 'zod/mini';
import { LruCache } from '../shared/lru.js';
import { checkOptions } from '../shared/options.js';
import { SeenOnceFilter } from '../shared/seen-once.js';
import { type Alpha2, toAlpha2 } from './country.js';
import { phoneEvidence } from './phone-evidence.js';
import { citiesNamed, type SubdivisionHit, subdivisionsNamed } from './places.js';
import {
  acceptingFormats,
  type CompiledPostalFormat,
  cleanPostalInput,
  compactOf,
  hyphenPositions,
  hyphenTier,
  inSubdivisionRange,
  type PostalProbe,
  probePostalCode,
  type ShapeEntry,
} from './postal.js';

/** Optional evidence from the same record. Every field accepts anything; unusable values are ignored. */
export interface PostalHints {
  /** The record's country (code or name in any language). Strongest evidence: it names the country. */
  country?: unknown;
  /** State, province, prefecture... as ISO 3166-2 code or name (`CA`, `DE-BE`, `Steiermark`, `東京都`). */
  state?: unknown;
  /** City name, matched against the GeoNames cities of >= 15,000 inhabitants (local and English forms). */
  city?: unknown;
  /**
   * Phone: a string in international form (`+49 30 ...`, `0049...`, `011 49 ...`), or a `NormalizedPhone`
   * from cdc-enrich/phone (`{ callingCode, country?, international?, valid?, e164? }`). A number with
   * `international: false` was read under a default region and is not evidence (unless that region is the
   * record's own country); a valid one with `country` is evidence for that region; otherwise its calling
   * code's regions, narrowed by the number's leading digits.
   */
  phone?: unknown;
  /** Email domain or address; its country-code TLD is weak evidence. */
  emailDomain?: unknown;
}

/** Inference options, checked once per call (use {@link createPostalInferrer} to check them once). */
export interface InferOptions {
  /**
   * A fallback region (a tenant's home country), as alpha-2, alpha-3 or name. It is never evidence: it
   * decides only records whose code is ambiguous and whose hints say nothing, with `decidedBy: 'default'`
   * and the low confidence the code alone gives it. A value that does not resolve throws a TypeError.
   */
  defaultCountry?: string | undefined;
}

/** A ranked candidate: `score` is its evidence-adjusted share of the weight (0..1). */
export interface PostalCandidate {
  country: Alpha2;
  score: number;
}

/**
 * The inference result. `candidates` are the countries whose format accepts the code, sorted by
 * descending score, then code; those whose score rounds to 0 (4 decimals) are left out.
 */
export interface PostalInference {
  /** The inferred country, or null when neither the evidence nor the fallback decides. */
  country: Alpha2 | null;
  /**
   * How sure: the winner's score (the default's score when the default decided; the top score when
   * nothing decided). 1 only when the record's country field named the country.
   */
  confidence: number;
  /** What decided `country`: the evidence (score >= 0.5, untied), the fallback `defaultCountry`, or nothing. */
  decidedBy: 'evidence' | 'default' | null;
  candidates: PostalCandidate[];
}

/** Likelihood factors of each kind of evidence (see the module comment). */
export const EVIDENCE_WEIGHTS = Object.freeze({
  country: 1e40,
  phone: 1e20,
  state: 1e10,
  subdivisionPrefixMatch: 50,
  subdivisionPrefixMismatch: 0.05,
  /** A bare ISO 3166-2 suffix ("ZH") that is not the key addresses use. */
  weakStateKey: 0.1,
  noSubdivisionRange: 0.2,
  /** City evidence for a country with the whole population share of the name (scaled by the share). */
  city: 1e4,
  emailTld: 20,
  /** Hyphens where the country would not write them (e.g. `00-950` for a 5-digit country). */
  layoutRewritten: 0.001,
  /** Hyphens the regex accepts but none of the country's examples shows. */
  layoutAccepted: 0.1,
  /** Weight of "a country we cannot tell" (unknown formats, countries without postal codes). */
  unknown: 0.05,
});

/**
 * How often each kind of evidence points away from the record's real country (a foreign phone, a
 * same-named state or city, an email at a foreign provider): the doubt a winner supported only by it keeps.
 * The country field is the record naming its country: no doubt.
 */
export const EVIDENCE_ERROR_RATES = Object.freeze({
  country: 0,
  phone: 0.02,
  state: 0.01,
  city: 0.05,
  emailTld: 0.2,
});

const COUNTRY = 1;
const PHONE = 2;
const STATE = 4;
const CITY = 8;
const EMAIL = 16;
const KIND_ERRORS: readonly [number, number][] = [
  [COUNTRY, EVIDENCE_ERROR_RATES.country],
  [PHONE, EVIDENCE_ERROR_RATES.phone],
  [STATE, EVIDENCE_ERROR_RATES.state],
  [CITY, EVIDENCE_ERROR_RATES.city],
  [EMAIL, EVIDENCE_ERROR_RATES.emailTld],
];
/** Highest score a winner gets without the country field (rounding must not turn doubt into 1). */
const MAX_SCORE_WITHOUT_COUNTRY = 0.9999;

// ---- base ranking (the code alone), cached per probe signature ---------------------------------------

interface BaseRanking {
  /** Distinct per built base (never reused), so results can be cached per base and evidence. */
  readonly id: number;
  readonly formats: readonly CompiledPostalFormat[];
  readonly indexOf: ReadonlyMap<Alpha2, number>;
  readonly weights: Float64Array;
  /** Candidate indices by descending base weight, then code. */
  readonly order: readonly number[];
  readonly total: number;
  /** The frozen result without evidence. */
  readonly alone: PostalInference;
}

/** Per shape: base rankings by probe signature (and hyphen layout). Few per shape: bounded for safety. */
const MAX_BASES_PER_SHAPE = 4096;
const basesByShape = new WeakMap<ShapeEntry, Map<number | string, BaseRanking>>();
const EMPTY: PostalInference = Object.freeze({
  country: null,
  confidence: 0,
  decidedBy: null,
  candidates: Object.freeze([]) as never,
});

function baseWeight(format: CompiledPostalFormat, probe: PostalProbe, hyphenated: string | null): number {
  let weight = probe.entry.specificity.get(format) ?? 1;
  if (hyphenated !== null) {
    const tier = hyphenTier(hyphenated, format);
    if (tier === 'rewritten') weight *= EVIDENCE_WEIGHTS.layoutRewritten;
    else if (tier === 'accepted') weight *= EVIDENCE_WEIGHTS.layoutAccepted;
  }
  if (probe.entry.rangeApplies.has(format)) {
    const ranged = probe.entry.ranged.indexOf(format);
    if (ranged === -1 || !inSubdivisionRange(probe, ranged)) weight *= EVIDENCE_WEIGHTS.noSubdivisionRange;
  }
  return weight;
}

let nextBaseId = 0;

function buildBase(probe: PostalProbe, hyphenated: string | null): BaseRanking | null {
  const formats = acceptingFormats(probe);
  if (formats.length === 0) return null;
  const weights = new Float64Array(formats.length);
  const indexOf = new Map<Alpha2, number>();
  let total = EVIDENCE_WEIGHTS.unknown;
  formats.forEach((format, i) => {
    weights[i] = baseWeight(format, probe, hyphenated);
    indexOf.set(format.region, i);
    total += weights[i]!;
  });
  const order = formats.map((_, i) => i);
  order.sort((a, b) => weights[b]! - weights[a]! || (formats[a]!.region < formats[b]!.region ? -1 : 1));
  const partial = { id: nextBaseId++, formats, indexOf, weights, order, total };
  return { ...partial, alone: freeze(rank(partial, NO_EVIDENCE, null, false)) };
}

function baseFor(cleaned: string): { base: BaseRanking; compact: string } | null {
  const compact = compactOf(cleaned);
  if (compact.length === 0) return null;
  const probe = probePostalCode(compact);
  // Hyphen tiers depend on the written code only through its hyphen positions (for the formats the probe
  // tests, whose literal parts could matter, the validity bits are in the signature already).
  const hyphens = cleaned.includes('-') ? hyphenPositions(cleaned) : '';
  const key = hyphens.length === 0 ? probe.signature : `${probe.signature}-${hyphens}`;
  let bases = basesByShape.get(probe.entry);
  if (bases === undefined) {
    bases = new Map();
    basesByShape.set(probe.entry, bases);
  }
  let base = bases.get(key);
  if (base === undefined) {
    const built = buildBase(probe, hyphens.length === 0 ? null : cleaned);
    if (built === null) return null;
    base = built;
    if (bases.size >= MAX_BASES_PER_SHAPE) bases.clear();
    bases.set(key, base);
  }
  return { base, compact };
}

/**
 * Freezes a cached result's candidates (shared by every copy handed out) but not its array: V8 copies a
 * frozen array with `slice` through its generic path, ~25x slower than a plain one (measured: 1.5 µs for 59).
 */
function freeze(result: PostalInference): PostalInference {
  for (const candidate of result.candidates) Object.freeze(candidate);
  return Object.freeze(result);
}

/** A caller's copy of a cached result: its own array (callers may mutate it), the shared frozen candidates. */
function copyOf(result: PostalInference): PostalInference {
  return {
    country: result.country,
    confidence: result.confidence,
    decidedBy: result.decidedBy,
    candidates: result.candidates.slice(),
  };
}

// ---- evidence ------------------------------------------------------------------------------------------

/**
 * Per supported candidate: its index, the product of its evidence factors and the kinds that supported it,
 * as parallel arrays in order of first support. A record supports a handful of candidates at most, so a
 * linear scan beats a Map and its entry objects (allocated per record on the hot path).
 */
interface Evidence {
  readonly indices: number[];
  readonly factors: number[];
  readonly kinds: number[];
}
const NO_EVIDENCE: Evidence = Object.freeze({
  indices: Object.freeze([]) as never,
  factors: Object.freeze([]) as never,
  kinds: Object.freeze([]) as never,
});

function read(hints: object, field: keyof PostalHints): unknown {
  try {
    return (hints as Record<string, unknown>)[field];
  } catch {
    return undefined; // a throwing getter or proxy trap: treat as absent
  }
}

/** ccTLDs marketed worldwide as generic names (.io, .co, .me, .tv, ...): not evidence of a country. */
const GENERIC_CCTLDS = new Set('io co me tv ai ly fm gg so to ws cc nu tk ml ga cf gq am sh ac la'.split(' '));
/** IANA ccTLDs that are not the ISO 3166-1 code of their country. */
const TLD_ALIASES: Readonly<Record<string, Alpha2>> = { uk: 'GB' };
const CCTLD = /^[a-z]{2}$/;

function emailRegion(emailDomain: unknown): Alpha2 | null {
  if (typeof emailDomain !== 'string' || emailDomain.length > 320) return null;
  const host = emailDomain
    .slice(emailDomain.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!CCTLD.test(tld) || GENERIC_CCTLDS.has(tld)) return null;
  const alias = TLD_ALIASES[tld];
  if (alias !== undefined) return alias;
  const upper = tld.toUpperCase();
  return toAlpha2(upper) === upper ? upper : null;
}

class EvidenceCollector {
  readonly evidence: Evidence = { indices: [], factors: [], kinds: [] };
  /** Whether any hint named at least one region (candidate or not): then the default must stay silent. */
  spoke = false;
  constructor(private readonly base: BaseRanking) {}

  support(region: Alpha2, factor: number, kind: number): void {
    const index = this.base.indexOf.get(region);
    if (index === undefined) return;
    const { indices, factors, kinds } = this.evidence;
    const at = indices.indexOf(index);
    if (at === -1) {
      indices.push(index);
      factors.push(factor);
      kinds.push(kind);
    } else {
      factors[at]! *= factor;
      kinds[at]! |= kind;
    }
  }
}

/** The state factor of one subdivision hit for the candidate at `index`. */
function stateFactor(hit: SubdivisionHit, index: number, compact: string, base: BaseRanking): number {
  const factor = EVIDENCE_WEIGHTS.state * (hit.strong ? 1 : EVIDENCE_WEIGHTS.weakStateKey);
  const range = base.formats[index]!.subdivisionRanges.get(hit.code);
  if (range === undefined) return factor;
  return (
    factor *
    (range.test(compact) ? EVIDENCE_WEIGHTS.subdivisionPrefixMatch : EVIDENCE_WEIGHTS.subdivisionPrefixMismatch)
  );
}

function collectState(collector: EvidenceCollector, state: unknown, compact: string, base: BaseRanking): void {
  const hits = subdivisionsNamed(state);
  if (hits.length === 0) return;
  collector.spoke = true;
  // Best match per candidate region (a text may name several subdivisions of one country), supported in
  // the order of each region's first hit.
  for (let h = 0; h < hits.length; h++) {
    const { region } = hits[h]!;
    if (firstHitOf(hits, region) !== h) continue;
    const index = base.indexOf.get(region);
    if (index === undefined) continue;
    let best = 0;
    for (let k = h; k < hits.length; k++) {
      if (hits[k]!.region === region) best = Math.max(best, stateFactor(hits[k]!, index, compact, base));
    }
    collector.support(region, best, STATE);
  }
}

function firstHitOf(hits: readonly SubdivisionHit[], region: Alpha2): number {
  for (let k = 0; ; k++) if (hits[k]!.region === region) return k;
}

function collectEvidence(base: BaseRanking, compact: string, hints: object): EvidenceCollector {
  const collector = new EvidenceCollector(base);
  const country = toAlpha2(read(hints, 'country'));
  if (country !== null) {
    collector.spoke = true;
    collector.support(country, EVIDENCE_WEIGHTS.country, COUNTRY);
  }
  const phone = read(hints, 'phone');
  if (phone !== undefined && phone !== null) {
    const regions = phoneEvidence(phone, country);
    if (regions !== null && regions.length > 0) {
      collector.spoke = true;
      for (const region of regions) collector.support(region, EVIDENCE_WEIGHTS.phone, PHONE);
    }
  }
  const state = read(hints, 'state');
  if (state !== undefined && state !== null) collectState(collector, state, compact, base);
  const city = read(hints, 'city');
  if (city !== undefined && city !== null) {
    const hits = citiesNamed(city);
    if (hits.length > 0) collector.spoke = true;
    for (const { region, share } of hits) collector.support(region, 1 + (EVIDENCE_WEIGHTS.city - 1) * share, CITY);
  }
  const tld = emailRegion(read(hints, 'emailDomain'));
  if (tld !== null) {
    collector.spoke = true;
    collector.support(tld, EVIDENCE_WEIGHTS.emailTld, EMAIL);
  }
  return collector;
}

// ---- ranking -------------------------------------------------------------------------------------------

function doubtFactor(kinds: number): number {
  let doubt = 1;
  for (let k = 0; k < KIND_ERRORS.length; k++) if ((kinds & KIND_ERRORS[k]![0]) !== 0) doubt *= KIND_ERRORS[k]![1];
  return 1 - doubt;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

interface Supported {
  readonly index: number;
  readonly region: Alpha2;
  readonly score: number;
}

/** Whether `a` (score, region) ranks before `b`: higher score first, then alphabetical region. */
function ranksBefore(scoreA: number, regionA: Alpha2, scoreB: number, regionB: Alpha2): boolean {
  return scoreA !== scoreB ? scoreA > scoreB : regionA < regionB;
}

/** Scores of the candidates the evidence supports, sorted; `total` already includes their new weights. */
function supportedScores(base: Omit<BaseRanking, 'alone'>, evidence: Evidence, total: number): Supported[] {
  const supported: Supported[] = [];
  const { indices, factors, kinds } = evidence;
  for (let e = 0; e < indices.length; e++) {
    const index = indices[e]!;
    let score = ((base.weights[index]! * factors[e]!) / total) * doubtFactor(kinds[e]!);
    if ((kinds[e]! & COUNTRY) === 0 && score > MAX_SCORE_WITHOUT_COUNTRY) score = MAX_SCORE_WITHOUT_COUNTRY;
    supported.push({ index, region: base.formats[index]!.region, score });
  }
  if (supported.length > 1) supported.sort((a, b) => (ranksBefore(a.score, a.region, b.score, b.region) ? -1 : 1));
  return supported;
}

/**
 * Applies the evidence and ranks. Candidates without evidence keep their cached relative order, so only
 * the few supported ones are sorted and merged in (no full sort per record). The unsupported ones come in
 * descending weight, so once one rounds to 0 every later one does too: behind strong evidence the walk
 * stops after a few candidates, and the result array is allocated once at its final length.
 */
function rank(
  base: Omit<BaseRanking, 'alone'>,
  evidence: Evidence,
  defaultCountry: Alpha2 | null,
  spoke: boolean,
  total = evidenceTotal(base, evidence),
  end = keptEnd(base, evidence.indices, total),
): PostalInference {
  const { formats, weights, order } = base;
  const { indices } = evidence;
  const supported = supportedScores(base, evidence, total);
  let kept = 0;
  for (let k = 0; k < end; k++) if (!isSupported(indices, order[k]!)) kept++;
  const candidates: PostalCandidate[] = new Array(kept + supported.length);
  let c = 0;
  let s = 0;
  for (let k = 0; k < end; k++) {
    const index = order[k]!;
    if (isSupported(indices, index)) continue;
    const score = weights[index]! / total;
    const region = formats[index]!.region;
    while (s < supported.length && ranksBefore(supported[s]!.score, supported[s]!.region, score, region)) {
      candidates[c++] = { country: supported[s]!.region, score: round(supported[s]!.score) };
      s++;
    }
    candidates[c++] = { country: region, score: round(score) };
  }
  for (; s < supported.length; s++)
    candidates[c++] = { country: supported[s]!.region, score: round(supported[s]!.score) };
  return decide(candidates, defaultCountry, spoke);
}

/** The total weight once the evidence's factors apply (summed in evidence order: results stay bit-exact). */
function evidenceTotal(base: Omit<BaseRanking, 'alone'>, evidence: Evidence): number {
  const { weights } = base;
  const { indices, factors } = evidence;
  let total = base.total;
  for (let e = 0; e < indices.length; e++) total += weights[indices[e]!]! * factors[e]! - weights[indices[e]!]!;
  return total;
}

/**
 * Where the walk of the cached order stops: the first unsupported candidate whose score rounds to 0 (every
 * later one is lighter), or the end. The candidates before it are the ones the result lists.
 */
function keptEnd(base: Omit<BaseRanking, 'alone'>, indices: readonly number[], total: number): number {
  const { weights, order } = base;
  let end = 0;
  for (; end < order.length; end++) {
    const index = order[end]!;
    if (!isSupported(indices, index) && round(weights[index]! / total) <= 0) break;
  }
  return end;
}

/** Whether the evidence supports the candidate at `index` (a handful of entries: a scan). */
function isSupported(indices: readonly number[], index: number): boolean {
  for (let e = 0; e < indices.length; e++) if (indices[e] === index) return true;
  return false;
}

// ---- ranked results by base and evidence ------------------------------------------------------------------

/**
 * Results by base ranking and evidence. A result depends on the code only through its base ranking (the
 * probe signature), and on the hints only through the evidence factors, so distinct codes share results:
 * on the benchmark corpus (50,000 distinct codes) the state, city and all-hint results take 29, 951 and 95
 * distinct values. Only long results are cached (weak evidence such as a city keeps dozens of candidates
 * above 0, each an object to build); behind strong evidence a result has a few candidates and ranking it
 * costs less than a key. A key is cached on its second sighting (src/shared/seen-once.ts), so evidence that
 * never repeats costs a key and a mark, not a frozen copy per record. Bounded: at most this many results
 * (a few KB each).
 */
const MAX_RANKED_RESULTS = 2048;
const rankedResults = new LruCache<string, PostalInference>(MAX_RANKED_RESULTS);
const seenEvidenceKeys = new SeenOnceFilter(4 * MAX_RANKED_RESULTS);
/** Results walking fewer candidates of the cached order than this are ranked directly, not cached. */
const MIN_CACHED_WALK = 8;

/** The cache key of a base and evidence: exact, since a number's shortest string round-trips. */
function evidenceKey(base: BaseRanking, evidence: Evidence, defaultCountry: Alpha2 | null): string {
  const { indices, factors, kinds } = evidence;
  let key = `${base.id}/${defaultCountry ?? ''}`;
  for (let e = 0; e < indices.length; e++) key += `/${indices[e]!}:${factors[e]!}:${kinds[e]!}`;
  return key;
}

/** {@link rank} for a record whose hints spoke, through the result cache. */
function rankWithEvidence(base: BaseRanking, evidence: Evidence, defaultCountry: Alpha2 | null): PostalInference {
  const total = evidenceTotal(base, evidence);
  const end = keptEnd(base, evidence.indices, total);
  if (end < MIN_CACHED_WALK) return rank(base, evidence, defaultCountry, true, total, end);
  const key = evidenceKey(base, evidence, defaultCountry);
  const cached = rankedResults.get(key);
  if (cached !== undefined) return copyOf(cached);
  if (!seenEvidenceKeys.seenBefore(key)) return rank(base, evidence, defaultCountry, true, total, end);
  const result = freeze(rank(base, evidence, defaultCountry, true, total, end));
  rankedResults.set(key, result);
  return copyOf(result);
}

/** The decision rule: the evidence's untied winner at >= 0.5, else the fallback when nothing spoke. */
function decide(candidates: PostalCandidate[], defaultCountry: Alpha2 | null, spoke: boolean): PostalInference {
  const top = candidates[0]!;
  const runnerUp = candidates[1];
  if (top.score >= 0.5 && (runnerUp === undefined || runnerUp.score < top.score)) {
    return { country: top.country, confidence: top.score, decidedBy: 'evidence', candidates };
  }
  if (defaultCountry !== null && !spoke) {
    const fallback = candidates.find((c) => c.country === defaultCountry);
    if (fallback !== undefined) {
      return { country: defaultCountry, confidence: fallback.score, decidedBy: 'default', candidates };
    }
  }
  return { country: null, confidence: top.score, decidedBy: null, candidates };
}

// ---- entry points --------------------------------------------------------------------------------------

function infer(code: unknown, hints: unknown, defaultCountry: Alpha2 | null, cached = true): PostalInference {
  const cleaned = cleanPostalInput(code);
  if (cleaned === null) return EMPTY;
  const found = baseFor(cleaned);
  if (found === null) return EMPTY;
  const { base, compact } = found;
  if (hints !== undefined && hints !== null && typeof hints === 'object') {
    const collector = collectEvidence(base, compact, hints);
    if (collector.spoke) {
      return cached
        ? rankWithEvidence(base, collector.evidence, defaultCountry)
        : rank(base, collector.evidence, defaultCountry, true);
    }
  }
  if (defaultCountry !== null && base.alone.country === null) return rank(base, NO_EVIDENCE, defaultCountry, false);
  return copyOf(base.alone);
}

/** @internal The inference without the result cache (the reference its differential test compares with). */
export function inferWithoutResultCache(code: unknown, hints?: PostalHints, defaultCountry?: Alpha2): PostalInference {
  return infer(code, hints, defaultCountry ?? null, false);
}

const inferOptionsSchema = z.lazy(() =>
  z.strictObject({
    defaultCountry: z.optional(
      z.custom<string>(
        (value) => toAlpha2(value) !== null,
        'expected a country: ISO 3166-1 alpha-2, alpha-3 or a name (e.g. "DE", "DEU", "Germany")',
      ),
    ),
  }),
);

function resolveOptions(where: string, options: unknown): Alpha2 | null {
  if (options === undefined) return null;
  const { defaultCountry } = checkOptions(where, inferOptionsSchema, options);
  return defaultCountry === undefined ? null : toAlpha2(defaultCountry);
}

/**
 * Infers the country of a postal code, ranking every country whose format accepts it by the record's
 * other evidence, and stays honest when the evidence is not enough (`country: null`).
 *
 * Total: any `code` / `hints` (including non-strings, huge strings and control characters) gives a result.
 * Throws a TypeError only for programmer misuse: unknown options or a `defaultCountry` that does not resolve.
 *
 * @example
 * inferCountryFromPostalCode('SW1A 1AA') // → { country: 'GB', confidence: 0.87, decidedBy: 'evidence', ... }
 * inferCountryFromPostalCode('sw1a1aa') // → the same: spaces are not evidence
 * inferCountryFromPostalCode('10115') // → { country: null, confidence: 0.06, candidates: [59 countries] }
 * inferCountryFromPostalCode('10115', { state: 'Berlin' }) // → { country: 'DE', confidence: 0.99, ... }
 * inferCountryFromPostalCode('10001', { phone: '+1 212 555 0188' }) // → { country: 'US', confidence: 0.98, ... }
 * inferCountryFromPostalCode('10115', {}, { defaultCountry: 'DE' }) // → { country: 'DE', decidedBy: 'default', confidence: 0.02, ... }
 */
export function inferCountryFromPostalCode(
  code: unknown,
  hints?: PostalHints,
  options?: InferOptions,
): PostalInference {
  return infer(code, hints, resolveOptions('inferCountryFromPostalCode', options));
}

/**
 * The inference of {@link inferCountryFromPostalCode} with its options checked once (for hot paths).
 *
 * @example
 * const infer = createPostalInferrer({ defaultCountry: 'Deutschland' });
 * infer('10115', { city: 'Berlin' }).country // → 'DE'
 */
export function createPostalInferrer(options?: InferOptions): (code: unknown, hints?: PostalHints) => PostalInference {
  const defaultCountry = resolveOptions('createPostalInferrer', options);
  return (code, hints) => infer(code, hints, defaultCountry);
}
