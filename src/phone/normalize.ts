import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { LruCache } from '../shared/lru.js';
import {
  mayStripNationalPrefix,
  numberTypeInRegion,
  regionForNationalNumber,
  regionsForCallingCode,
  validRegions,
} from './regions.js';

/**
 * The result of {@link normalizePhone}.
 *
 * - `e164`: `+` then country calling code then national significant number, at most 15 digits (ITU-T E.164).
 *   Never contains an extension.
 * - `country`: ISO 3166-1 alpha-2 region, or `null` when the number is valid in several regions at once
 *   (see `possibleCountries`) or belongs to no region (non-geographic codes such as +800).
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

/** Already-E.164 text: '+', a non-zero digit, then digits only (E.164 allows 15 digits; 17 leaves room). */
const STRICT_E164 = /^\+[1-9]\d{5,16}$/;

/**
 * The fast path for input that is already E.164 (most CDC sources store it that way): resolve the
 * calling code, region and type straight from the compiled metadata patterns, skipping
 * libphonenumber's generic parser. Returns `undefined` whenever it cannot be certain of giving
 * exactly what libphonenumber gives (invalid numbers, a possible national prefix, several regions),
 * and the caller falls back to the library. Equality is checked by a differential property test.
 */
function fastE164(text: string): NormalizedPhone | undefined {
  if (!STRICT_E164.test(text)) return undefined;
  for (let len = 1; len <= 3; len++) {
    const callingCode = text.slice(1, 1 + len);
    if (regionsForCallingCode(callingCode).length === 0) continue;
    const national = text.slice(1 + len);
    if (mayStripNationalPrefix(callingCode, national)) return undefined;
    const region = regionForNationalNumber(callingCode, national);
    if (region === undefined || region === '001') return undefined;
    const type = numberTypeInRegion(national, region);
    if (type === undefined) return undefined;
    if (regionsForCallingCode(callingCode).length > 1 && validRegions(callingCode, national).length > 1)
      return undefined;
    return { e164: text, country: region, valid: true, callingCode, type };
  }
  return undefined;
}

function parseText(text: string, region: string | undefined): NormalizedPhone | null {
  const fast = fastE164(text);
  if (fast !== undefined) return fast;
  // Without a default region, libphonenumber cannot know which exit code a leading 00/011 is,
  // so read both as '+' (00 is the ITU-recommended international prefix, 011 the NANP one).
  const input = region === undefined ? text.replace(IDD_PREFIX, '+') : text;
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed =
      region === undefined ? parsePhoneNumberFromString(input) : parsePhoneNumberFromString(input, region as never);
  } catch {
    return null;
  }
  if (parsed === undefined) return null;
  const valid = parsed.isValid();
  const callingCode = parsed.countryCallingCode as string;
  const result: NormalizedPhone = {
    e164: parsed.number as string,
    country: (parsed.country as string | undefined) ?? null,
    valid,
    callingCode,
  };
  if (valid) {
    const type = parsed.getType();
    if (type !== undefined) result.type = type;
    if (regionsForCallingCode(callingCode).length > 1) {
      const regions = validRegions(callingCode, parsed.nationalNumber as string);
      if (regions.length > 1) {
        result.country = null;
        result.possibleCountries = regions;
      }
    }
  }
  if (parsed.ext) result.extension = parsed.ext as string;
  return result;
}

/**
 * Normalizes a phone number written in any common way to E.164, with its region and validity.
 *
 * Accepts spaces, dashes, dots, parentheses, `+`, `00` and `011` international prefixes, and extensions
 * (`x123`, `ext. 123`, `#123`, kept in `extension`). Numbers (JS `number`/`bigint`, e.g. from a numeric column that lost its `+`) are read as a national number of `defaultCountry` when valid there, else as international digits.
 * Returns `null` for anything that is not a phone number (non-strings, empty, control characters,
 * inputs over {@link MAX_PHONE_INPUT_LENGTH} characters, text libphonenumber cannot read).
 * Never throws on data.
 *
 * @example
 * normalizePhone('(212) 555-0100 x12', { defaultCountry: 'US' });
 * // { e164: '+12125550100', country: 'US', valid: true, callingCode: '1', type: 'FIXED_LINE_OR_MOBILE', extension: '12' }
 * normalizePhone('+1 800 555 0199');
 * // { e164: '+18005550199', country: null, valid: true, possibleCountries: ['AG', 'AI', ...], ... }
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
