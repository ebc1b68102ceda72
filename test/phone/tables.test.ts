/**
 * The compiled tables against the regular expressions they were compiled from.
 *
 * - The generated module is what the generator writes from the installed libphonenumber-js (no drift).
 * - Every pattern of every numbering plan (national number, each number type with its possible lengths,
 *   leading digits) decides the same as libphonenumber-js's own regex use (`^(?:p)$` full match,
 *   `search(p) === 0` for leading digits) on strings drawn from the pattern, mutations of them and random
 *   digits.
 * - The text-level grammar copied into the generator is still the library's, and the phone-context check
 *   agrees with the library's `isPhoneContextValid`.
 */
import { fc } from '@fast-check/vitest';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { describe, expect, it } from 'vitest';
import { dataFileDrift } from '../../scripts/data-files.js';
import {
  extensionPattern,
  generatePhoneTables,
  PLUS_CHARS,
  VALID_DIGITS,
  VALID_PUNCTUATION,
  VIABLE_WITH_EXTENSION,
} from '../../scripts/generate-phone-tables.js';
import {
  callingCodeTables,
  LEADING_DIGITS_BIT,
  NATIONAL_BIT,
  patternMask,
  planOfRegion,
  stateOf,
} from '../../src/phone/tables.js';
import { isValidPhoneContext } from '../../src/phone/text.js';
import { libraryInternal } from './library-internals.js';

const libConstants = libraryInternal('constants.js') as Record<string, string>;
const isPhoneContextValid = libraryInternal('helpers/extractPhoneContext.js')['isPhoneContextValid'] as (
  context: string,
) => boolean;
const createExtensionPattern = libraryInternal('helpers/extension/createExtensionPattern.js')[
  'default'
] as () => string;
const { VALID_PHONE_NUMBER_WITH_EXTENSION } = libraryInternal('helpers/isViablePhoneNumber.js');

type RawType = [string, number[]?] | 0;
type RawPlan = [string, unknown, string, number[], ...unknown[]];
const metadata = maxMetadata as unknown as {
  countries: Record<string, RawPlan>;
  nonGeographic: Record<string, RawPlan>;
};

describe('generated tables', () => {
  it('are what scripts/generate-phone-tables.ts writes from the installed libphonenumber-js', () => {
    expect(dataFileDrift(generatePhoneTables())).toBeNull();
  });
});

/** Strings to check a pattern on: drawn from it, then each with a digit changed or added or removed. */
function probes(pattern: string, seed: number): string[] {
  const drawn = fc.sample(fc.stringMatching(new RegExp(`^(?:${pattern})$`)), { numRuns: 12, seed });
  const random = fc.sample(fc.stringMatching(/^\d{1,17}$/), { numRuns: 6, seed });
  const mutated = drawn.flatMap((s, k) => {
    const at = (seed + k) % s.length;
    return [
      s.slice(0, at) + String((Number(s[at]) + 1 + k) % 10) + s.slice(at + 1),
      `${s}${k % 10}`,
      s.slice(0, -1),
      s.slice(1),
    ];
  });
  return [...drawn, ...random, ...mutated].filter((s) => /^\d*$/.test(s));
}

const planEntries = [
  ...Object.entries(metadata.countries),
  ...Object.entries(metadata.nonGeographic).map(([code, plan]) => [code, plan] as const),
];

describe('digit automata decide like the library’s regexes', () => {
  it.each(planEntries.map(([key, plan]) => [key, plan] as const))('plan %s', (key, plan) => {
    const code = callingCodeTables(plan[0])!;
    const ours = /^\d/.test(key) ? code.plans[0]! : planOfRegion(key)!;
    const national = plan[2];
    const leading = plan[10] as string | 0;
    const types = ((plan[11] as RawType[] | 0) || []).map((t) => (t !== 0 && t[0] !== '' ? t : null));
    const patterns = [national, ...(leading ? [leading] : []), ...types.flatMap((t) => (t ? [t[0]] : []))];
    let checked = 0;
    patterns.forEach((pattern, k) => {
      for (const s of probes(pattern, k + 1)) {
        const mask = patternMask(code, stateOf(code, s), ours, s.length);
        const expected: Record<string, boolean> = {
          national: new RegExp(`^(?:${national})$`).test(s),
        };
        const actual: Record<string, boolean> = { national: (mask & NATIONAL_BIT) !== 0 };
        if (leading) {
          expected['leading'] = s !== '' && s.search(leading) === 0;
          actual['leading'] = (mask & LEADING_DIGITS_BIT) !== 0;
        }
        types.forEach((t, i) => {
          if (t === null) return;
          // libphonenumber-js isNumberTypeEqualTo: the type's (or the plan's) possible lengths, then the pattern.
          const lengths = t[1] ?? plan[3];
          expected[`type${i}`] = lengths.includes(s.length) && new RegExp(`^(?:${t[0]})$`).test(s);
          actual[`type${i}`] = (mask & (1 << (i + 1))) !== 0;
        });
        expect(actual, `${key} ${s}`).toEqual(expected);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(patterns.length * 20);
  });
});

describe('text-level grammar', () => {
  it('is a verbatim copy of libphonenumber-js’s', () => {
    expect(VALID_DIGITS).toBe(libConstants['VALID_DIGITS']);
    expect(VALID_PUNCTUATION).toBe(libConstants['VALID_PUNCTUATION']);
    expect(PLUS_CHARS).toBe(libConstants['PLUS_CHARS']);
    expect(extensionPattern()).toBe(createExtensionPattern());
    expect(VIABLE_WITH_EXTENSION).toBe(VALID_PHONE_NUMBER_WITH_EXTENSION);
  });

  it('phone-context: agrees with the library’s isPhoneContextValid (asked twice, see oracle.ts rule 5)', () => {
    const contexts = fc.sample(
      fc.oneof(
        fc.stringMatching(/^\+[\d\-.()]{0,8}$/),
        fc.stringMatching(/^([\da-z-]{1,5}\.){0,3}[a-zA-Z-]{0,6}\d{0,2}\.?$/),
        fc.string({ unit: fc.constantFrom('+', '1', '2', '-', '.', '(', ')', 'a', 'Z', '٣', ' '), maxLength: 10 }),
      ),
      { numRuns: 3000, seed: 42 },
    );
    let valid = 0;
    for (const context of contexts) {
      // The library's regexes are global (`g`): a success leaves lastIndex behind and the next call fails.
      // Two calls in a row always include one from a clean state.
      const library = context !== '' && (isPhoneContextValid(context) || isPhoneContextValid(context));
      expect(isValidPhoneContext(context), JSON.stringify(context)).toBe(library);
      if (library) valid++;
    }
    expect(valid).toBeGreaterThan(300);
  });
});
