import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { LruCache } from '../shared/lru.js';
import {
  mayStripNationalPrefix,
  numberTypeInRegion,
  regionsForCallingCode,
  resolveRegion,
  validRegions,
} from './regions.js';

/**
 * The result of {@link normalizePhone}.
 *
 * - `e164`: `+` then country calling code then national significant number, at most 15 digits (ITU-T E.164).
 *   Never contains an extension.
 * - `country`: ISO 3166-1 alpha-2 region, set only when the number is valid in exactly one region per the
 *   metadata. `null` when it is valid in several regions at once (see `possibleCountries`), belongs to no
 *   region (non-geographic codes such as +800), or is not valid (then only `callingCode` is known).
 * - `callingCode`: the ITU-T E.164 country calling code, without `+` (`'1'`, `'44'`, `'800'`).
 * - `valid`: libphonenumber-js `isValid()` with its full ("max") metadata: the number matches a number
 *   range of its region, not just a plausible length.
 * - `possibleCountries`: present when the calling code is shared and the number is valid in more than one
 *   of its regions (NANP toll-free numbers, ...).
 */
export interface NormalizedPhone {
  e164: string;
  country: string | null;
  valid: boolean;
  callingCode: string;
  possibleCountries?: string[];
  extension?: string;
  /** libphonenumber's number type (`MOBILE`, `FIXED_LINE`, `TOLL_FREE`, ...) when the number is valid. */
  type?: string;
}

/** Options of {@link normalizePhone}. */
export interface NormalizePhoneOptions {
  /**
   * Region used to read numbers written without an international prefix. Pass the record's own country
   * when it is known. It often comes from data, so a value that is not a supported ISO alpha-2 region is
   * ignored rather than thrown on.
   */
  defaultCountry?: string | null | undefined;
}

/**
 * Longest input we hand to libphonenumber. E.164 numbers have at most 15 digits; with formatting and an
 * extension real inputs stay well under 64 characters, so 256 leaves room and caps the work on junk.
 */
export const MAX_PHONE_INPUT_LENGTH = 256;

/** Characters that cannot appear in any phone number we should read (C0/C1 controls but tab). */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

/** Leading international call prefixes: `00` (ITU-T E.164 recommended IDD) and `011` (the NANP exit code). */
const IDD_PREFIX = /^(?:00|011)[ .-]?(?=[1-9])/;

/**
 * The text to parse, or null. Numeric inputs (a phone stored in a number column has lost its '+')
 * are returned as `+digits` and flagged by a leading `#` so {@link parse} can try them both ways.
 */
function toText(raw: unknown): string | null {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw <= 0) return null;
    return `#${raw}`;
  } else if (typeof raw === 'bigint') {
    if (raw <= 0n || raw > 999_999_999_999_999n) return null;
    return `#${raw}`;
  } else return null;
  if (text.length > MAX_PHONE_INPUT_LENGTH) return null;
  text = text.trim();
  if (text.length === 0 || CONTROL.test(text)) return null;
  return text;
}

function toRegion(country: unknown): string | undefined {
  if (typeof country !== 'string' || country.length !== 2) return undefined;
  const upper = country.toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
}

function parse(text: string, region: string | undefined): NormalizedPhone | null {
  if (text.charCodeAt(0) === 35 /* '#': numeric input */) {
    const digits = text.slice(1);
    // With a known region, read the digits as a national number first; when that is not a valid
    // number, or without a region, read them as an international number that lost its '+'.
    const national = region === undefined ? null : parseText(digits, region);
    if (national?.valid) return national;
    const international = parseText(`+${digits}`, undefined);
    return international?.valid || national === null ? international : national;
  }
  return parseText(text, region);
}

/** Longest text the fast path looks at: 17 digits (libphonenumber's cap) plus generous formatting. */
const FAST_PATH_MAX_LENGTH = 40;

/**
 * The digits of international text from `start` on, when the rest is only digits and common formatting
 * (space, `-`, `.`, `(`, `)`), 6 to 17 digits (libphonenumber's longest national number) and not starting
 * with 0 (no calling code does). Otherwise `undefined`: letters, extensions, `/` and the like go to the
 * library. A character loop, not a regex, because this runs on every uncached input. Internal (exported for
 * the differential tests, not from the package).
 *
 * @example
 * internationalDigits('+1 (212) 555-0100', 1); // '12125550100'
 */
export function internationalDigits(text: string, start: number): string | undefined {
  if (text.length > FAST_PATH_MAX_LENGTH) return undefined;
  let digits = '';
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits.length === 0 && c === 48) return undefined;
      digits += text[i];
    } else if (c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41) return undefined;
  }
  return digits.length >= 6 && digits.length <= 17 ? digits : undefined;
}

/**
 * The fast path for international input (`+` then digits, maybe formatted; most CDC sources store
 * E.164): resolve the calling code, region and type straight from the precomputed metadata tables
 * (src/phone/regions.ts), skipping libphonenumber's generic parser, which recompiles its patterns on
 * every call. Returns `undefined` whenever it cannot be certain of giving exactly what libphonenumber
 * gives (invalid numbers, a possible national prefix, non-geographic codes), and the caller falls back to
 * the library. Equality is checked by differential property tests against plain libphonenumber-js.
 * Internal (exported for those tests, not from the package).
 *
 * @example
 * fastInternational('4930901820'); // { e164: '+4930901820', country: 'DE', valid: true, callingCode: '49', type: 'FIXED_LINE' }
 */
export function fastInternational(digits: string): NormalizedPhone | undefined {
  // libphonenumber's extractCountryCallingCode: the first 1-3 digit prefix that is a known calling code.
  for (let len = 1; len <= 3; len++) {
    const callingCode = digits.slice(0, len);
    const regions = regionsForCallingCode(callingCode);
    if (regions.length === 0) continue;
    const national = digits.slice(len);
    if (mayStripNationalPrefix(callingCode, national)) return undefined;
    const resolved = resolveRegion(callingCode, national);
    if (resolved === undefined || resolved.region === '001') return undefined;
    const type = resolved.type ?? numberTypeInRegion(national, resolved.region);
    if (type === undefined) return undefined;
    const result: NormalizedPhone = { e164: `+${digits}`, country: resolved.region, valid: true, callingCode, type };
    if (regions.length > 1) shareAmongRegions(result, national, resolved.region);
    return result;
  }
  return undefined;
}

/**
 * For a valid number of a shared calling code: when it is valid in several regions, report them all and
 * leave `country` null (libphonenumber would name the first, an arbitrary pick for NANP toll-free).
 */
function shareAmongRegions(result: NormalizedPhone, national: string, validIn: string): void {
  const regions = validRegions(result.callingCode, national, validIn);
  if (regions.length > 1) {
    result.country = null;
    result.possibleCountries = regions;
  }
}

type LibPhoneNumber = NonNullable<ReturnType<typeof parsePhoneNumberFromString>>;

function parseWithLibrary(text: string, region: string | undefined): LibPhoneNumber | undefined {
  try {
    return region === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region as never);
  } catch {
    // libphonenumber-js does not throw on data as far as we know; this keeps normalizePhone total regardless.
    return undefined;
  }
}

function parseText(text: string, region: string | undefined): NormalizedPhone | null {
  const idd = text.charCodeAt(0) === 43 /* '+' */ ? null : IDD_PREFIX.exec(text);
  // '+' makes libphonenumber ignore the default region, so the fast path is exact with or without one.
  // A 00/011 prefix is read as '+' only without a default region (see below).
  if (text.charCodeAt(0) === 43 || (idd !== null && region === undefined)) {
    const digits = internationalDigits(text, idd === null ? 1 : idd[0].length);
    const fast = digits === undefined ? undefined : fastInternational(digits);
    if (fast !== undefined) return fast;
  }
  let parsed: LibPhoneNumber | undefined;
  if (region === undefined) {
    // Without a default region, libphonenumber cannot know which exit code a leading 00/011 is,
    // so read both as '+' (00 is the ITU-T E.164 recommended international prefix, 011 the NANP one).
    parsed = parseWithLibrary(idd === null ? text : `+${text.slice(idd[0].length)}`, undefined);
  } else {
    // With a default region libphonenumber applies that region's own exit code (011 in NANP, 00 in most
    // of the world, 0011 in AU). When that reading is not a valid number but the text starts with 00/011,
    // the international reading wins if it is valid ('0049 30 901820' in a US record is a German number).
    const national = parseWithLibrary(text, region);
    const result = national === undefined ? null : fromLibrary(national);
    if (idd !== null && !result?.valid) {
      const international = parseText(`+${text.slice(idd[0].length)}`, undefined);
      if (international?.valid) return international;
    }
    return result;
  }
  if (parsed === undefined) return null;
  return fromLibrary(parsed);
}

function fromLibrary(parsed: LibPhoneNumber): NormalizedPhone {
  const callingCode = parsed.countryCallingCode as string;
  const libCountry = parsed.country as string | undefined;
  const nationalNumber = parsed.nationalNumber as string;
  // libphonenumber's isValid() and getType() each rerun getNumberType, recompiling every pattern of the
  // region; with a region known, our precompiled mirror of getNumberType gives the same answer (checked by
  // the differential tests) at a fraction of the cost. Without one (non-geographic codes, or a shared code
  // no region claims), ask the library.
  let type: string | undefined;
  let valid: boolean;
  if (libCountry !== undefined) {
    type = numberTypeInRegion(nationalNumber, libCountry);
    valid = type !== undefined;
  } else {
    valid = parsed.isValid();
    type = valid ? parsed.getType() : undefined;
  }
  // A country only for valid numbers: an invalid number is in no region's number ranges, so naming
  // one (libphonenumber names the calling code's region) would be a guess. `callingCode` stays.
  const country = valid ? (libCountry ?? null) : null;
  const result: NormalizedPhone = { e164: parsed.number as string, country, valid, callingCode };
  if (valid) {
    if (type !== undefined) result.type = type;
    if (country !== null && regionsForCallingCode(callingCode).length > 1) {
      shareAmongRegions(result, nationalNumber, country);
    }
  }
  if (parsed.ext) result.extension = parsed.ext as string;
  return result;
}

/**
 * Normalizes a phone number written in any common way to E.164, with its region and validity.
 *
 * Accepts spaces, dashes, dots, parentheses, `+`, `00` and `011` international prefixes, and extensions
 * (`x123`, `ext. 123`, `#123`, kept in `extension`, never in `e164`). Pass the record's own country as
 * `defaultCountry` for numbers written nationally. With a default region, libphonenumber applies that
 * region's exit code; a `00`/`011` number that is not valid that way is read as international when that is
 * valid. Without one, a leading `00` or `011` is read as `+`.
 * Numbers (JS `number`/`bigint`, e.g. from a numeric column that lost its `+`) are read as a national number
 * of `defaultCountry` when valid there, else as international digits.
 * `country` is set only for a number valid in exactly one region (see {@link NormalizedPhone}).
 * Returns `null` for anything that is not a phone number (non-strings, empty, control characters,
 * inputs over {@link MAX_PHONE_INPUT_LENGTH} characters, text libphonenumber cannot read).
 * Never throws on data.
 *
 * @example
 * normalizePhone('(212) 555-0100 x12', { defaultCountry: 'US' });
 * // { e164: '+12125550100', country: 'US', valid: true, callingCode: '1', type: 'FIXED_LINE_OR_MOBILE', extension: '12' }
 * normalizePhone('+1 800 555 0199');
 * // { e164: '+18005550199', country: null, valid: true, callingCode: '1', type: 'TOLL_FREE',
 * //   possibleCountries: ['US', 'AG', 'AI', ...] }
 */
export function normalizePhone(raw: unknown, options?: NormalizePhoneOptions): NormalizedPhone | null {
  const text = toText(raw);
  if (text === null) return null;
  return parse(text, toRegion(options?.defaultCountry));
}

/** Options of {@link createPhoneNormalizer}. */
export interface PhoneNormalizerOptions {
  /**
   * Maximum number of distinct (input, default country) pairs kept, least recently used evicted first.
   * Default 10 000 entries (a few MB at most). 0 disables the cache.
   */
  cacheSize?: number;
}

/**
 * A {@link normalizePhone} with a bounded LRU cache in front of libphonenumber-js.
 *
 * A CDC stream repeats the same phone strings (every UPDATE of a user carries its phone again), and a
 * cache hit costs a Map lookup instead of a ~9 µs parse. Results are frozen, so callers cannot corrupt
 * cached entries. Output is identical to {@link normalizePhone} (checked by a differential property test).
 *
 * @example
 * const normalize = createPhoneNormalizer({ cacheSize: 50_000 });
 * normalize('+49 30 901820')?.e164; // '+4930901820'
 */
export function createPhoneNormalizer(
  options: PhoneNormalizerOptions = {},
): (raw: unknown, options?: NormalizePhoneOptions) => NormalizedPhone | null {
  const cacheSize = options.cacheSize ?? 10_000;
  if (!Number.isInteger(cacheSize) || cacheSize < 0) {
    throw new TypeError('createPhoneNormalizer: cacheSize must be a non-negative integer');
  }
  const cache = new LruCache<string, NormalizedPhone | 0>(cacheSize);
  return (raw, opts) => {
    const text = toText(raw);
    if (text === null) return null;
    const region = toRegion(opts?.defaultCountry);
    const key = region === undefined ? text : `${region}\u0000${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit === 0 ? null : hit;
    const result = parse(text, region);
    if (result !== null) {
      Object.freeze(result);
      if (result.possibleCountries) Object.freeze(result.possibleCountries);
    }
    cache.set(key, result ?? 0);
    return result;
  };
}
