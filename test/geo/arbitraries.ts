import { fc } from '@fast-check/vitest';
import { compiledPostalFormats } from '../../src/geo/postal.js';

/** Every (country, example postal code) pair of the source data. */
export const POSTAL_EXAMPLES: readonly { country: string; example: string }[] = [...compiledPostalFormats().values()]
  .flatMap((f) => f.examples.map((example) => ({ country: f.region, example })))
  .filter((e) => e.country !== 'AC' && e.country !== 'TA');

/** A source example, re-typed the way people type codes: lowercase, separators dropped or doubled. */
export const typedExampleArb = fc
  .tuple(
    fc.constantFrom(...POSTAL_EXAMPLES),
    fc.constantFrom('as-is', 'lower', 'compact', 'spaced'),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([{ country, example }, mode, pad]) => {
    let code = example;
    if (mode === 'lower') code = example.toLowerCase();
    else if (mode === 'compact') code = example.replace(/[ -]/g, '');
    else if (mode === 'spaced') code = example.replace(/ /g, '   ');
    return { country, example, code: `${pad}${code}${pad}` };
  });

/** Strings that look like postal codes (digits, capitals, separators). */
export const postalLikeArb = fc.stringMatching(/^[0-9A-Za-z -]{1,12}$/);

/** Anything, with postal-like strings, huge strings and control characters mixed in. */
export const hostileArb = fc.oneof(
  fc.anything(),
  postalLikeArb,
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '\u007f', '\uD800', '\uDFFF', '\u200b', '9', 'A', ' ', '-') }),
  fc.constantFrom('9'.repeat(100_000), `${'A1'.repeat(50_000)}!`, ' '.repeat(10_000)),
);

/**
 * A source example with some letters and digits replaced by random ones of the same kind: a code of the
 * country's shape that its format accepts about half the time (narrow ranges reject the rest).
 */
export const mutatedExampleArb = fc
  .tuple(fc.constantFrom(...POSTAL_EXAMPLES), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([{ country, example }, picks, lower]) => {
    const chars = [...example];
    for (const pick of picks) {
      const at = pick % chars.length;
      const ch = chars[at]!;
      if (/\d/.test(ch)) chars[at] = String(pick % 10);
      else if (/[A-Z]/.test(ch)) chars[at] = String.fromCharCode(65 + (pick % 26));
    }
    const code = chars.join('');
    return { country, code: lower ? code.toLowerCase() : code };
  });
