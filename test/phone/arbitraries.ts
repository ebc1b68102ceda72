import { fc } from '@fast-check/vitest';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';

/** Every region with its libphonenumber example mobile number (E.164). */
export const EXAMPLES: ReadonlyArray<{ country: string; e164: string; national: string }> = getCountries().flatMap(
  (country) => {
    const n = getExampleNumber(country, examples);
    return n ? [{ country, e164: n.number as string, national: n.nationalNumber as string }] : [];
  },
);

/** Ways people write the same digits: spaces, dashes, dots, parentheses around a group. */
const separator = fc.constantFrom('', ' ', '-', '.', ' - ', ' (', ') ', ')');

/** A formatted rendering of `digits`, splitting it in random groups. */
export function formatted(digits: string): fc.Arbitrary<string> {
  return fc.array(separator, { minLength: digits.length, maxLength: digits.length }).map((seps) => {
    let out = '';
    for (let i = 0; i < digits.length; i++) out += digits[i] + (i < digits.length - 1 ? seps[i]! : '');
    return out;
  });
}

/** Random digit edits (position, digit) and a length change applied after the calling code's first digit. */
function mutate(e164: string, edits: ReadonlyArray<readonly [number, number]>, lengthChange: number): string {
  const digits = e164.slice(1).split('');
  for (const [pos, d] of edits) digits[1 + (pos % Math.max(1, digits.length - 1))] = String(d);
  if (lengthChange > 0) digits.push(...'5'.repeat(lengthChange));
  else if (lengthChange < 0) digits.length = Math.max(2, digits.length + lengthChange);
  return digits.join('');
}

/**
 * An example number of a random region with up to two digits changed and maybe a length change, written in
 * international form with a random prefix and formatting. `libText` is the same number with a plain `+`,
 * which is what plain libphonenumber-js needs without a default region (it does not know 00 or 011 then).
 */
export const mutatedInternational = fc
  .tuple(
    fc.constantFrom(...EXAMPLES),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { maxLength: 2 }),
    fc.constantFrom(0, 0, 0, -1, 1),
    fc.constantFrom('+', '00', '011 ', '+ ', '+(', '00 '),
  )
  .chain(([ex, edits, lengthChange, prefix]) => {
    const digits = mutate(ex.e164, edits, lengthChange);
    return formatted(digits).map((f) => ({ text: prefix + f, libText: `+${f}`, country: ex.country }));
  });

/** An example number written nationally with its region as the default country. */
export const national = fc
  .constantFrom(...EXAMPLES)
  .chain((ex) => formatted(ex.national).map((text) => ({ text, country: ex.country })));

/** An example number of a random region with up to three digits changed, as strict E.164 (`+` and digits). */
export const strictE164 = fc
  .tuple(
    fc.constantFrom(...EXAMPLES),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { maxLength: 3 }),
    fc.integer({ min: -2, max: 2 }),
  )
  .map(([ex, edits, lengthChange]) => `+${mutate(ex.e164, edits, lengthChange)}`);
