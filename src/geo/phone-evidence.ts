/**
 * The regions a record's phone number is evidence for (contract C3 between geo and phone).
 *
 * A number is evidence only when its region did not come from an assumption: it carries its calling code
 * (`+49 ...`, `0049 ...`, `011 49 ...`, ITU-T E.164 / E.123), or it was read under the record's own
 * country. A number written nationally (`030 901820`) and parsed under a default region took its region
 * from the default, so it is evidence of nothing (issue 11, "evidence, not echoes").
 *
 * Inside a calling code shared by several regions (+1 NANP, +7, +44, +358, ...), the number's own region
 * is read from its leading digits, the way libphonenumber does before its number patterns
 * (`data/calling-codes.generated.ts`): `+1 876 ...` is Jamaica, `+1 809 ...` the Dominican Republic,
 * `+7 7...` Kazakhstan. Regions the metadata tells apart only by full number patterns (US and CA inside +1,
 * GB, GG and JE inside +44) stay together for a raw string; a `NormalizedPhone` from cdc-enrich/phone
 * carries the resolved `country` and is used as is.
 */
import { memoize } from '../shared/memo.js';
import { type Alpha2, toAlpha2 } from './country.js';
import { CALLING_CODE_REGIONS } from './data/calling-codes.generated.js';

/** A `NormalizedPhone`-like object (cdc-enrich/phone), every field optional. */
export interface PhoneEvidenceInput {
  /** ITU-T E.164 country calling code without `+` (`'49'`). */
  callingCode?: unknown;
  /** The number's own region (alpha-2), set by cdc-enrich/phone only when valid and unambiguous. */
  country?: unknown;
  /** False when the number was written nationally and read under a default region (C3). */
  international?: unknown;
  valid?: unknown;
  e164?: unknown;
}

interface CallingCodeRegions {
  readonly regions: readonly Alpha2[];
  /** [region, leading-digits regex] for the regions that have leading digits. */
  readonly byLeadingDigits: readonly (readonly [Alpha2, RegExp])[];
  /** Regions without leading digits (told apart only by number patterns). */
  readonly others: readonly Alpha2[];
  /**
   * {@link narrow} of a national number. When the leading-digits regexes bound how many digits decide (they
   * are quantifier-free prefix regexes: a match consumes at most one digit per atom), it is memoized by
   * that prefix, so the regex tests run once per prefix, not per number.
   */
  readonly narrowNumber: (nationalNumber: string) => readonly Alpha2[];
}

/** The parts of {@link CallingCodeRegions} that {@link narrow} reads. */
type NarrowingTable = Pick<CallingCodeRegions, 'regions' | 'byLeadingDigits' | 'others'>;

/** Distinct deciding prefixes remembered per calling code (NANP: 4 digits, at most 10,000). */
const MAX_NARROWED = 4096;
/** What a leading-digits source may contain for the bound below: digits, classes, groups, alternatives. */
const BOUNDED_SOURCE = /^[0-9|()[\]-]*$/;

/**
 * An upper bound on the length of any match of a leading-digits regex source, or null when the source has
 * anything but digits, digit classes, non-capturing groups and `|` (a quantifier, an escape, a lookahead):
 * then every atom (a digit or a [class]) consumes at most one character.
 */
function maxMatchLength(source: string): number | null {
  const plain = source.replaceAll('(?:', '(');
  if (!BOUNDED_SOURCE.test(plain)) return null;
  let atoms = 0;
  let inClass = false;
  for (const ch of plain) {
    if (ch === '[') inClass = true;
    else if (ch === ']') {
      inClass = false;
      atoms++; // a class consumes one character
    } else if (!inClass && ch >= '0' && ch <= '9') atoms++;
  }
  return atoms;
}

function decidingDigitsOf(table: readonly (readonly [string, string])[]): number | null {
  let longest = 0;
  for (const [, digits] of table) {
    if (digits.length === 0) continue;
    const length = maxMatchLength(digits);
    if (length === null) return null;
    longest = Math.max(longest, length);
  }
  return longest;
}

const callingCodes = new Map<string, CallingCodeRegions | null>();

function regionsForCallingCode(code: string): CallingCodeRegions | null {
  let entry = callingCodes.get(code);
  if (entry !== undefined) return entry;
  const table = Object.hasOwn(CALLING_CODE_REGIONS, code) ? CALLING_CODE_REGIONS[code] : undefined;
  entry = table === undefined ? null : buildCallingCodeRegions(table);
  callingCodes.set(code, entry);
  return entry;
}

function buildCallingCodeRegions(table: readonly (readonly [Alpha2, string])[]): CallingCodeRegions {
  const narrowing: NarrowingTable = {
    regions: table.map(([region]) => region),
    byLeadingDigits: table
      .filter(([, digits]) => digits.length > 0)
      .map(([region, digits]) => [region, new RegExp(`^(?:${digits})`)] as const),
    others: table.filter(([, digits]) => digits.length === 0).map(([region]) => region),
  };
  const decidingDigits = decidingDigitsOf(table);
  if (decidingDigits === null) return { ...narrowing, narrowNumber: (number) => narrow(narrowing, number) };
  const narrowPrefix = memoize((prefix) => Object.freeze(narrow(narrowing, prefix)), MAX_NARROWED);
  return { ...narrowing, narrowNumber: (number) => narrowPrefix(number.slice(0, decidingDigits)) };
}

/** Regions of a calling code, narrowed by the national number's leading digits when it is known. */
export function regionsForNumber(callingCode: string, nationalNumber: string | undefined): readonly Alpha2[] | null {
  const entry = regionsForCallingCode(callingCode);
  if (entry === null) return null;
  if (entry.regions.length === 1 || nationalNumber === undefined || nationalNumber.length === 0) return entry.regions;
  return entry.narrowNumber(nationalNumber);
}

/** The regions whose leading digits match, else those without leading digits, else all of them. */
function narrow(entry: NarrowingTable, nationalNumber: string): readonly Alpha2[] {
  const matched = entry.byLeadingDigits.filter(([, digits]) => digits.test(nationalNumber)).map(([r]) => r);
  if (matched.length > 0) return matched;
  return entry.others.length > 0 ? entry.others : entry.regions;
}

const PHONE_NOISE = /[\s().\-/\u00a0]/g;
const DIGITS_ONLY = /^\d{7,17}$/;

/** Digits after an international prefix (`+`, `00`, `011`), or null for a national or junk string. */
function internationalDigits(text: string): string | null {
  if (text.length > 64) return null;
  const compact = text.replace(PHONE_NOISE, '');
  let digits: string | null = null;
  // E.164 international prefixes: "+", the ITU-T recommended IDD "00" and the NANP exit code "011".
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('011')) digits = compact.slice(3);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  return digits !== null && DIGITS_ONLY.test(digits) ? digits : null;
}

/** Regions of an international number written as text. */
function regionsOfText(text: string): readonly Alpha2[] | null {
  const digits = internationalDigits(text);
  if (digits === null) return null;
  // Calling codes form a prefix-free code (ITU-T E.164), so at most one of these lengths matches.
  for (let length = 1; length <= 3; length++) {
    const code = digits.slice(0, length);
    if (regionsForCallingCode(code) !== null) return regionsForNumber(code, digits.slice(length));
  }
  return null;
}

function read(object: object, field: keyof PhoneEvidenceInput): unknown {
  try {
    return (object as Record<string, unknown>)[field];
  } catch {
    return undefined; // a throwing getter or proxy trap: treat as absent
  }
}

/** Regions a `NormalizedPhone`-like object is evidence for. */
function regionsOfObject(phone: object, recordCountry: Alpha2 | null): readonly Alpha2[] | null {
  const country = read(phone, 'country');
  const region = typeof country === 'string' && country.length === 2 ? toAlpha2(country) : null;
  if (read(phone, 'international') === false) {
    // Read under a default region: evidence only if that region was the record's own country.
    return region !== null && region === recordCountry ? [region] : null;
  }
  if (region !== null && read(phone, 'valid') !== false) return [region];
  const e164 = read(phone, 'e164');
  const callingCode = read(phone, 'callingCode');
  if (typeof callingCode === 'string' && /^\d{1,3}$/.test(callingCode)) {
    const national =
      typeof e164 === 'string' && e164.startsWith(`+${callingCode}`) ? e164.slice(callingCode.length + 1) : undefined;
    return regionsForNumber(callingCode, national);
  }
  return typeof e164 === 'string' ? regionsOfText(e164) : null;
}

/**
 * The regions a phone hint is evidence for, or null when it is none (see the module comment).
 * `recordCountry` is the record's own country, when it named one.
 *
 * @example
 * phoneEvidence('+49 30 901820', null) // → ['DE']
 * phoneEvidence('+1 876 555 0100', null) // → ['JM']
 * phoneEvidence('030 901820', null) // → null (national: no calling code)
 * phoneEvidence({ callingCode: '33', country: 'FR', international: false }, null) // → null (read under a default)
 */
export function phoneEvidence(phone: unknown, recordCountry: Alpha2 | null): readonly Alpha2[] | null {
  if (typeof phone === 'string') return regionsOfText(phone);
  if (typeof phone === 'number' || typeof phone === 'bigint' || phone === null || typeof phone !== 'object') {
    return null; // a bare number has no '+': it is read as national, not evidence
  }
  return regionsOfObject(phone, recordCountry);
}
