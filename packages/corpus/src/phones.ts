/**
 * Realistic phones: every user has their own number, valid for their country (a mobile number built on
 * libphonenumber-js's example number, or a fixed line with their city's area code, subscriber digits
 * randomized and each candidate checked against the full metadata), written the ways user tables hold them.
 */
import {
  type CountryCode,
  getCountryCallingCode,
  getExampleNumber,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import type { City, Place } from './places.js';
import type { Draw } from './random.js';

/** How a phone is written. */
export type PhoneStyle = 'e164' | 'national' | 'exit_code' | 'extension' | 'invalid';

/**
 * Share of each style among users who have a phone: 40% E.164 (`+493012345678`), 40% the national format of
 * the user's country (`030 12345678`, `(212) 555-0123`), 10% behind the exit code dialled from the user's
 * country (`0049 30 12345678`, `011 1 212 555 0123`), 5% with an extension (`+1 212 555 0123 ext. 45`), 5% numbers that are not valid (too short, too long,
 * placeholders such as `0000000000`).
 */
export const PHONE_STYLE_SHARES: Readonly<Record<PhoneStyle, number>> = {
  e164: 0.4,
  national: 0.4,
  exit_code: 0.1,
  extension: 0.05,
  invalid: 0.05,
};
const STYLES = Object.keys(PHONE_STYLE_SHARES) as PhoneStyle[];
const STYLE_WEIGHTS = STYLES.map((s) => PHONE_STYLE_SHARES[s]);

/** Share of users whose number is a mobile (the rest have their city's fixed line). */
const MOBILE_SHARE = 0.6;
/** Most candidates tried before a table entry is declared broken (a valid-number rate of 20% fails 1 in 10^19). */
const MAX_ATTEMPTS = 200;

/** A user's phone: the text in the table, its style, and the valid number it was written from. */
export interface GeneratedPhone {
  text: string;
  style: PhoneStyle;
  /** The valid number behind `text` (E.164), unique among live users; what the generator reserves. */
  e164: string;
}

const mobileTemplates = new Map<string, string>();

/** The country's example mobile number (national significant number), from libphonenumber-js. */
function mobileTemplate(alpha2: string): string {
  let template = mobileTemplates.get(alpha2);
  if (template === undefined) {
    const example = getExampleNumber(alpha2 as CountryCode, examples);
    if (!example) throw new Error(`corpus: libphonenumber-js has no example mobile number for ${alpha2}`);
    template = example.nationalNumber as string;
    mobileTemplates.set(alpha2, template);
  }
  return template;
}

const isMobile = (type: string | undefined) => type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
const isFixedLine = (type: string | undefined) => type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE';

/**
 * A valid number of the place: `prefix` followed by random digits up to `length` digits, accepted when the
 * metadata says it is valid and of the wanted type and no live user has it.
 */
function drawValidNumber(
  place: Place,
  prefix: string,
  length: number,
  accept: (type: string | undefined) => boolean,
  taken: ReadonlySet<string>,
  draw: Draw,
): PhoneNumber {
  const callingCode = getCountryCallingCode(place.alpha2 as CountryCode);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const national = prefix + draw.digits(length - prefix.length);
    const number = parsePhoneNumberFromString(`+${callingCode}${national}`);
    if (number?.isValid() && number.country === place.alpha2 && accept(number.getType()) && !taken.has(number.number))
      return number;
  }
  throw new Error(`corpus: no valid number for ${place.alpha2} with prefix ${prefix} and length ${length}`);
}

/** The user's own number: a mobile (the example's leading digits kept) or a fixed line in their city. */
function ownNumber(place: Place, city: City, taken: ReadonlySet<string>, draw: Draw): PhoneNumber {
  if (draw.chance(MOBILE_SHARE)) {
    const template = mobileTemplate(place.alpha2);
    // Keep the operator prefix, randomize up to 7 subscriber digits (10^7 numbers per country and prefix).
    const keep = Math.max(2, template.length - 7);
    return drawValidNumber(place, template.slice(0, keep), template.length, isMobile, taken, draw);
  }
  return drawValidNumber(place, city.areaCode, city.nationalLength, isFixedLine, taken, draw);
}

/** Placeholders people type into a required phone field. */
const PLACEHOLDERS = ['0000000000', 'n/a', '123', '-', '1111111111', 'none', '+0 000 000'];

/** Text that no metadata accepts as a valid number: the real number cut short or run long, else a placeholder. */
function invalidText(number: PhoneNumber, draw: Draw): string {
  const national = number.nationalNumber as string;
  const candidates = [
    `+${number.countryCallingCode}${national.slice(0, -3)}`,
    `+${number.countryCallingCode}${national}${draw.digits(6)}`,
    `+${number.countryCallingCode}0${national.slice(1)}`,
  ];
  for (const text of candidates) if (!parsePhoneNumberFromString(text)?.isValid()) return text;
  return draw.pick(PLACEHOLDERS);
}

const compact = (text: string) => text.replace(/[\s().-]/g, '');

/** Writes the number in the given style. */
function write(number: PhoneNumber, style: PhoneStyle, place: Place, draw: Draw): string {
  switch (style) {
    case 'e164':
      return number.number;
    case 'national': {
      const national = number.formatNational();
      return draw.chance(0.3) ? compact(national) : national;
    }
    case 'exit_code': {
      const international = number.formatInternational().slice(1); // '49 30 12345678'
      return draw.chance(0.5) ? `${place.exitCode} ${international}` : `${place.exitCode}${international}`;
    }
    case 'extension': {
      const base = draw.chance(0.5) ? number.formatInternational() : number.formatNational();
      return `${base}${draw.pick([' ext. ', ' x', ' ext ', ';ext='])}${draw.digits(draw.int(2, 4))}`;
    }
    case 'invalid':
      return invalidText(number, draw);
  }
}

/**
 * A new user's phone, distinct from every number in `taken` (the live users' numbers), in a style drawn with
 * {@link PHONE_STYLE_SHARES}.
 */
export function generatePhone(place: Place, city: City, taken: ReadonlySet<string>, draw: Draw): GeneratedPhone {
  const number = ownNumber(place, city, taken, draw);
  const style = STYLES[draw.weighted(STYLE_WEIGHTS)]!;
  return { text: write(number, style, place, draw), style, e164: number.number };
}
