/**
 * libphonenumber-js's `parse()` after the text has become digits (its `parsePhoneNumber`,
 * `extractCountryCallingCode`, `stripIddPrefix`, `extractCountryCallingCodeFromInternationalNumberWithoutPlusSign`,
 * `extractNationalNumber`, `getCountryByCallingCode`, `checkNumberLength`), step for step, over the compiled
 * tables of src/phone/tables.ts instead of regexes recompiled per call. The library stays the oracle:
 * differential tests compare every field on a broad corpus (test/phone).
 */
import {
  type CallingCode,
  callingCodeTables,
  MAX_NATIONAL_LENGTH,
  NATIONAL_BIT,
  outcomeOf,
  type Plan,
  patternMask,
  planOfRegion,
  stateOf,
} from './tables.js';

/**
 * How the calling code was found: libphonenumber-js's `countryCallingCodeSource` (`+`, the default region's
 * exit code, the default region's own code written without `+`), or null for a national reading.
 *
 * @example
 * const source: CallingCodeSource = readDigits('+4930901820', undefined)!.source; // 'plus'
 */
export type CallingCodeSource = 'plus' | 'idd' | 'withoutPlus' | null;

/**
 * What libphonenumber-js's parser makes of the digits.
 *
 * @example
 * declare const us: Parameters<typeof readDigits>[1]; // planOfRegion('US') (./tables.ts)
 * const reading: Reading | null = readDigits('2125550100', us);
 * reading?.nationalNumber; // '2125550100'
 */
export interface Reading {
  callingCode: string;
  nationalNumber: string;
  /** The library's `PhoneNumber.country`: the region resolved from the digits, else the default region. */
  country: string | undefined;
  source: CallingCodeSource;
}

/** Shortest national number the library accepts (MIN_LENGTH_FOR_NSN). */
const MIN_NATIONAL_LENGTH = 2;
/** Longest calling code (MAX_LENGTH_COUNTRY_CODE). */
const MAX_CALLING_CODE_LENGTH = 3;

/** The digits' pattern mask for `plan`, running its calling code's automaton. */
function maskFor(plan: Plan, digits: string): number {
  const code = callingCodeTables(plan.callingCode)!;
  return patternMask(code, stateOf(code, digits), plan, digits.length);
}

const matchesNationalPattern = (plan: Plan, digits: string): boolean => (maskFor(plan, digits) & NATIONAL_BIT) !== 0;

/** `getCountryByCallingCode` for a national number (see {@link Outcome.region}). */
function regionOfNationalNumber(code: CallingCode, nationalNumber: string): string | undefined {
  return outcomeOf(code, stateOf(code, nationalNumber), nationalNumber.length).region;
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** `checkNumberLength` against the plan's possible lengths (sorted, as a bit mask). */
function checkLength(plan: Plan, length: number): LengthCheck {
  const lengths = plan.lengths;
  if (lengths === 0) return 'IS_POSSIBLE';
  const min = 31 - Math.clz32(lengths & -lengths);
  const max = 31 - Math.clz32(lengths);
  if (length === min) return 'IS_POSSIBLE';
  if (length < min) return 'TOO_SHORT';
  if (length > max) return 'TOO_LONG';
  return lengths & (1 << length) ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** `extractNationalNumberFromPossiblyIncompleteNumber`: strip (or transform) the national prefix. */
function stripNationalPrefix(plan: Plan, digits: string): string {
  const prefix = plan.prefixForParsing;
  if (digits === '' || prefix === null) return digits;
  const match = prefix.exec(digits);
  if (match === null) return digits;
  const lastGroup = match.length - 1;
  const hasCapturedGroups = lastGroup > 0 && Boolean(match[lastGroup]);
  if (plan.transformRule !== '' && hasCapturedGroups) return digits.replace(prefix, plan.transformRule);
  return digits.slice(match[0].length);
}

/**
 * `extractNationalNumber`: the national significant number, keeping the prefix when stripping it would
 * turn a number that matches the national pattern into one that does not, or give an impossible length.
 */
function nationalNumberOf(plan: Plan, digits: string): string {
  const stripped = stripNationalPrefix(plan, digits);
  if (stripped === digits) return digits;
  if (matchesNationalPattern(plan, digits) && !matchesNationalPattern(plan, stripped)) return digits;
  if (plan.lengths !== 0) {
    const region = regionOfNationalNumber(callingCodeTables(plan.callingCode)!, stripped);
    const check = checkLength(region === undefined ? plan : planOfRegion(region)!, stripped.length);
    if (check === 'TOO_SHORT' || check === 'INVALID_LENGTH') return digits;
  }
  return stripped;
}

/** `stripIddPrefix`: the digits after the default region's exit code, unless the next digit is 0. */
function afterIddPrefix(region: Plan, digits: string): string | undefined {
  const match = region.iddPrefix?.exec(digits);
  if (!match) return undefined;
  const rest = digits.slice(match[0].length);
  return rest.charCodeAt(0) === 48 ? undefined : rest;
}

/**
 * `extractCountryCallingCodeFromInternationalNumberWithoutPlusSign`: digits that start with the default
 * region's own calling code lose it when the whole is not a national number but the rest is, or when the
 * whole is too long.
 */
function withoutOwnCallingCode(region: Plan, digits: string): string | undefined {
  if (!digits.startsWith(region.callingCode)) return undefined;
  const shorter = digits.slice(region.callingCode.length);
  const shorterNational = nationalNumberOf(region, shorter);
  const national = nationalNumberOf(region, digits);
  if (
    (!matchesNationalPattern(region, national) && matchesNationalPattern(region, shorterNational)) ||
    checkLength(region, national.length) === 'TOO_LONG'
  ) {
    return shorter;
  }
  return undefined;
}

/** `extractCountryCallingCode` on `+digits`: the first 1-3 digit prefix that is a calling code. */
function splitCallingCode(international: string): { callingCode: string; rest: string } | undefined {
  if (international.charCodeAt(0) === 48) return undefined;
  const longest = Math.min(MAX_CALLING_CODE_LENGTH, international.length);
  for (let length = 1; length <= longest; length++) {
    const callingCode = international.slice(0, length);
    if (callingCodeTables(callingCode) !== undefined) return { callingCode, rest: international.slice(length) };
  }
  return undefined;
}

/** Where the national number starts and which calling code (and plan) it belongs to. */
interface CallingCodeSplit {
  callingCode: string;
  /** The digits after the calling code (or all of them for a national reading). */
  rest: string;
  /** The plan whose national prefix rule applies: the code's main plan, or the default region's. */
  plan: Plan;
  /** The default region for a national reading, else undefined until the digits name a region. */
  country: string | undefined;
  source: CallingCodeSource;
}

/**
 * `extractCountryCallingCode` and the start of `parsePhoneNumber`: `+` then a calling code; else, with a
 * default region, its exit code then a calling code, its own calling code written without `+`, or a
 * national number of that region. Null where the library finds no calling code.
 */
function splitDigits(digits: string, defaultRegion: Plan | undefined): CallingCodeSplit | null {
  const international = (rest: string, source: CallingCodeSource): CallingCodeSplit | null => {
    const split = splitCallingCode(rest);
    if (split === undefined) return null;
    const plan = callingCodeTables(split.callingCode)!.plans[0]!;
    return { callingCode: split.callingCode, rest: split.rest, plan, country: undefined, source };
  };
  if (digits.charCodeAt(0) === 43 /* + */) return international(digits.slice(1), 'plus');
  if (defaultRegion === undefined) return null;
  const afterIdd = afterIddPrefix(defaultRegion, digits);
  if (afterIdd !== undefined && afterIdd !== '' && afterIdd !== digits) return international(afterIdd, 'idd');
  const callingCode = defaultRegion.callingCode;
  const shorter = withoutOwnCallingCode(defaultRegion, digits);
  if (shorter !== undefined) {
    const plan = callingCodeTables(callingCode)!.plans[0]!;
    return { callingCode, rest: shorter, plan, country: undefined, source: 'withoutPlus' };
  }
  return { callingCode, rest: digits, plan: defaultRegion, country: defaultRegion.region, source: null };
}

/**
 * What libphonenumber-js's parser reads from `digits` (ASCII digits, optionally led by `+`) with an
 * optional default region, or null where the library returns nothing (no calling code, national number
 * shorter than 2 or longer than 17 digits).
 *
 * @example
 * declare const gb: Parameters<typeof readDigits>[1]; // planOfRegion('GB') (./tables.ts)
 * readDigits('07400123456', gb);
 * // { callingCode: '44', nationalNumber: '7400123456', country: 'GB', source: null }
 */
export function readDigits(digits: string, defaultRegion: Plan | undefined): Reading | null {
  const split = splitDigits(digits, defaultRegion);
  if (split === null || split.rest === '') return null;
  const nationalNumber = nationalNumberOf(split.plan, split.rest);
  if (nationalNumber.length < MIN_NATIONAL_LENGTH || nationalNumber.length > MAX_NATIONAL_LENGTH) return null;
  const country = regionOfNationalNumber(callingCodeTables(split.callingCode)!, nationalNumber) ?? split.country;
  return { callingCode: split.callingCode, nationalNumber, country, source: split.source };
}

/**
 * Validity and type of a reading, and every region of its calling code in which it is valid.
 *
 * @example
 * const verdict: Verdict = judge(readDigits('+4930901820', undefined)!);
 * verdict.type; // 'FIXED_LINE'
 */
export interface Verdict {
  valid: boolean;
  type: string | undefined;
  /** Regions (not `001`) of the calling code in which the national number is valid, in metadata order. */
  validRegions: readonly string[];
}

/**
 * libphonenumber-js `isValid()` and `getType()` of a reading (checked against the reading's country, else
 * the calling code's main plan), plus the regions of the code that accept the number.
 *
 * @example
 * judge(readDigits('+18005550199', undefined)!).validRegions.length > 1; // true: NANP toll-free
 */
export function judge(reading: Reading): Verdict {
  const code = callingCodeTables(reading.callingCode)!;
  const nationalNumber = reading.nationalNumber;
  const outcome = outcomeOf(code, stateOf(code, nationalNumber), nationalNumber.length);
  const plan = reading.country === undefined ? code.plans[0]! : planOfRegion(reading.country)!;
  const valid = outcome.valid[plan.index]!;
  return { valid, type: outcome.types[plan.index], validRegions: valid ? outcome.validRegions : [] };
}
