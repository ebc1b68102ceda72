/**
 * Country normalization: free text or ISO 3166-1 codes → `{ alpha2, alpha3, name }` (contract C2:
 * {@link toAlpha2} is the one resolver for every country input of the package).
 *
 * Two tables, so that codes stay cheap:
 * - the ISO 3166-1 code table (`data/countries.generated.ts`, ~6 kB, read at import): alpha-2, alpha-3 and
 *   numeric codes resolve with one `Map.get`, without touching any name data;
 * - the name table (`data/geo/country-names.br`, a data file of the package): every name of every country in every CLDR locale
 *   (766 locales, short and variant forms), the ISO 3166-1 English names and the i18n-iso-countries names,
 *   read on the first lookup of a name, then one key normalization and a binary search. The
 *   curated aliases of `data/country-aliases.ts` (official long forms, colloquial and historic names,
 *   explicit ambiguities) override it.
 */
import { COUNTRIES_TEXT } from './data/countries.generated.js';
import { COUNTRY_ALIASES } from './data/country-aliases.js';
import { normalizePlaceKey } from './key.js';
import { PackedTable } from './packed.js';

/** Uppercase ISO 3166-1 alpha-2 code (plus `XK`, Kosovo's user-assigned code, as CLDR has it). */
export type Alpha2 = string;

/** A normalized country. */
export interface Country {
  /** ISO 3166-1 alpha-2, uppercase. */
  alpha2: Alpha2;
  /** ISO 3166-1 alpha-3, uppercase (`XKK` for Kosovo, as CLDR has it). */
  alpha3: string;
  /** English short name (CLDR locale "en"). */
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

const byAlpha2 = new Map<string, Country>();
const byAlpha3 = new Map<string, Country>();
const byNumeric = new Map<string, Country>();
const foundResult = new Map<string, CountryLookup>();

function readCodeTable(): void {
  for (const line of COUNTRIES_TEXT.split('\n')) {
    const [alpha2, alpha3, numeric, name] = line.split('|') as [string, string, string, string];
    const country: Country = Object.freeze({ alpha2, alpha3, name });
    byAlpha2.set(alpha2, country);
    byAlpha3.set(alpha3, country);
    byNumeric.set(numeric, country);
    foundResult.set(alpha2, Object.freeze({ status: 'found', country }));
  }
}
readCodeTable();

/** Every alpha-2 code the package knows (ISO 3166-1 plus XK), sorted. */
export const ALL_ALPHA2: readonly Alpha2[] = Object.freeze([...byAlpha2.keys()].sort());

/** The key of the name table: the shared place key without spaces ("New Zealand" = "NewZealand"). */
export function countryNameKey(text: unknown): string | null {
  const key = normalizePlaceKey(text);
  return key === null ? null : key.includes(' ') ? key.replace(/ /g, '') : key;
}

interface NameIndex {
  readonly names: PackedTable;
  /** Curated aliases by key; they win over the name table. */
  readonly aliases: ReadonlyMap<string, readonly string[]>;
}
let nameIndex: NameIndex | undefined;

/** Decodes the name table and the aliases on first use (~30 ms once; codes never need it). */
function names(): NameIndex {
  if (nameIndex !== undefined) return nameIndex;
  const aliases = new Map<string, readonly string[]>();
  for (const [alias, codes] of Object.entries(COUNTRY_ALIASES)) {
    const key = countryNameKey(alias);
    const valid = codes.filter((c) => byAlpha2.has(c));
    if (key !== null && valid.length > 0) aliases.set(key, valid);
  }
  nameIndex = { names: PackedTable.fromDataFile('geo/country-names.br'), aliases };
  return nameIndex;
}

const ALPHA = /^[A-Za-z]{2,3}$/;
const NUMERIC = /^\d{1,3}$/;
const UNKNOWN: CountryLookup = Object.freeze({ status: 'unknown' });

function resolveCodes(codes: readonly string[]): CountryLookup {
  if (codes.length === 1) return foundResult.get(codes[0]!) ?? UNKNOWN;
  const candidates = codes.map((c) => byAlpha2.get(c)).filter((c): c is Country => c !== undefined);
  if (candidates.length === 1) return foundResult.get(candidates[0]!.alpha2)!;
  return candidates.length === 0 ? UNKNOWN : { status: 'ambiguous', candidates };
}

function lookupName(text: string): CountryLookup {
  const key = countryNameKey(text);
  if (key === null) return UNKNOWN;
  const index = names();
  const alias = index.aliases.get(key);
  if (alias !== undefined) return resolveCodes(alias);
  const value = index.names.get(key);
  return value === undefined ? UNKNOWN : resolveCodes(value.split(','));
}

/**
 * Looks a country up and reports ambiguity explicitly.
 *
 * Accepts alpha-2 / alpha-3 codes (any case), numeric codes (string or integer, with or without leading
 * zeros), and names in every CLDR locale (short and variant forms), ISO 3166-1 English names, and the
 * curated aliases (official long forms such as "Federal Republic of Germany", colloquial ones such as
 * "EE.UU."). Matching ignores case, accents, punctuation and spaces. Never throws.
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
    if (country !== undefined) return foundResult.get(country.alpha2)!;
  } else if (NUMERIC.test(text)) {
    const country = byNumeric.get(text.padStart(3, '0'));
    return country === undefined ? UNKNOWN : foundResult.get(country.alpha2)!;
  }
  return lookupName(text);
}

/**
 * Normalizes free text or a code to `{ alpha2, alpha3, name }`, or `null` when unknown or ambiguous
 * (a name such as "Congo" that maps to two countries is never guessed; see {@link lookupCountry}).
 *
 * @example
 * normalizeCountry('Allemagne') // → { alpha2: 'DE', alpha3: 'DEU', name: 'Germany' }
 * normalizeCountry('u.s.a.') // → { alpha2: 'US', alpha3: 'USA', name: 'United States' }
 * normalizeCountry(276) // → { alpha2: 'DE', ... }
 * normalizeCountry('Congo') // → null (ambiguous)
 */
export function normalizeCountry(input: unknown): Country | null {
  const result = lookupCountry(input);
  return result.status === 'found' ? result.country : null;
}

/**
 * Resolves to an alpha-2 code or `null` (same rules as {@link normalizeCountry}). This is the one
 * resolver for every country input of the package (options and data alike).
 *
 * @example
 * toAlpha2('Schweiz') // → 'CH'
 * toAlpha2('DEU') // → 'DE'
 * toAlpha2('Corea del Sur') // → 'KR'
 */
export function toAlpha2(input: unknown): Alpha2 | null {
  return normalizeCountry(input)?.alpha2 ?? null;
}

/** @internal Whether the name table has been decoded (tests: codes must not decode it). */
export function isNameIndexLoaded(): boolean {
  return nameIndex !== undefined;
}

/** @internal Name keys that several countries share (for tests and docs). */
export function ambiguousNameKeys(): string[] {
  const out: string[] = [];
  for (const [key, codes] of names().names.entries()) {
    const alias = names().aliases.get(key);
    if ((alias ?? codes.split(',')).length > 1) out.push(key);
  }
  for (const [key, codes] of names().aliases) if (codes.length > 1 && !out.includes(key)) out.push(key);
  return out;
}
