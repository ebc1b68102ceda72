/**
 * Long fuzz run (`npm run test:fuzz`): >= 100k runs per property (FUZZ_RUNS overrides), with counts that
 * show the interesting paths (ASCII fast path, Unicode cleaning, CJK order) were reached.
 */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildFullName, MAX_NAME_PART_LENGTH, normalizeNamePart } from '../../src/name/full-name.js';

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/** The scripts CLDR writes family-first without a space (ja, zh, ko): Han, Hangul, Hiragana, Katakana. */
const CJK_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Name-ish text: real names in several scripts, Unicode whitespace, combining marks, controls, surrogates. */
const partArb = fc.oneof(
  fc.constantFrom(
    'Ada',
    'Mary Ann',
    'van der Berg',
    'DE LA CRUZ',
    'José',
    'Jose\u0301',
    '山田',
    '太郎',
    '김',
    '민준',
    'さくら',
    'Ólafur',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          ' ',
          '\u00a0',
          '\u3000',
          '\t',
          '\n',
          '\u200b',
          '\ufeff',
          '\u0000',
          '\u0301',
          '\ud800',
          '\u200f',
          '\u202b',
          '\u2067',
          '\u200c',
          'a',
          'Z',
          '山',
          '김',
          'ア',
        ),
      ),
      { maxLength: 12 },
    )
    .map((chars) => chars.join('')),
);

describe('name fuzz', () => {
  it('normalizeNamePart never throws, is idempotent, has no edge or repeated whitespace and keeps case', () => {
    let kept = 0;
    let changed = 0;
    fc.assert(
      fc.property(fc.oneof(partArb, fc.anything()), (x) => {
        const out = normalizeNamePart(x);
        if (out === null) return;
        kept++;
        if (out !== x) changed++;
        expect(normalizeNamePart(out)).toBe(out);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s\s|[\u0000-\u001f\u007f-\u009f]/u);
        // No bidi formatting characters (UAX #9) survive: they would spill into the other part once joined.
        expect(out).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
        expect(out.length).toBeLessThanOrEqual(MAX_NAME_PART_LENGTH);
        expect(out).toBe(out.normalize('NFC'));
        // Case is never changed: no ASCII letter of either case appears that the input did not have.
        // (Compared with the NFC form of the input: NFC itself maps singletons such as U+212A KELVIN SIGN to `K`.)
        if (typeof x === 'string') {
          const nfc = x.replace(/[\ud800-\udfff]/g, '\ufffd').normalize('NFC');
          expect(count(out, /[A-Z]/g)).toBeLessThanOrEqual(count(nfc, /[A-Z]/g));
          expect(count(out, /[a-z]/g)).toBeLessThanOrEqual(count(nfc, /[a-z]/g));
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(kept).toBeGreaterThan(NUM_RUNS / 4);
    expect(changed).toBeGreaterThan(NUM_RUNS / 20);
  });

  it('buildFullName never throws, is idempotent on its own parts, and joins exactly per CLDR order', () => {
    let both = 0;
    let familyFirst = 0;
    let givenFirst = 0;
    let mixed = 0;
    fc.assert(
      fc.property(fc.oneof(partArb, fc.anything()), fc.oneof(partArb, fc.anything()), (first, last) => {
        const full = buildFullName(first, last);
        const given = normalizeNamePart(first);
        const family = normalizeNamePart(last);
        if (given === null || family === null) {
          expect(full).toBe(given ?? family);
          return;
        }
        both++;
        // Idempotent on its own output parts.
        expect(buildFullName(given, family)).toBe(full);
        // CLDR: family name first with no space exactly when both parts are written in Han, Hangul or Kana.
        const cjkGiven = CJK_SCRIPT.test(given);
        const cjkFamily = CJK_SCRIPT.test(family);
        if (cjkGiven && cjkFamily) {
          familyFirst++;
          expect(full).toBe(`${family}${given}`);
        } else {
          givenFirst++;
          if (cjkGiven || cjkFamily) mixed++;
          expect(full).toBe(`${given} ${family}`);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(both).toBeGreaterThan(NUM_RUNS / 10);
    // Each branch ran, the mixed case (one part CJK, the other not: given first) included.
    expect(familyFirst).toBeGreaterThan(NUM_RUNS / 200);
    expect(givenFirst).toBeGreaterThan(NUM_RUNS / 20);
    expect(mixed).toBeGreaterThan(NUM_RUNS / 200);
  });
});
