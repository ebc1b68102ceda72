/**
 * Postal-code validation and normalization per country, from Google's address metadata
 * (`data/postal-formats.ts`, CC BY 4.0).
 *
 * Everything is compiled once at module load: one anchored regex per country, separator templates
 * derived from the source's own examples (so `sw1a1aa` is written back as `SW1A 1AA` for GB), a
 * "shape" regex per country used to pre-filter candidates during inference, and one combined prefix
 * regex per country for the subdivision ranges (`sub_zips`).
 */
import { type Alpha2, normalizeCountry } from './country.js';
import { POSTAL_FORMATS, type PostalFormatData } from './data/postal-formats.js';

/** Longest raw postal-code input we look at; real codes are at most ~10 characters (IR, LB, US ZIP+4). */
export const MAX_POSTAL_INPUT_LENGTH = 32;

interface SeparatorTemplate {
  /** Positions in the compact code before which `separator` is inserted, ascending. */
  readonly positions: readonly number[];
  readonly separators: readonly string[];
}

/** A subdivision with its compiled postal-prefix regex. */
export interface CompiledSubdivision {
  readonly key: string;
  readonly name: string | undefined;
  readonly latinName: string | undefined;
  readonly isoCode: string | undefined;
  readonly zipPrefix: RegExp | undefined;
}

/** @internal A country's compiled postal format. */
export interface CompiledPostalFormat {
  readonly region: string;
  readonly regex: RegExp;
  readonly shape: RegExp;
  readonly templates: ReadonlyMap<number, readonly SeparatorTemplate[]>;
  readonly postPrefix: string | undefined;
  readonly examples: readonly string[];
  /** One regex matching any subdivision's prefix, or undefined when the source has none. */
  readonly anySubdivisionPrefix: RegExp | undefined;
  /** Whether the regex can accept a space or hyphen at all (else separator rewriting is pointless). */
  readonly acceptsSeparators: boolean;
}

const SEPARATOR_CHARS = /[ -]/g;

function templateOf(example: string): { length: number; template: SeparatorTemplate } {
  const positions: number[] = [];
  const separators: string[] = [];
  let length = 0;
  for (const ch of example) {
    if (ch === ' ' || ch === '-') {
      positions.push(length);
      separators.push(ch);
    } else {
      length++;
    }
  }
  return { length, template: { positions, separators } };
}

/**
 * Translates a postal regex into a regex over "shapes" (digit → `9`, letter → `A`, separators dropped).
 * Every code the original accepts has a shape the translation accepts (the translation only widens
 * character classes and drops separators), so the shape regex is a sound pre-filter.
 */
export function toShapeRegexSource(source: string): string {
  let out = '';
  let lastWasRemoved = false;
  let i = 0;
  const emit = (s: string) => {
    out += s;
    lastWasRemoved = false;
  };
  const classify = (chars: string): string | null => {
    const digit = /[0-9]|\\d/.test(chars);
    const letter = /[A-Za-z]/.test(chars.replace(/\\d/g, ''));
    if (digit && letter) return '[9A]';
    if (digit) return '9';
    if (letter) return 'A';
    return null; // only separators
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      i += 2;
      if (next === 'd') emit('9');
      else if (next === 'b') emit('\\b');
      else if (next === '-' || next === ' ') lastWasRemoved = true;
      else if (/[A-Za-z]/.test(next)) emit('A');
      else if (/[0-9]/.test(next)) emit('9');
      else emit(`\\${next}`);
    } else if (ch === '[') {
      let j = i + 1;
      let body = '';
      while (j < source.length && source[j] !== ']') {
        if (source[j] === '\\') {
          body += source.slice(j, j + 2);
          j += 2;
        } else {
          body += source[j];
          j++;
        }
      }
      i = j + 1;
      const cls = classify(body);
      if (cls === null) lastWasRemoved = true;
      else emit(cls);
    } else if (ch === '(') {
      if (source.startsWith('(?:', i)) i += 3;
      else i += 1;
      emit('(?:');
    } else if (ch === '?' || ch === '*' || ch === '+') {
      i++;
      if (!lastWasRemoved) emit(ch);
      lastWasRemoved = false;
    } else if (ch === '{') {
      const end = source.indexOf('}', i);
      const quantifier = source.slice(i, end + 1);
      i = end + 1;
      if (!lastWasRemoved) emit(quantifier);
      lastWasRemoved = false;
    } else if (ch === ' ' || ch === '-') {
      i++;
      lastWasRemoved = true;
    } else if (/[A-Za-z]/.test(ch)) {
      i++;
      emit('A');
    } else if (/[0-9]/.test(ch)) {
      i++;
      emit('9');
    } else {
      i++;
      emit(ch); // | ) ^ $
    }
  }
  return out;
}

function compile(region: string, data: PostalFormatData): CompiledPostalFormat | undefined {
  if (data.regex === undefined) return undefined;
  const templates = new Map<number, SeparatorTemplate[]>();
  const seen = new Set<string>();
  for (const example of data.examples ?? []) {
    const { length, template } = templateOf(example.toUpperCase());
    const id = `${length}:${template.positions.join(',')}:${template.separators.join('')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = templates.get(length) ?? [];
    list.push(template);
    templates.set(length, list);
  }
  const prefixes = (data.subdivisions ?? []).map((s) => s.zipPrefix).filter((p): p is string => p !== undefined);
  return {
    region,
    regex: new RegExp(`^(?:${data.regex})$`),
    shape: new RegExp(`^(?:${toShapeRegexSource(data.regex)})$`),
    templates,
    postPrefix: data.postPrefix?.replace(SEPARATOR_CHARS, '').toUpperCase(),
    examples: data.examples ?? [],
    anySubdivisionPrefix: prefixes.length > 0 ? new RegExp(`^(?:${prefixes.join('|')})`) : undefined,
    acceptsSeparators: /[ -]/.test(data.regex),
  };
}

const compiled = new Map<string, CompiledPostalFormat>();
const subdivisionsByRegion = new Map<string, readonly CompiledSubdivision[]>();
for (const [region, data] of Object.entries(POSTAL_FORMATS)) {
  const format = compile(region, data);
  if (format !== undefined) compiled.set(region, format);
  if (data.subdivisions !== undefined) {
    subdivisionsByRegion.set(
      region,
      data.subdivisions.map((s) => ({
        key: s.key,
        name: s.name,
        latinName: s.latinName,
        isoCode: s.isoCode,
        zipPrefix: s.zipPrefix === undefined ? undefined : new RegExp(`^(?:${s.zipPrefix})`),
      })),
    );
  }
}

/** @internal Compiled formats, for inference, tests and benchmarks. */
export const COMPILED_POSTAL_FORMATS: ReadonlyMap<string, CompiledPostalFormat> = compiled;
/** @internal Subdivisions per region. */
export const SUBDIVISIONS: ReadonlyMap<string, readonly CompiledSubdivision[]> = subdivisionsByRegion;

/** Region codes (alpha-2) that have a postal-code format, sorted. */
export const POSTAL_CODE_COUNTRIES: readonly Alpha2[] = Object.freeze([...compiled.keys()].sort());

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WHITESPACE = /[\s\u00a0\u2000-\u200b\u3000]+/g;
const ALLOWED = /^[A-Z0-9 -]+$/;

/**
 * @internal Cleans raw input: NFKC (full-width digits), uppercase, unify dashes, collapse whitespace.
 * Returns null for non-strings/non-integers, empty, over-long input or characters never used in codes.
 */
export function cleanPostalInput(code: unknown): string | null {
  let text: string;
  if (typeof code === 'string') text = code;
  else if (typeof code === 'number' && Number.isSafeInteger(code) && code >= 0) text = String(code);
  else return null;
  if (text.length === 0 || text.length > MAX_POSTAL_INPUT_LENGTH) return null;
  const cleaned = text.normalize('NFKC').toUpperCase().replace(DASHES, '-').replace(WHITESPACE, ' ').trim();
  if (cleaned.length === 0 || !ALLOWED.test(cleaned)) return null;
  return cleaned;
}

function insertSeparators(compact: string, template: SeparatorTemplate): string {
  const { positions, separators } = template;
  if (positions.length === 0) return compact;
  let out = '';
  let from = 0;
  for (let k = 0; k < positions.length; k++) {
    const at = positions[k]!;
    out += compact.slice(from, at) + separators[k]!;
    from = at;
  }
  return out + compact.slice(from);
}

function normalizeWithoutPrefix(cleaned: string, compact: string, format: CompiledPostalFormat): string | null {
  for (const template of format.templates.get(compact.length) ?? []) {
    const candidate = insertSeparators(compact, template);
    if (format.regex.test(candidate)) return candidate;
  }
  if (format.regex.test(cleaned)) return cleaned;
  if (cleaned !== compact && format.regex.test(compact)) return compact;
  if (!format.acceptsSeparators) return null;
  // Slow path for layouts the examples do not show (e.g. "LIMA4" → "LIMA 4"): one separator anywhere.
  for (let i = 1; i < compact.length; i++) {
    for (const separator of [' ', '-']) {
      const candidate = `${compact.slice(0, i)}${separator}${compact.slice(i)}`;
      if (format.regex.test(candidate)) return candidate;
    }
  }
  return null;
}

/** @internal Normalizes an already-cleaned code for one compiled format. */
export function normalizeCleaned(
  cleaned: string,
  format: CompiledPostalFormat,
  compact: string = cleaned.replace(SEPARATOR_CHARS, ''),
): string | null {
  if (compact.length === 0) return null;
  const direct = normalizeWithoutPrefix(cleaned, compact, format);
  if (direct !== null) return direct;
  // "CH-8001", "FL-9490", "LT-04340": the country's postal prefix written in front of the code.
  const prefix = format.postPrefix;
  if (prefix !== undefined && prefix.length > 0 && compact.startsWith(prefix) && compact.length > prefix.length) {
    const rest = cleaned.slice(cleaned.indexOf(prefix) + prefix.length).replace(/^[ -]+/, '');
    const restCompact = compact.slice(prefix.length);
    if (rest.length > 0) return normalizeWithoutPrefix(rest, restCompact, format);
  }
  return null;
}

function formatFor(country: unknown): CompiledPostalFormat | undefined {
  if (typeof country === 'string') {
    const upper = country.trim().toUpperCase();
    // Region codes the address data has but ISO 3166-1 does not (AC, TA).
    const direct = upper.length === 2 ? compiled.get(upper) : undefined;
    if (direct !== undefined) return direct;
  }
  const alpha2 = normalizeCountry(country)?.alpha2;
  return alpha2 === undefined ? undefined : compiled.get(alpha2);
}

/**
 * Normalizes a postal code to the country's canonical written form, or returns `null` when it is not a
 * valid code for that country (or the country is unknown or has no postal codes).
 *
 * Case, spacing, dash variants and the country's postal prefix (`CH-`, `FL-`, `LT-`, ...) are forgiven;
 * separators are put back where the country writes them. `country` is anything `normalizeCountry`
 * accepts. Numbers are accepted as codes (leading zeros a database dropped cannot be restored).
 *
 * @example
 * normalizePostalCode('sw1a1aa', 'GB') // → 'SW1A 1AA'
 * normalizePostalCode('k1a0b1', 'Canada') // → 'K1A 0B1'
 * normalizePostalCode('1234ab', 'NL') // → '1234 AB'
 * normalizePostalCode('22162-1010', 'US') // → '22162-1010' (ZIP+4 kept)
 * normalizePostalCode('ABCDE', 'DE') // → null
 */
export function normalizePostalCode(code: unknown, country: unknown): string | null {
  const format = formatFor(country);
  if (format === undefined) return null;
  const cleaned = cleanPostalInput(code);
  return cleaned === null ? null : normalizeCleaned(cleaned, format);
}

/**
 * True when `code` is a valid postal code for `country` after the normalization of
 * {@link normalizePostalCode} (so `isValidPostalCode(x, c) === (normalizePostalCode(x, c) !== null)`).
 *
 * @example
 * isValidPostalCode('10115', 'DE') // → true
 * isValidPostalCode('1011', 'Deutschland') // → false
 */
export function isValidPostalCode(code: unknown, country: unknown): boolean {
  return normalizePostalCode(code, country) !== null;
}

// ---- Shape index -----------------------------------------------------------------------------------

const MAX_SHAPE_CACHE = 4096;
const shapeCache = new Map<string, readonly CompiledPostalFormat[]>();
const allFormats = [...compiled.values()];

/** @internal The shape of a compact code: digit → 9, letter → A. */
export function shapeOf(compact: string): string {
  return compact.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A');
}

function formatsForShape(shape: string): readonly CompiledPostalFormat[] {
  let formats = shapeCache.get(shape);
  if (formats === undefined) {
    formats = allFormats.filter((f) => f.shape.test(shape));
    // The shape alphabet is tiny, so real traffic has few distinct shapes; the bound only stops
    // adversarial input from growing the map without limit.
    if (shapeCache.size >= MAX_SHAPE_CACHE) shapeCache.clear();
    shapeCache.set(shape, formats);
  }
  return formats;
}
// Pre-warm with the shapes of every example so common lookups never scan.
for (const format of allFormats) {
  for (const example of format.examples) formatsForShape(shapeOf(example.toUpperCase().replace(SEPARATOR_CHARS, '')));
}

/** A country whose format accepts a code, with the code as that country writes it. */
export interface PostalMatch {
  country: Alpha2;
  normalized: string;
}

/**
 * @internal How the code as written fits a country: `example` = same letters/digits/separator layout as
 * one of the source's examples; `accepted` = the regex accepts it as written; `rewritten` = it only fits
 * after moving, adding or dropping separators. A separator a person typed is evidence (`123-4567` is
 * Japanese, `12-345` Polish), so inference weighs these tiers when the input has separators.
 */
export function layoutTier(cleaned: string, format: CompiledPostalFormat): 'example' | 'accepted' | 'rewritten' {
  if (!format.regex.test(cleaned)) return 'rewritten';
  const compact = cleaned.replace(SEPARATOR_CHARS, '');
  for (const template of format.templates.get(compact.length) ?? []) {
    if (insertSeparators(compact, template) === cleaned) return 'example';
  }
  return 'accepted';
}

const MAX_MATCH_CACHE = 8192;
const matchCache = new Map<string, readonly PostalMatch[]>();

/**
 * @internal Matches for an already-cleaned code, memoized in a bounded map: real postal-code columns are
 * heavily repetitive (a few thousand codes cover most rows), and the result depends on the code alone.
 * The returned array and its entries are frozen; callers must not mutate them.
 */
export function matchCleaned(cleaned: string): readonly PostalMatch[] {
  let matches = matchCache.get(cleaned);
  if (matches === undefined) {
    matches = Object.freeze(matchUncached(cleaned).map((m) => Object.freeze(m)));
    if (matchCache.size >= MAX_MATCH_CACHE) matchCache.clear();
    matchCache.set(cleaned, matches);
  }
  return matches;
}

/** @internal Uncached matching (shape index + confirmation), exported for the benchmark. */
export function matchUncached(cleaned: string): PostalMatch[] {
  const compact = cleaned.includes(' ') || cleaned.includes('-') ? cleaned.replace(SEPARATOR_CHARS, '') : cleaned;
  if (compact.length === 0) return [];
  const matches: PostalMatch[] = [];
  for (const format of formatsForShape(shapeOf(compact))) {
    const normalized = normalizeCleaned(cleaned, format, compact);
    if (normalized !== null) matches.push({ country: format.region, normalized });
  }
  return matches;
}

/**
 * Every country whose postal format accepts `code`, with the code in that country's canonical form.
 * Uses the precomputed shape index (a code's digit/letter pattern → the countries that can accept it), then
 * confirms with each candidate's own regex. Note that the postal prefix (`CH-8001`) is not considered
 * here; it names the country, pass it as a hint instead.
 *
 * @example
 * findPostalCodeCountries('SW1A 1AA') // → [{ country: 'GB', normalized: 'SW1A 1AA' }]
 * findPostalCodeCountries('10115').length // → about 50 (five digits fit many countries)
 */
export function findPostalCodeCountries(code: unknown): PostalMatch[] {
  const cleaned = cleanPostalInput(code);
  return cleaned === null ? [] : matchCleaned(cleaned).map((m) => ({ ...m }));
}
