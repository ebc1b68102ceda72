/**
 * What normalizePhone must return, computed from plain libphonenumber-js only (none of our tables,
 * automata or regexes): the library's parse, `isValid()`, `getType()`, extension and calling-code source,
 * with the honest country derived from the library's own per-region validation
 * (`new PhoneNumber(region, nationalNumber).isValid()`).
 *
 * Our deliberate differences from the library are spelled out here, each one rule:
 * 1. E.164 cap: a parse with more than 15 digits is null (the library accepts national numbers of up to 17
 *    digits and calls `+49 30 1234567890123` valid; ITU-T E.164 §6.1 allows 15).
 * 2. Country: set only when the number is valid in exactly one region; several → `possibleCountries`.
 * 3. Exit codes `00`/`011`: without a default region read as `+`; with one, used when the region's own
 *    reading is not valid and the international one is.
 * 4. Bare numbers (JSON numbers, text of ASCII digits not starting with 0): the international reading wins
 *    when valid and the national one is not, or the digits start with the default region's calling code;
 *    without a default region only a valid international reading counts.
 * 5. RFC 3966 phone-context: the library's two global regexes keep `lastIndex` between calls, so its answer
 *    alternates; inputs with `;phone-context=` are compared in their own test, not here.
 */
import { PhoneNumber } from 'libphonenumber-js/core';
import { getCountryCallingCode, parseIncompletePhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import type { NormalizedPhone } from '../../src/phone/index.js';
import { libraryInternal } from './library-internals.js';

const regionsByCode = (maxMetadata as unknown as { country_calling_codes: Record<string, string[]> })
  .country_calling_codes;

// The core build's PhoneNumber takes the metadata as a third argument; its typings omit it.
const CorePhoneNumber = PhoneNumber as unknown as new (
  region: string,
  nationalNumber: string,
  metadata: unknown,
) => { isValid(): boolean };

/** Regions of `callingCode` in which libphonenumber-js itself says the national number is valid. */
export function libraryValidRegions(callingCode: string, nationalNumber: string): string[] {
  return (regionsByCode[callingCode] ?? []).filter((region) =>
    new CorePhoneNumber(region, nationalNumber, maxMetadata).isValid(),
  );
}

/** The library's parse of `text` with `region`, as a NormalizedPhone (rules 1 and 2 applied). */
export function expectedFromLibrary(text: string, region?: string): NormalizedPhone | null {
  const lib =
    region === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region as never);
  if (lib === undefined) return null;
  if ((lib.number as string).length - 1 > 15) return null;
  const valid = lib.isValid();
  const out: NormalizedPhone = {
    e164: lib.number as string,
    country: null,
    valid,
    callingCode: lib.countryCallingCode as string,
    // The library records how it found the calling code ('+', exit code, the region's own code
    // written without '+'); it has none for a national reading.
    international: (lib as unknown as { __countryCallingCodeSource?: string }).__countryCallingCodeSource !== undefined,
  };
  if (valid) {
    const type = lib.getType();
    if (type !== undefined) out.type = type;
    const regions = libraryValidRegions(out.callingCode, lib.nationalNumber as string);
    if (regions.length > 1) out.possibleCountries = regions;
    else if (lib.country !== undefined) out.country = lib.country;
  }
  if (lib.ext) out.extension = lib.ext as string;
  return out;
}

/** Same as the library but international: marks a reading that our exit-code rule made. */
function asInternational(result: NormalizedPhone | null): NormalizedPhone | null {
  return result === null ? null : { ...result, international: true };
}

/** `text` without everything up to and including its first `count` digits, with `+` in front. */
function replaceLeadingDigits(text: string, count: number): string {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (parseIncompletePhoneNumber(text[i]!) !== '' && text[i] !== '+') seen++;
    if (seen === count) return `+${text.slice(i + 1)}`;
  }
  return '+';
}

// The library's parseInput (parse.js, module-private), from its own helpers.
const { VALID_DIGITS, PLUS_CHARS } = libraryInternal('constants.js') as Record<string, string>;
const extractFromUri = libraryInternal('helpers/extractFormattedPhoneNumberFromPossibleRfc3966NumberUri.js')[
  'default'
] as (text: string, options: { extractFormattedPhoneNumber: (text: string) => string | undefined }) => string;
const isViablePhoneNumber = libraryInternal('helpers/isViablePhoneNumber.js')['default'] as (text: string) => boolean;
const extractExtension = libraryInternal('helpers/extension/extractExtension.js')['default'] as (text: string) => {
  number?: string;
  ext?: string;
};
const NUMBER_START = new RegExp(`[${PLUS_CHARS}${VALID_DIGITS}]`);
const AFTER_NUMBER_END = new RegExp(`[^${VALID_DIGITS}#]+$`);

/**
 * The digits (and leading `+`) of the number libphonenumber-js finds in `text`, extension removed, or
 * undefined when it finds none: its `parseInput` then `parseIncompletePhoneNumber`. Text with
 * `;phone-context=` is not used here (rule 5).
 */
function libraryDigits(text: string): string | undefined {
  const number = extractFromUri(text, {
    // parse.js extractFormattedPhoneNumber: at most 250 characters, from the first + or digit, trailing
    // non-digits (but #) dropped.
    extractFormattedPhoneNumber: (t) => {
      if (t.length > 250) return undefined;
      const start = t.search(NUMBER_START);
      return start < 0 ? undefined : t.slice(start).replace(AFTER_NUMBER_END, '');
    },
  });
  if (!number || !isViablePhoneNumber(number)) return undefined;
  const { number: withoutExtension, ext } = extractExtension(number);
  return parseIncompletePhoneNumber(ext ? withoutExtension! : number);
}

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

/**
 * The full specification of normalizePhone(input, { defaultCountry: region }) in terms of the library,
 * `region` being already resolved to alpha-2 (or undefined). Rules 1-4 above.
 */
export function expectedResult(input: unknown, region: string | undefined): NormalizedPhone | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input <= 0) return null;
    text = String(input);
  } else if (typeof input === 'bigint') {
    if (input <= 0n || input > 999_999_999_999_999n) return null;
    text = String(input);
  } else if (typeof input === 'string') {
    if (input.length > 256) return null;
    text = input.trim();
    if (text === '' || CONTROL.test(text)) return null;
  } else return null;

  if (/^[1-9][0-9]*$/.test(text)) {
    const international = expectedFromLibrary(`+${text}`);
    if (region === undefined) return international?.valid ? international : null;
    const national = expectedFromLibrary(text, region);
    const ownCode = getCountryCallingCode(region as never) as string;
    if (international?.valid && (national === null || !national.valid || text.startsWith(ownCode))) {
      return international;
    }
    return national;
  }
  const digits = libraryDigits(text);
  if (digits === undefined || digits.startsWith('+')) return expectedFromLibrary(text, region);
  const exitLength = /^011[1-9]/.test(digits) ? 3 : /^00[1-9]/.test(digits) ? 2 : 0;
  if (region === undefined) {
    return exitLength === 0 ? null : asInternational(expectedFromLibrary(replaceLeadingDigits(text, exitLength)));
  }
  const national = expectedFromLibrary(text, region);
  if (exitLength > 0 && !national?.valid) {
    const international = asInternational(expectedFromLibrary(replaceLeadingDigits(text, exitLength)));
    if (international?.valid) return international;
  }
  return national;
}
