/**
 * Postal codes drawn from each city's real range, as the national postal operator publishes it. A range
 * bounds the codes of the city; not every number inside it is an assigned code (a real address list has
 * gaps), but every drawn code has the country's format and lies where the city's codes lie, so a postal
 * index sees as many distinct codes as a real user table does.
 */
import type { Draw } from './random.js';

/** Draws one postal code, written the way the operator writes it. */
export type PostalCodeDraw = (draw: Draw) => string;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A number in [lo, hi] written with `width` digits (leading zeros kept: `08001`). */
export function numericRange(lo: number, hi: number, width: number): PostalCodeDraw {
  return (d) => pad(d.int(lo, hi), width);
}

/** US ZIP codes in [lo, hi]; one in five carries a ZIP+4 add-on (`78701-1234`), as USPS addresses often do. */
export function zipRange(lo: number, hi: number): PostalCodeDraw {
  return (d) => {
    const zip = pad(d.int(lo, hi), 5);
    return d.chance(0.2) ? `${zip}-${d.digits(4)}` : zip;
  };
}

/** Two numeric parts joined by a separator: `01310-100` (BR), `100-0001` (JP), `00-950` (PL), `114 55` (SE). */
export function twoPartRange(
  first: readonly [lo: number, hi: number, width: number],
  second: readonly [lo: number, hi: number, width: number],
  separator: string,
): PostalCodeDraw {
  return (d) => `${pad(d.int(first[0], first[1]), first[2])}${separator}${pad(d.int(second[0], second[1]), second[2])}`;
}

/** Letters Canada Post uses in postal codes (no D, F, I, O, Q, U). */
const CANADA_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ'.split('');

/** A Canadian code: one of the city's forward sortation areas, then a local delivery unit (digit letter digit). */
export function canadianCode(fsas: string): PostalCodeDraw {
  const list = fsas.split(' ');
  return (d) => `${d.pick(list)} ${d.int(0, 9)}${d.pick(CANADA_LETTERS)}${d.int(0, 9)}`;
}

/** Letters Royal Mail uses in the inward code's unit (no C, I, K, M, O, V). */
const UK_UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');

/** A UK code: one of the city's outward codes (postcode districts), then the inward code (sector digit, unit). */
export function ukCode(districts: string): PostalCodeDraw {
  const list = districts.split(' ');
  return (d) => `${d.pick(list)} ${d.int(0, 9)}${d.pick(UK_UNIT_LETTERS)}${d.pick(UK_UNIT_LETTERS)}`;
}

/** PostNL does not use the letter pairs SA, SD and SS. */
const DUTCH_EXCLUDED_PAIRS = new Set(['SA', 'SD', 'SS']);
const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** A Dutch code: four digits in [lo, hi], a space, two letters. */
export function dutchCode(lo: number, hi: number): PostalCodeDraw {
  return (d) => {
    const digits = d.int(lo, hi);
    let letters = `${d.pick(LATIN)}${d.pick(LATIN)}`;
    if (DUTCH_EXCLUDED_PAIRS.has(letters)) letters = 'AB';
    return `${digits} ${letters}`;
  };
}

/** Vienna's codes: 1, the district number 01–23, 0 (`1010` Innere Stadt ... `1230` Liesing). */
export function viennaCode(): PostalCodeDraw {
  return (d) => `1${pad(d.int(1, 23), 2)}0`;
}

/**
 * How people type a code into a form: one in ten alphanumeric codes lowercased without its space (`sw1a1aa`,
 * `m5v3l9`, `1011ab`). Numeric codes are kept as drawn.
 */
export function asTyped(code: string, draw: Draw): string {
  if (!/[A-Z]/.test(code) || !draw.chance(0.1)) return code;
  return code.replace(' ', '').toLowerCase();
}
