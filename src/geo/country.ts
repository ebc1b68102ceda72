/**
 * Country normalization: free text or ISO 3166-1 codes → `{ alpha2, alpha3, name }`.
 *
 * One index is built at module load from every locale i18n-iso-countries ships (78 CLDR-derived
 * locales, official and alternative names) plus the curated aliases in `data/country-aliases.ts`, so a
 * lookup is one key normalization and one `Map.get` (O(1) in the number of countries), instead of the
 * linear scan that `getAlpha2Code(name, lang)` does per call and per locale.
 */
import * as isoCountriesModule from 'i18n-iso-countries';
import { COUNTRY_ALIASES } from './data/country-aliases.js';
import { normalizePlaceKey } from './key.js';

/** Uppercase ISO 3166-1 alpha-2 code (plus `XK`, Kosovo's user-assigned code, as i18n-iso-countries has it). */
export type Alpha2 = string;

/** A normalized country. */
export interface Country {
  /** ISO 3166-1 alpha-2, uppercase. */
  alpha2: Alpha2;
  /** ISO 3166-1 alpha-3, uppercase. */
  alpha3: string;
  /** English short name (CLDR "en" via i18n-iso-countries). */
  name: string;
}

/**
 * Result of {@link lookupCountry}: a single country, an explicit ambiguity (a name that maps to several
 * countries, e.g. "Congo"), or nothing.
 */
export type CountryLookup =
  | { status: 'found'; country: Country }
  | { status: 'ambiguous'; candidates: Country[] }
  | { status: 'unknown' };

type IsoCountries = typeof isoCountriesModule;
// The package's Node entry (`main: entry-node.js`) is CommonJS and assigns `module.exports = library`
// after registering every locale JSON in langs/. From Node ESM that object is only reachable as the
// default export; from our CJS build (esbuild's __toESM) it is also `.default`. Namespace fallback covers
// bundlers that expose the named exports directly.
const isoCountries: IsoCountries =
  (isoCountriesModule as unknown as { default?: IsoCountries }).default ?? isoCountriesModule;

const byAlpha2 = new Map<string, Country>();
const byAlpha3 = new Map<string, Country>();
const byNumeric = new Map<string, Country>();
/** normalized name key → alpha-2 codes (length > 1 = ambiguous). */
const byName = new Map<string, readonly string[]>();
/** Same keys without spaces ("newzealand"), used only when the spaced key misses. */
const byCompactName = new Map<string, readonly string[]>();

function addName(index: Map<string, readonly string[]>, key: string, alpha2: string): void {
  const existing = index.get(key);
  if (existing === undefined) index.set(key, [alpha2]);
  else if (!existing.includes(alpha2)) index.set(key, [...existing, alpha2]);
}

function buildIndex(): void {
  const alpha3Codes = isoCountries.getAlpha3Codes();
  for (const [alpha3, alpha2] of Object.entries(alpha3Codes)) {
    const name = isoCountries.getName(alpha2, 'en') ?? alpha2;
    const country: Country = Object.freeze({ alpha2, alpha3, name });
    byAlpha2.set(alpha2, country);
    byAlpha3.set(alpha3, country);
    const numeric = isoCountries.alpha2ToNumeric(alpha2);
    if (numeric !== undefined) byNumeric.set(numeric, country);
  }
  for (const lang of isoCountries.langs()) {
    const names = isoCountries.getNames(lang, { select: 'all' });
    for (const [alpha2, list] of Object.entries(names)) {
      if (!byAlpha2.has(alpha2)) continue;
      for (const raw of list) {
        const key = normalizePlaceKey(raw);
        if (key === null) continue;
        addName(byName, key, alpha2);
        addName(byCompactName, key.replace(/ /g, ''), alpha2);
      }
    }
  }
  // Curated aliases override whatever the locale data says for the same key (including making a key
  // explicitly ambiguous, e.g. "Congo" or "Korea").
  for (const [alias, codes] of Object.entries(COUNTRY_ALIASES)) {
    const key = normalizePlaceKey(alias);
    if (key === null) continue;
    const valid = codes.filter((c) => byAlpha2.has(c));
    if (valid.length === 0) continue;
    byName.set(key, valid);
    byCompactName.set(key.replace(/ /g, ''), valid);
  }
}
buildIndex();

/** Every alpha-2 code the index knows (ISO 3166-1 plus XK), sorted. */
export const ALL_ALPHA2: readonly Alpha2[] = Object.freeze([...byAlpha2.keys()].sort());

const ALPHA = /^[A-Za-z]{2,3}$/;
const NUMERIC = /^\d{1,3}$/;

function resolveCodes(codes: readonly string[] | undefined): CountryLookup | null {
  if (codes === undefined) return null;
  const countries = codes.map((c) => byAlpha2.get(c)).filter((c): c is Country => c !== undefined);
  if (countries.length === 1) return { status: 'found', country: countries[0]! };
  if (countries.length > 1) return { status: 'ambiguous', candidates: countries };
  return null;
}

const UNKNOWN: CountryLookup = Object.freeze({ status: 'unknown' });

/**
 * Looks a country up and reports ambiguity explicitly.
 *
 * Accepts alpha-2 / alpha-3 codes (any case), numeric codes (string or integer, with or without leading
 * zeros), and names in every locale i18n-iso-countries ships, plus the curated aliases. Never throws.
 *
 * @example
 * lookupCountry('Congo') // → { status: 'ambiguous', candidates: [{ alpha2: 'CG', ... }, { alpha2: 'CD', ... }] }
 * lookupCountry('Deutschland') // → { status: 'found', country: { alpha2: 'DE', alpha3: 'DEU', name: 'Germany' } }
 */
export function lookupCountry(input: unknown): CountryLookup {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0 || input > 999) return UNKNOWN;
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return UNKNOWN;
  }
  if (text.length === 0) return UNKNOWN;
  if (ALPHA.test(text)) {
    const upper = text.toUpperCase();
    const country = upper.length === 2 ? byAlpha2.get(upper) : byAlpha3.get(upper);
    if (country !== undefined) return { status: 'found', country };
  } else if (NUMERIC.test(text)) {
    const country = byNumeric.get(text.padStart(3, '0'));
    return country === undefined ? UNKNOWN : { status: 'found', country };
  }
  const key = normalizePlaceKey(text);
  if (key === null) return UNKNOWN;
  return resolveCodes(byName.get(key)) ?? resolveCodes(byCompactName.get(key.replace(/ /g, ''))) ?? UNKNOWN;
}

/**
 * Normalizes free text or a code to `{ alpha2, alpha3, name }`, or `null` when unknown or ambiguous
 * (a name such as "Congo" that maps to two countries is never guessed; see {@link lookupCountry}).
 *
 * @example
 * normalizeCountry('Allemagne') // → { alpha2: 'DE', alpha3: 'DEU', name: 'Germany' }
 * normalizeCountry('u.s.a.') // → { alpha2: 'US', alpha3: 'USA', name: 'United States of America' }
 * normalizeCountry(276) // → { alpha2: 'DE', ... }
 * normalizeCountry('Congo') // → null (ambiguous)
 */
export function normalizeCountry(input: unknown): Country | null {
  const result = lookupCountry(input);
  return result.status === 'found' ? result.country : null;
}

/**
 * Resolves to an alpha-2 code or `null` (same rules as {@link normalizeCountry}).
 *
 * @example
 * toAlpha2('Schweiz') // → 'CH'
 */
export function toAlpha2(input: unknown): Alpha2 | null {
  return normalizeCountry(input)?.alpha2 ?? null;
}

/** @internal Name keys that several countries share in the locale data (for tests and docs). */
export function ambiguousNameKeys(): string[] {
  return [...byName.entries()].filter(([, v]) => v.length > 1).map(([k]) => k);
}
