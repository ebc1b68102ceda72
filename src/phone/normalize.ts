import * as z from 'zod/mini';
import { toAlpha2 } from '../geo/country.js';
import { LruCache } from '../shared/lru.js';
import { checkOptions, nonNegativeInteger } from '../shared/options.js';
import { judge, type Reading, readDigits } from './parse.js';
import { isPhoneRegion, type Plan, planOfRegion } from './tables.js';
import { readPhoneText } from './text.js';

/**
 * The result of {@link normalizePhone}.
 *
 * - `e164`: `+`, calling code, national significant number, as libphonenumber-js parses it. For a valid
 *   number this is its ITU-T E.164 form (at most 15 digits). For an invalid one it is only the parsed
 *   digits in that shape (`+15550123`, `+33123`): **not a dialable E.164 number**; check `valid` before
 *   storing it as one.
 * - `valid`: libphonenumber-js `isValid()` with its full ("max") metadata: the number is in an allocated
 *   range of some number type of its region, not just of a plausible length.
 * - `country`: ISO 3166-1 alpha-2 region the number itself belongs to, resolved from its leading digits
 *   (area code) by the metadata (`+1 212` → `US`, `+1 416` → `CA`, `+44 7624` → `IM`, `+7 701` → `KZ`).
 *   Set only when the number is valid and exactly one region accepts it; `null` when it is invalid, belongs
 *   to no region (`+800`), or is valid in several regions at once (see `possibleCountries`).
 * - `callingCode`: the country calling code without `+` (`'1'`, `'44'`, `'800'`); known for invalid numbers.
 * - `international`: true when the input carried its calling code (`+`, an exit code such as `00`/`011`, a
 *   number written with its region's own calling code, or a bare number read as international); false when
 *   it was read as a national number of `defaultCountry`, so that its region came from the default.
 * - `possibleCountries`: present when the number is valid in more than one region of its calling code (NANP
 *   toll-free `+1 800`, ...), in metadata order.
 * - `extension`: the extension digits (`x123`, `ext. 45`, `;ext=6`), never part of `e164`.
 * - `type`: libphonenumber's number type (`MOBILE`, `FIXED_LINE`, `FIXED_LINE_OR_MOBILE`, `TOLL_FREE`, ...)
 *   when valid.
 *
 * @example
 * const phone: NormalizedPhone | null = normalizePhone('+44 20 7946 0958');
 * phone?.country; // 'GB'
 */
export interface NormalizedPhone {
  e164: string;
  country: string | null;
  valid: boolean;
  callingCode: string;
  international: boolean;
  possibleCountries?: string[];
  extension?: string;
  type?: string;
}

/**
 * Options of {@link normalizePhone}.
 *
 * @example
 * const options: NormalizePhoneOptions = { defaultCountry: 'Germany' };
 * normalizePhone('030 901820', options)?.e164; // '+4930901820'
 */
export interface NormalizePhoneOptions {
  /**
   * Region for numbers written nationally: the record's own country when known. ISO alpha-2, alpha-3 or a
   * name (resolved by `toAlpha2` of cdc-enrich/geo). It often comes from data, so a value that does not
   * resolve to a region with a numbering plan is ignored rather than thrown on.
   */
  defaultCountry?: unknown;
}

/**
 * Longest input looked at: E.164 numbers have at most 15 digits; with formatting and an extension real
 * inputs stay well under 64 characters, so 256 leaves room and caps the work on junk.
 *
 * @example
 * normalizePhone(`+1${'2'.repeat(MAX_PHONE_INPUT_LENGTH)}`); // null, not even looked at
 */
export const MAX_PHONE_INPUT_LENGTH = 256;

/** C0/C1 control characters but tab: no phone number contains them. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

/** Largest integer read as a phone number: 15 digits, the E.164 maximum (ITU-T E.164 §6.1). */
const MAX_NUMERIC_PHONE = 999_999_999_999_999n;

/** The text to read, or null: strings (trimmed, capped), and positive integers as their digits. */
function toText(raw: unknown): string | null {
  if (typeof raw === 'string') {
    if (raw.length > MAX_PHONE_INPUT_LENGTH) return null;
    const text = raw.trim();
    return text.length === 0 || CONTROL.test(text) ? null : text;
  }
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw > 0 ? String(raw) : null;
  if (typeof raw === 'bigint') return raw > 0n && raw <= MAX_NUMERIC_PHONE ? String(raw) : null;
  return null;
}

/**
 * The numbering plan of `defaultCountry`, or undefined when it does not resolve. Exact region codes
 * (`'DE'`) are looked up directly; anything else (`'de'`, `'DEU'`, `'Germany'`) goes through `toAlpha2`.
 */
function defaultRegionOf(value: unknown): Plan | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && isPhoneRegion(value)) return planOfRegion(value);
  const alpha2 = toAlpha2(value);
  return alpha2 !== null && isPhoneRegion(alpha2) ? planOfRegion(alpha2) : undefined;
}

/** The public result of a reading. */
function resultOf(reading: Reading, extension: string | undefined, international: boolean): NormalizedPhone {
  const verdict = judge(reading);
  const result: NormalizedPhone = {
    e164: `+${reading.callingCode}${reading.nationalNumber}`,
    country: null,
    valid: verdict.valid,
    callingCode: reading.callingCode,
    international,
  };
  if (verdict.valid) {
    if (verdict.type !== undefined) result.type = verdict.type;
    // libphonenumber names the first matching region; for numbers valid in several regions at once that
    // pick is arbitrary, so we report them all and name none.
    if (verdict.validRegions.length > 1) result.possibleCountries = [...verdict.validRegions];
    else if (reading.country !== undefined) result.country = reading.country;
  }
  if (extension) result.extension = extension;
  return result;
}

/** ITU-T E.164 §6.1: an international number has at most 15 digits. */
const MAX_E164_DIGITS = 15;

/**
 * libphonenumber-js's reading of the digits, as a result; null beyond 15 digits (the library accepts
 * national numbers of up to 17 digits and calls some such numbers valid, `+49 30 1234567890123`, but no
 * E.164 number is that long).
 */
function read(digits: string, region: Plan | undefined, extension: string | undefined): NormalizedPhone | null {
  const reading = readDigits(digits, region);
  if (reading === null || reading.callingCode.length + reading.nationalNumber.length > MAX_E164_DIGITS) return null;
  return resultOf(reading, extension, reading.source !== null);
}

/** `00` (ITU-T E.164 recommended international prefix) or `011` (NANP) then a calling code's first digit. */
function afterCommonExitCode(digits: string): string | undefined {
  const length = digits.startsWith('011') ? 3 : digits.startsWith('00') ? 2 : 0;
  if (length === 0) return undefined;
  const next = digits.charCodeAt(length);
  return next >= 49 && next <= 57 ? digits.slice(length) : undefined;
}

/**
 * A number that may have lost its `+` (a JSON number, or text of digits only): the international reading
 * wins when it is valid and either the national reading is not valid or the digits start with the default
 * region's own calling code. Without a default region only a valid international reading is returned.
 */
function readBare(digits: string, region: Plan | undefined): NormalizedPhone | null {
  const international = read(`+${digits}`, undefined, undefined);
  const internationalIsValid = international?.valid === true;
  if (region === undefined) return internationalIsValid ? international : null;
  if (internationalIsValid && digits.startsWith(region.callingCode)) return international;
  const national = read(digits, region, undefined);
  return internationalIsValid && !national?.valid ? international : national;
}

/**
 * Text that is not bare digits: libphonenumber-js's reading, except that a leading `00`/`011` is read as
 * `+` without a default region, and with one when the default region's own reading is not valid but the
 * international one is (`0049 30 901820` in a US record).
 */
function readText(text: string, region: Plan | undefined): NormalizedPhone | null {
  const phoneText = readPhoneText(text);
  if (phoneText === undefined) return null;
  const { digits, extension } = phoneText;
  if (phoneText.bare) return readBare(digits, region);
  if (digits.charCodeAt(0) === 43 /* + */) return read(digits, undefined, extension);
  const afterExitCode = afterCommonExitCode(digits);
  if (region === undefined) return afterExitCode === undefined ? null : read(`+${afterExitCode}`, undefined, extension);
  const national = read(digits, region, extension);
  if (afterExitCode !== undefined && !national?.valid) {
    const international = read(`+${afterExitCode}`, undefined, extension);
    if (international?.valid) return international;
  }
  return national;
}

/**
 * Normalizes a phone number written in any common way to E.164, with its region, validity and type.
 *
 * Decided by tables compiled from libphonenumber-js's `max` metadata (see docs/phone.md), with the same
 * answers as `parsePhoneNumberFromString` of libphonenumber-js (differential tests), plus these rules:
 * - `00` and `011` exit codes are read as `+` without a default region; with one, the region's own exit
 *   code applies (`0011` in AU, `810` in RU, ...) and a `00`/`011` number that is not valid that way is read
 *   as international when that is valid.
 * - A bare number (a JSON number, or text of digits only, not starting with 0) may have lost its `+`: it is
 *   read as international when that reading is valid and the national one is not, or the digits start with
 *   the default region's own calling code (`4915112345678` with `DE` → `+49 151 12345678`, a mobile).
 * - `country` is the number's own region, only for valid numbers (see {@link NormalizedPhone}).
 *
 * Returns `null` for anything that is not a phone number (non-strings other than positive integers, empty
 * or whitespace, control characters, over {@link MAX_PHONE_INPUT_LENGTH} characters, text without a
 * readable number). Never throws on data.
 *
 * @example
 * normalizePhone('(212) 555-0100 x12', { defaultCountry: 'US' });
 * // { e164: '+12125550100', country: 'US', valid: true, callingCode: '1', international: false,
 * //   type: 'FIXED_LINE_OR_MOBILE', extension: '12' }
 * normalizePhone('+1 800 555 0199');
 * // { e164: '+18005550199', country: null, valid: true, callingCode: '1', international: true,
 * //   type: 'TOLL_FREE', possibleCountries: ['US', 'AG', 'AI', ...] }
 * normalizePhone(4915112345678, { defaultCountry: 'DEU' })?.e164; // '+4915112345678'
 */
export function normalizePhone(raw: unknown, options?: NormalizePhoneOptions): NormalizedPhone | null {
  const text = toText(raw);
  return text === null ? null : readText(text, defaultRegionOf(options?.defaultCountry));
}

/**
 * Options of {@link createPhoneNormalizer}.
 *
 * @example
 * const options: PhoneNormalizerOptions = { cacheSize: 50_000 };
 * createPhoneNormalizer(options);
 */
export interface PhoneNormalizerOptions {
  /**
   * Maximum number of distinct (input, default region) pairs kept, least recently used evicted first.
   * Default 10 000 entries (a few MB at most). 0 disables the cache.
   */
  cacheSize?: number;
}

/** The one schema of {@link createPhoneNormalizer}'s options, built on its first parse (src/shared/options.ts). */
const phoneNormalizerOptions = z.lazy(() => z.strictObject({ cacheSize: z.optional(nonNegativeInteger()) }));

/** A result shared through the cache: frozen, so no caller can change what the next one gets. */
function frozen(result: NormalizedPhone | null): NormalizedPhone | null {
  if (result !== null) {
    Object.freeze(result);
    if (result.possibleCountries) Object.freeze(result.possibleCountries);
  }
  return result;
}

/**
 * A {@link normalizePhone} with a bounded LRU cache: a CDC stream repeats a user's phone on every UPDATE,
 * and a hit costs a `Map` lookup. Results are frozen. Output is identical to {@link normalizePhone}
 * (differential test). Unknown or misspelled options throw a `TypeError` naming the option.
 *
 * @example
 * const normalize = createPhoneNormalizer({ cacheSize: 50_000 });
 * normalize('+49 30 901820')?.e164; // '+4930901820'
 */
export function createPhoneNormalizer(
  options?: PhoneNormalizerOptions,
): (raw: unknown, options?: NormalizePhoneOptions) => NormalizedPhone | null {
  const { cacheSize = 10_000 } = checkOptions('createPhoneNormalizer', phoneNormalizerOptions, options);
  const cache = new LruCache<string, NormalizedPhone | null>(cacheSize);
  return (raw, opts) => {
    const text = toText(raw);
    if (text === null) return null;
    const region = defaultRegionOf(opts?.defaultCountry);
    const key = region === undefined ? text : `${region.region}\u0000${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const result = frozen(readText(text, region));
    cache.set(key, result);
    return result;
  };
}
