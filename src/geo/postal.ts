/**
 * Postal-code validation and normalization per country, from Google's address metadata
 * (the data file `data/geo/postal-formats.br`, CC BY 4.0), and the candidate matching that inference builds on.
 *
 * Nothing is compiled at import: the formats are parsed and compiled on first use, once. Per country:
 * - the written regex, anchored (`^(?:zip)$`), which defines the canonical form;
 * - the compact regex: the same language with separators (spaces, hyphens) removed, tested on the code
 *   without separators. People and systems add and drop spaces freely, so `sw1a1aa` and `SW1A 1AA` are
 *   the same code (and infer alike);
 * - the shape regex over digit → `9`, letter → `A`, used to find candidates: a code's shape selects the
 *   formats that can accept it (cached per shape). A format is *exact* when its compact regex uses only
 *   whole classes (`\d`, `[A-Z]`, `[\dA-Z]`): then every code of an accepted shape is valid, with no regex
 *   to run. The others are checked all at once by one probe regex per shape (see {@link shapeEntry});
 * - separator templates from the source's own examples (`SW1A 1AA`, `100-0001`), to write codes back;
 * - the subdivisions' postal-prefix regexes (`sub_zips`), as state evidence.
 */

import { readDataText } from '../shared/data-files.js';
import { createSeededRandom } from '../shared/random.js';
import { type Alpha2, toAlpha2 } from './country.js';
import { POSTAL_CODE_REGIONS } from './data/postal-formats.generated.js';

/** Longest raw postal-code input we look at; real codes are at most ~10 characters (IR, LB, US ZIP+4). */
export const MAX_POSTAL_INPUT_LENGTH = 32;

/** One subdivision of Google's data (state, province, prefecture...). */
interface SubdivisionData {
  /** The key postal addresses use (e.g. "CA" for California, "東京都" for Tokyo). */
  readonly key: string;
  readonly name?: string;
  readonly latinName?: string;
  /** ISO 3166-2 subdivision code without the country prefix. */
  readonly isoCode?: string;
  /** Unanchored regex of postal-code prefixes used in this subdivision. */
  readonly zipPrefix?: string;
}

/** Postal data of one region (shape of the data file `data/geo/postal-formats.br`). `regex` is absent without postal codes. */
interface PostalFormatData {
  readonly regex?: string;
  readonly examples?: readonly string[];
  readonly postPrefix?: string;
  readonly subdivisions?: readonly SubdivisionData[];
}

interface SeparatorTemplate {
  /** Positions in the compact code before which `separators[k]` is inserted, ascending. */
  readonly positions: readonly number[];
  readonly separators: readonly string[];
}

/** @internal A country's compiled postal format. */
export interface CompiledPostalFormat {
  readonly region: Alpha2;
  /** Anchored written regex (with separators), as the source has it. */
  readonly regex: RegExp;
  /** Source of the compact regex (separators removed, groups non-capturing), unanchored. */
  readonly compactSource: string;
  /** Anchored compact regex. */
  readonly compact: RegExp;
  /** Anchored shape regex (digit → 9, letter → A). */
  readonly shape: RegExp;
  /** Whether every code of a shape the shape regex accepts is valid (no literal or partial class). */
  readonly exact: boolean;
  readonly templates: ReadonlyMap<number, readonly SeparatorTemplate[]>;
  /** Postal prefix written before the code (`CH-`), compact and uppercase, or undefined. */
  readonly postPrefix: string | undefined;
  readonly examples: readonly string[];
  /** Compact source of "the code is in some subdivision's postal range", or undefined without ranges. */
  readonly rangeSource: string | undefined;
  /** Subdivision postal-prefix regexes (anchored at the start, on the compact code) by ISO suffix or key. */
  readonly subdivisionRanges: ReadonlyMap<string, RegExp>;
  /** Whether the written regex can accept a space or hyphen at all. */
  readonly acceptsSeparators: boolean;
}

// ---- regex translation --------------------------------------------------------------------------------

type Translation = 'compact' | 'shape';

function classifyClass(body: string): { kind: 'digit' | 'letter' | 'alnum' | 'separator'; whole: boolean } {
  const withoutSeparators = body.replace(/\\-| |\\ |-$|^-/g, '');
  const digit = /[0-9]|\\d/.test(withoutSeparators);
  const letter = /[A-Za-z]/.test(withoutSeparators.replace(/\\d/g, ''));
  if (!digit && !letter) return { kind: 'separator', whole: true };
  const normalized = withoutSeparators.replace(/0-9/g, '\\d');
  if (digit && letter) return { kind: 'alnum', whole: normalized === '\\dA-Z' || normalized === 'A-Z\\d' };
  if (digit) return { kind: 'digit', whole: normalized === '\\d' };
  return { kind: 'letter', whole: normalized === 'A-Z' };
}

const SHAPE_OF_CLASS = { digit: '9', letter: 'A', alnum: '[9A]' } as const;

/**
 * Translates a postal regex (Google's dialect: literals, classes, groups, `?`, `{n,m}`, alternation) into
 * its compact form (separators and their quantifiers removed, capturing groups made non-capturing) or its
 * shape form (additionally: digit classes → `9`, letter classes → `A`, literals → their shape). Both keep
 * the language up to separators (compact) or widen it only (shape), so the shape regex is a sound
 * pre-filter. `exact` is false as soon as a literal character, a partial class or an assertion appears.
 */
export function translatePostalRegex(source: string, mode: Translation): { source: string; exact: boolean } {
  let out = '';
  let exact = true;
  let lastWasRemoved = false;
  let i = 0;
  const emit = (s: string) => {
    out += s;
    lastWasRemoved = false;
  };
  const literal = (ch: string) => {
    exact = false;
    if (mode === 'compact') emit(ch);
    else emit(/[0-9]/.test(ch) ? '9' : 'A');
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      i += 2;
      if (next === 'd') emit(mode === 'compact' ? '\\d' : '9');
      else if (next === '-' || next === ' ') lastWasRemoved = true;
      else if (/[A-Za-z0-9]/.test(next) && next !== 'b') literal(next);
      else {
        exact = false; // \b or an escaped symbol
        emit(`\\${next}`);
      }
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
      const { kind, whole } = classifyClass(body);
      if (kind === 'separator') {
        lastWasRemoved = true;
        continue;
      }
      if (!whole) exact = false;
      emit(mode === 'compact' ? `[${body.replace(/\\-| |\\ /g, '')}]` : SHAPE_OF_CLASS[kind]);
    } else if (ch === '(') {
      i += source.startsWith('(?:', i) ? 3 : 1;
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
    } else if (/[A-Za-z0-9]/.test(ch)) {
      i++;
      literal(ch);
    } else {
      i++;
      if (ch === '^' || ch === '$') exact = false;
      emit(ch); // | ) ^ $
    }
  }
  return { source: out, exact };
}

/** Shape form of a postal regex (kept as its own export for the tests of the translation). */
export function toShapeRegexSource(source: string): string {
  return translatePostalRegex(source, 'shape').source;
}

// ---- compiled formats (lazy) ---------------------------------------------------------------------------

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

function compileTemplates(examples: readonly string[]): Map<number, SeparatorTemplate[]> {
  const templates = new Map<number, SeparatorTemplate[]>();
  const seen = new Set<string>();
  for (const example of examples) {
    const { length, template } = templateOf(example.toUpperCase());
    const id = `${length}:${template.positions.join(',')}:${template.separators.join('')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = templates.get(length) ?? [];
    list.push(template);
    templates.set(length, list);
  }
  return templates;
}

function compile(region: string, data: PostalFormatData): CompiledPostalFormat | undefined {
  if (data.regex === undefined) return undefined;
  const compact = translatePostalRegex(data.regex, 'compact');
  const shape = translatePostalRegex(data.regex, 'shape');
  const subdivisionRanges = new Map<string, RegExp>();
  const ranges: string[] = [];
  for (const s of data.subdivisions ?? []) {
    if (s.zipPrefix === undefined) continue;
    const prefix = translatePostalRegex(s.zipPrefix, 'compact').source;
    ranges.push(prefix);
    subdivisionRanges.set(s.isoCode ?? s.key, new RegExp(`^(?:${prefix})`));
  }
  return {
    region,
    regex: new RegExp(`^(?:${data.regex})$`),
    compactSource: compact.source,
    compact: new RegExp(`^(?:${compact.source})$`),
    shape: new RegExp(`^(?:${shape.source})$`),
    exact: compact.exact,
    templates: compileTemplates(data.examples ?? []),
    postPrefix: data.postPrefix?.replace(SEPARATOR_CHARS, '').toUpperCase() || undefined,
    examples: data.examples ?? [],
    rangeSource: ranges.length > 0 ? ranges.join('|') : undefined,
    subdivisionRanges,
    acceptsSeparators: /[ -]/.test(data.regex),
  };
}

interface PostalData {
  readonly formats: ReadonlyMap<string, CompiledPostalFormat>;
  readonly list: readonly CompiledPostalFormat[];
  /** Formats with a postal prefix (`CH-8001`), tried when a code starts with it. */
  readonly prefixed: readonly CompiledPostalFormat[];
}
let postalData: PostalData | undefined;

function data(): PostalData {
  if (postalData !== undefined) return postalData;
  const raw = JSON.parse(readDataText('geo/postal-formats.br')) as Record<string, PostalFormatData>;
  const formats = new Map<string, CompiledPostalFormat>();
  for (const [region, record] of Object.entries(raw)) {
    const format = compile(region, record);
    if (format !== undefined) formats.set(region, format);
  }
  const list = [...formats.values()];
  postalData = { formats, list, prefixed: list.filter((f) => f.postPrefix !== undefined) };
  return postalData;
}

/** @internal Compiled formats by region, for inference, tests and benchmarks (compiled on first call). */
export function compiledPostalFormats(): ReadonlyMap<string, CompiledPostalFormat> {
  return data().formats;
}

/** Region codes (alpha-2, plus AC and TA) that have a postal-code format, sorted. */
export const POSTAL_CODE_COUNTRIES: readonly Alpha2[] = Object.freeze([...POSTAL_CODE_REGIONS]);

// ---- cleaning and normalization -------------------------------------------------------------------------

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WHITESPACE = /[\s\u00a0\u2000-\u200b\u3000]+/g;
const ALLOWED = /^[A-Z0-9 -]+$/;

/** Cleans printable ASCII without NFKC or regexes: uppercase, runs of spaces collapsed, trimmed. */
function cleanAscii(text: string): string | null | undefined {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      pendingSpace = true;
      continue;
    }
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    else if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return undefined;
    if (pendingSpace && out.length > 0) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(c);
  }
  return out.length === 0 ? null : out;
}

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
  const ascii = cleanAscii(text);
  if (ascii !== undefined) return ascii;
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

function writtenForm(cleaned: string, compact: string, format: CompiledPostalFormat): string | null {
  for (const template of format.templates.get(compact.length) ?? []) {
    const candidate = insertSeparators(compact, template);
    if (format.regex.test(candidate)) return candidate;
  }
  if (format.regex.test(cleaned)) return cleaned;
  if (cleaned !== compact && format.regex.test(compact)) return compact;
  if (!format.acceptsSeparators) return null;
  // Layouts the examples do not show (e.g. "LIMA4" → "LIMA 4"): one separator anywhere.
  for (let i = 1; i < compact.length; i++) {
    for (const separator of [' ', '-']) {
      const candidate = `${compact.slice(0, i)}${separator}${compact.slice(i)}`;
      if (format.regex.test(candidate)) return candidate;
    }
  }
  return null;
}

/** Removes a format's postal prefix (`CH-8001` → `8001`), or returns undefined when it has none. */
function withoutPostPrefix(cleaned: string, compact: string, prefix: string | undefined) {
  if (prefix === undefined || !compact.startsWith(prefix) || compact.length === prefix.length) return undefined;
  let at = 0;
  for (let seen = 0; seen < prefix.length; at++) if (cleaned[at] !== ' ' && cleaned[at] !== '-') seen++;
  return { cleaned: cleaned.slice(at).replace(/^[ -]+/, ''), compact: compact.slice(prefix.length) };
}

/** @internal The canonical written form of an already-cleaned code for one format, or null if invalid. */
export function normalizeCleaned(
  cleaned: string,
  format: CompiledPostalFormat,
  compact: string = cleaned.replace(SEPARATOR_CHARS, ''),
): string | null {
  if (compact.length === 0) return null;
  if (format.compact.test(compact)) return writtenForm(cleaned, compact, format);
  // "CH-8001", "FL-9490", "LT-04340": the country's postal prefix written in front of the code.
  const rest = withoutPostPrefix(cleaned, compact, format.postPrefix);
  if (rest !== undefined && format.compact.test(rest.compact)) return writtenForm(rest.cleaned, rest.compact, format);
  return null;
}

function formatFor(country: unknown): CompiledPostalFormat | undefined {
  const formats = data().formats;
  if (typeof country === 'string') {
    // Region codes the address data has but ISO 3166-1 does not (AC, TA).
    const upper = country.trim().toUpperCase();
    const direct = upper.length === 2 ? formats.get(upper) : undefined;
    if (direct !== undefined) return direct;
  }
  const alpha2 = toAlpha2(country);
  return alpha2 === null ? undefined : formats.get(alpha2);
}

/**
 * Normalizes a postal code to the country's canonical written form, or returns `null` when it is not a
 * valid code for that country (or the country is unknown or has no postal codes).
 *
 * Case, spacing, dash variants and the country's postal prefix (`CH-`, `FL-`, `LT-`, ...) are forgiven;
 * separators are put back where the country writes them. `country` is anything `toAlpha2` accepts.
 * Numbers are accepted as codes (leading zeros a database dropped cannot be restored).
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

// ---- candidate matching ---------------------------------------------------------------------------------

/** @internal The shape of a compact code (digit → 9, letter → A) and its compact form, in one pass. */
export function shapeOf(compact: string): string {
  let shape = '';
  for (let i = 0; i < compact.length; i++) {
    const c = compact.charCodeAt(i);
    shape += c <= 0x39 ? '9' : 'A';
  }
  return shape;
}

/**
 * Everything about one shape and one first character, computed on its first code and kept (real traffic
 * has a few dozen shapes; with the first character, a few hundred entries). `probe` is one regex of
 * optional lookaheads, `(?=(T1)$|)(?=(T2)$|)...(?=(R1)|)...`, whose capture groups tell in one `exec`
 * which non-exact formats accept the code (T) and which formats have it in a subdivision's postal range
 * (R). Only the formats and range branches that can start with the code's first character are in it (a
 * code starting with 1 never meets Monaco's `980\d{2}` or the 9xxxx ranges of the US), which keeps it
 * short; irregexp runs each lookahead once, anchored, and each sub-pattern is bounded, so it stays linear.
 */
export interface ShapeEntry {
  readonly shape: string;
  /** Formats that accept every code of this shape. */
  readonly exact: readonly CompiledPostalFormat[];
  /** Formats whose probe group decides (non-exact formats, and prefixed variants such as `CH` + 4 digits). */
  readonly tested: readonly CompiledPostalFormat[];
  /** Formats whose subdivision-range group the probe carries. */
  readonly ranged: readonly CompiledPostalFormat[];
  /** Formats with subdivision ranges that apply to this shape (in `ranged`, or out of range for sure). */
  readonly rangeApplies: ReadonlySet<CompiledPostalFormat>;
  readonly probe: RegExp | null;
  /**
   * Specificity per tested format: 1 / the share of codes of this shape its format accepts (sampled once),
   * capped at {@link MAX_SPECIFICITY}. A narrow format (GB's letter rules) that accepts a code says more
   * than a format that accepts every code of the shape (Ireland's `[\dA-Z]{3} ?[\dA-Z]{4}`, `\d{5}`).
   */
  readonly specificity: ReadonlyMap<CompiledPostalFormat, number>;
}

/** What a shape has regardless of the first character. */
interface ShapeFormats {
  readonly exact: readonly CompiledPostalFormat[];
  /** Non-exact formats with the source their probe group tests (prefixed variants included). */
  readonly tested: readonly (readonly [CompiledPostalFormat, string])[];
  readonly rangeApplies: ReadonlySet<CompiledPostalFormat>;
  readonly specificity: ReadonlyMap<CompiledPostalFormat, number>;
}

const MAX_ENTRIES = 4096;
const shapeFormats = new Map<string, ShapeFormats>();
const entries = new Map<string, ShapeEntry>();

const SPECIFICITY_SAMPLES = 256;
/**
 * At most this factor for a narrow format. Uncapped, "1 / share" is the likelihood ratio under a uniform
 * prior over countries, which overrates small territories whose narrow ranges overlap big countries' codes
 * (Bahrain's `1[0-2]\d{2}` blocks would outrank Vienna's 1010, Puerto Rico's 009xx Warsaw's 00-950); the
 * cap keeps a narrow match telling (GB over IE for `SW1A1AA`: x4) without letting it decide alone.
 */
export const MAX_SPECIFICITY = 10;
const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function sampleAcceptance(test: RegExp, shape: string): number {
  // A seeded PRNG: the same specificity figures in every process.
  const next = createSeededRandom(shape.length * 7919 + shape.split('A').length);
  let accepted = 0;
  for (let n = 0; n < SPECIFICITY_SAMPLES; n++) {
    let code = '';
    for (const ch of shape) {
      const alphabet = ch === '9' ? DIGITS : LETTERS;
      code += alphabet[Math.floor(next() * alphabet.length)];
    }
    if (test.test(code)) accepted++;
  }
  return Math.max(accepted, 1) / SPECIFICITY_SAMPLES;
}

function prefixedSource(format: CompiledPostalFormat): string {
  return `${format.postPrefix!}(?:${format.compactSource})`;
}

function buildShapeFormats(shape: string): ShapeFormats {
  const { list, prefixed } = data();
  const exact: CompiledPostalFormat[] = [];
  const tested: [CompiledPostalFormat, string][] = [];
  for (const format of list) {
    if (!format.shape.test(shape)) continue;
    if (format.exact) exact.push(format);
    else tested.push([format, format.compactSource]);
  }
  for (const format of prefixed) {
    const prefixShape = shapeOf(format.postPrefix!);
    if (!shape.startsWith(prefixShape) || !format.shape.test(shape.slice(prefixShape.length))) continue;
    tested.push([format, prefixedSource(format)]);
  }
  const rangeApplies = new Set(list.filter((f) => f.rangeSource !== undefined && f.shape.test(shape)));
  const specificity = new Map<CompiledPostalFormat, number>();
  for (const [format, source] of tested) {
    const share = sampleAcceptance(new RegExp(`^(?:${source})$`), shape);
    specificity.set(format, Math.min(MAX_SPECIFICITY, Math.max(specificity.get(format) ?? 1, 1 / share)));
  }
  return { exact, tested, rangeApplies, specificity };
}

function buildEntry(shape: string, first: string): ShapeEntry {
  let formats = shapeFormats.get(shape);
  if (formats === undefined) {
    formats = buildShapeFormats(shape);
    shapeFormats.set(shape, formats);
  }
  const tested: CompiledPostalFormat[] = [];
  const groups: string[] = [];
  for (const [format, source] of formats.tested) {
    if (!mayStartWith(source, first)) continue;
    tested.push(format);
    groups.push(`(?=((?:${source}))$|)`);
  }
  const ranged: CompiledPostalFormat[] = [];
  for (const format of formats.rangeApplies) {
    const branches = splitAlternatives(format.rangeSource!).filter((branch) => mayStartWith(branch, first));
    if (branches.length === 0) continue; // no range of this format starts with `first`: out of range
    ranged.push(format);
    groups.push(`(?=((?:${branches.join('|')}))|)`);
  }
  return {
    shape,
    exact: formats.exact,
    tested,
    ranged,
    rangeApplies: formats.rangeApplies,
    probe: groups.length === 0 ? null : new RegExp(`^${groups.join('')}`),
    specificity: formats.specificity,
  };
}

/** @internal The entry of a compact code's shape and first character (built on first use, bounded). */
export function codeEntry(compact: string): ShapeEntry {
  const shape = shapeOf(compact);
  const key = `${compact[0]}${shape}`;
  let entry = entries.get(key);
  if (entry === undefined) {
    entry = buildEntry(shape, compact[0]!);
    if (entries.size >= MAX_ENTRIES) {
      entries.clear();
      shapeFormats.clear();
    }
    entries.set(key, entry);
  }
  return entry;
}

// ---- first-character analysis of the (Google-dialect) postal regexes ----------------------------------

/** Index of the `)` closing the group opened at `open`. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return source.length;
}

/** @internal The top-level alternatives of a regex source. */
export function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const firstCharCache = new Map<string, ReadonlySet<string> | null>();

/**
 * @internal The characters a match of `source` can start with, or null when this analysis cannot tell
 * (an optional or zero-width first atom, an escape other than `\d`): then every character is possible.
 * Sound by construction: it reads only the first atom of each alternative, recursing into groups.
 */
export function firstCharacters(source: string): ReadonlySet<string> | null {
  const cached = firstCharCache.get(source);
  if (cached !== undefined) return cached;
  let result: Set<string> | null = new Set();
  for (const branch of splitAlternatives(source)) {
    const chars = firstCharsOfBranch(branch);
    if (chars === null) {
      result = null;
      break;
    }
    for (const c of chars) result.add(c);
  }
  firstCharCache.set(source, result);
  return result;
}

function closingClass(branch: string): number {
  for (let i = 1; i < branch.length; i++) {
    if (branch[i] === '\\') i++;
    else if (branch[i] === ']') return i;
  }
  return branch.length;
}

function firstCharsOfBranch(branch: string): ReadonlySet<string> | null {
  const ch = branch[0];
  let chars: ReadonlySet<string> | null;
  let end: number;
  if (ch === undefined) return null; // an empty alternative matches the empty string
  if (ch === '(') {
    end = closingParen(branch, 0) + 1;
    const inner = branch.slice(branch.startsWith('(?:') ? 3 : 1, end - 1);
    if (inner.startsWith('?')) return null; // a lookaround
    chars = firstCharacters(inner);
  } else if (ch === '[') {
    end = closingClass(branch) + 1;
    const cls = new RegExp(`^${branch.slice(0, end)}$`);
    chars = new Set([...CODE_ALPHABET].filter((c) => cls.test(c)));
  } else if (ch === '\\') {
    if (branch[1] !== 'd') return null;
    chars = new Set(DIGITS);
    end = 2;
  } else if (/[0-9A-Z]/.test(ch)) {
    chars = new Set([ch]);
    end = 1;
  } else return null; // ^, $ or another assertion
  const quantifier = branch[end];
  if (quantifier === '?' || quantifier === '*' || branch.startsWith('{0', end)) return null;
  return chars;
}

function mayStartWith(source: string, first: string): boolean {
  const chars = firstCharacters(source);
  return chars === null || chars.has(first);
}

/** The probe's verdict for one code. */
export interface PostalProbe {
  readonly compact: string;
  readonly entry: ShapeEntry;
  /** The probe's match: group `i + 1` is set when `entry.tested[i]` accepts the code, group
   * `tested.length + j + 1` when the code is in a subdivision range of `entry.ranged[j]`. */
  readonly groups: RegExpExecArray | null;
  /**
   * The verdict bits, as one number while there are at most 52 of them (exact in a double), else as a
   * string: with the shape, they determine everything inference derives from the code alone.
   */
  readonly signature: number | string;
}

/** @internal Runs the shape's probe on a compact code. */
export function probePostalCode(compact: string): PostalProbe {
  const entry = codeEntry(compact);
  if (entry.probe === null) return { compact, entry, groups: null, signature: 0 };
  const groups = entry.probe.exec(compact)!;
  const count = groups.length - 1;
  let signature: number | string;
  if (count <= 52) {
    let bits = 0;
    for (let i = 1; i <= count; i++) bits = bits * 2 + (groups[i] === undefined ? 0 : 1);
    signature = bits;
  } else {
    signature = '';
    for (let i = 1; i <= count; i++) signature += groups[i] === undefined ? '0' : '1';
  }
  return { compact, entry, groups, signature };
}

/** @internal Whether `probe.entry.tested[i]` accepts the code. */
export function testedAccepts(probe: PostalProbe, i: number): boolean {
  return probe.groups !== null && probe.groups[i + 1] !== undefined;
}

/** @internal Whether the code is in a subdivision range of `probe.entry.ranged[j]`. */
export function inSubdivisionRange(probe: PostalProbe, j: number): boolean {
  return probe.groups !== null && probe.groups[probe.entry.tested.length + j + 1] !== undefined;
}

/** @internal The formats that accept a probed code (deduplicated, data order). */
export function acceptingFormats(probe: PostalProbe): CompiledPostalFormat[] {
  const out = [...probe.entry.exact];
  probe.entry.tested.forEach((format, i) => {
    if (testedAccepts(probe, i) && !out.includes(format)) out.push(format);
  });
  return out;
}

/** A country whose format accepts a code, with the code as that country writes it. */
export interface PostalMatch {
  country: Alpha2;
  normalized: string;
}

/**
 * @internal How the hyphens of a code as written fit a country: `example` = same hyphen layout as one of
 * the source's examples; `accepted` = the written regex accepts the hyphens where they are; `rewritten` =
 * it only fits after moving or dropping them. A hyphen is typed on purpose, and several countries are
 * told apart by it (`00-950` is Polish, `100-0001` Japanese, `1250-096` Portuguese), so inference weighs
 * these tiers. Spaces are not layout evidence (systems add and drop them: `sw1a1aa` = `SW1A 1AA`).
 */
export function hyphenTier(written: string, format: CompiledPostalFormat): 'example' | 'accepted' | 'rewritten' {
  let hyphenated = written;
  let compact = written.replace(SEPARATOR_CHARS, '');
  if (!format.compact.test(compact)) {
    // Accepted through its postal prefix ("CH-8001"): the prefix's hyphen says nothing about the code.
    const rest = withoutPostPrefix(written, compact, format.postPrefix);
    if (rest !== undefined) ({ cleaned: hyphenated, compact } = rest);
  }
  const positions = hyphenPositions(hyphenated);
  for (const template of format.templates.get(compact.length) ?? []) {
    const own = template.positions.filter((_, k) => template.separators[k] === '-').join(',');
    if (own === positions) return 'example';
  }
  return format.regex.test(hyphenated.replace(/ /g, '')) ? 'accepted' : 'rewritten';
}

/** @internal Positions (in the compact code) before which the written code has a hyphen, comma-joined. */
export function hyphenPositions(cleaned: string): string {
  const out: number[] = [];
  let length = 0;
  for (const ch of cleaned) {
    if (ch === '-') {
      if (out.at(-1) !== length) out.push(length);
    } else if (ch !== ' ') length++;
  }
  return out.join(',');
}

/**
 * Every country whose postal format accepts `code`, with the code in that country's canonical form.
 * Spaces are ignored; a country's postal prefix (`CH-8001`) is accepted for that country.
 *
 * @example
 * findPostalCodeCountries('SW1A 1AA') // → [{ country: 'GB', normalized: 'SW1A 1AA' }]
 * findPostalCodeCountries('10115').length // → about 60 (five digits fit many countries)
 */
export function findPostalCodeCountries(code: unknown): PostalMatch[] {
  const cleaned = cleanPostalInput(code);
  if (cleaned === null) return [];
  const compact = cleaned.replace(SEPARATOR_CHARS, '');
  if (compact.length === 0) return [];
  const matches: PostalMatch[] = [];
  for (const format of acceptingFormats(probePostalCode(compact))) {
    const normalized = normalizeCleaned(cleaned, format, compact);
    if (normalized !== null) matches.push({ country: format.region, normalized });
  }
  return matches;
}

/** @internal The compact form of a cleaned code (separators removed). */
export function compactOf(cleaned: string): string {
  return cleaned.includes(' ') || cleaned.includes('-') ? cleaned.replace(SEPARATOR_CHARS, '') : cleaned;
}
