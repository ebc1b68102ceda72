/**
 * Long fuzz run (`npm run test:fuzz`): >= 100k runs per property (FUZZ_RUNS overrides). Each property
 * counts how many inputs reached the interesting path (valid addresses, each invalid reason) and asserts
 * the run was not vacuous.
 */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  analyzeEmail,
  canonicalEmailKey,
  categorizeEmail,
  categorizeEmailDomain,
  type EmailAnalysis,
  isRoleAccount,
  isValidEmail,
  normalizeEmail,
  parseEmail,
  suggestEmailDomain,
  validateEmail,
} from '../../src/email/index.js';
import { emailArb } from './arbitraries.js';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/** Real-world addresses, one per category and some IDN/role/tag shapes, as seeds for mutation. */
const REAL_ADDRESSES = [
  'jane.doe@gmail.com',
  'J.Doe+promo@GoogleMail.com',
  'hans.mueller@gmx.de',
  'ivan@mail.ru',
  'li.wei@163.com',
  'taro@yahoo.co.jp',
  'prof@cs.stanford.edu',
  'don@mail.ox.ac.uk',
  'clerk@cabinetoffice.gov.uk',
  'kacho@meti.go.jp',
  'sgt@army.mil',
  'tmp@mailinator.com',
  'cfo@siemens.com',
  'info@example.co.uk',
  "o'brien+tag@sub.example.com",
  'user@MÜNCHEN.de',
  'user@xn--mnchen-3ya.de',
  '用户@例子.公司',
  'noreply@github.com',
  'x@example.com',
  'jane@gmial.com',
  'jan@ziggo.nl',
];

/** Characters that break addresses in interesting ways: separators, quotes, IDN, controls, surrogates. */
const NASTY = fc.constantFrom(
  '@',
  '.',
  '..',
  ' ',
  '\u00a0',
  '+',
  '-',
  '"',
  '[',
  ']',
  '\\',
  '\u0000',
  '\u007f',
  '\ud800',
  '\udc00',
  'Ü',
  'ß',
  'İ',
  '\u0301',
  'xn--',
  '\u3000',
  '\ufeff',
);

/** A real address with one to three edits: insert, delete, replace, duplicate or case-flip. */
const mutatedArb = fc
  .tuple(
    fc.constantFrom(...REAL_ADDRESSES),
    fc.array(
      fc.tuple(
        fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'upper'),
        fc.nat(),
        fc.oneof(NASTY, fc.string({ unit: 'binary', maxLength: 3 })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([address, edits]) => {
    let s = address;
    for (const [kind, position, text] of edits) {
      const i = s.length === 0 ? 0 : position % s.length;
      if (kind === 'insert') s = s.slice(0, i) + text + s.slice(i);
      else if (kind === 'delete') s = s.slice(0, i) + s.slice(i + 1);
      else if (kind === 'replace') s = s.slice(0, i) + text + s.slice(i + 1);
      else if (kind === 'duplicate') s = s.slice(0, i) + s.slice(i, i + 4) + s.slice(i);
      else s = s.toUpperCase();
    }
    return s;
  });

/** Checks everything we promise about one input; returns the analysis for counting. */
function checkAll(input: unknown): EmailAnalysis | null {
  const a = analyzeEmail(input);
  parseEmail(input);
  isRoleAccount(input);
  suggestEmailDomain(input);
  categorizeEmailDomain(input);
  const v = validateEmail(input);
  const category = categorizeEmail(input);
  const normalized = normalizeEmail(input);
  const key = canonicalEmailKey(input);
  // Every entry point agrees with the one-pass analysis.
  expect(isValidEmail(input)).toBe(v.valid);
  if (a === null) {
    expect(category).toBeNull();
    expect(normalized).toBeNull();
    expect(v.valid).toBe(false);
  } else {
    expect(v).toEqual(a.validation);
    expect(category).toBe(a.category);
    expect(normalized).toBe(a.normalized);
    if (a.validation.valid) {
      expect(a.category).not.toBe('invalid');
      expect(a.normalized).not.toBeNull();
      expect(a.registrableDomain).not.toBeNull();
      // normalizeEmail is idempotent, and the normalized form analyzes to the same category.
      expect(normalizeEmail(a.normalized)).toBe(a.normalized);
      expect(categorizeEmail(a.normalized)).toBe(a.category);
      expect(key).not.toBeNull();
      expect(canonicalEmailKey(key)).toBe(key);
      // The typo suggestion is the one suggestEmailDomain gives for the same address.
      expect(a.suggestedDomain).toBe(suggestEmailDomain(input));
    } else {
      expect(a.category).toBe('invalid');
      expect(a.normalized).toBeNull();
      expect(key).toBeNull();
    }
  }
  return a;
}

/** Counts outcomes: valid, each invalid reason, missing (null), and reserved and typo results. */
function tally(counts: Map<string, number>, a: EmailAnalysis | null): void {
  const k = a === null ? 'missing' : a.validation.valid ? 'valid' : a.validation.reason;
  counts.set(k, (counts.get(k) ?? 0) + 1);
  if (a?.category === 'reserved') counts.set('reserved', (counts.get('reserved') ?? 0) + 1);
  if (a?.suggestedDomain) counts.set('suggested', (counts.get('suggested') ?? 0) + 1);
}

describe('email fuzz', () => {
  it('never throws on fc.anything(), and every entry point agrees with analyzeEmail', () => {
    let strings = 0;
    fc.assert(
      fc.property(fc.anything(), (x) => {
        if (typeof x === 'string') strings++;
        checkAll(x);
      }),
      { numRuns: NUM_RUNS },
    );
    // fc.anything() yields strings often enough that the string path was exercised.
    expect(strings).toBeGreaterThan(NUM_RUNS / 50);
  });

  it('never throws on binary strings (lone surrogates, controls) around an @', () => {
    const counts = new Map<string, number>();
    const binary = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.oneof(
          binary,
          fc.tuple(binary, binary).map(([l, d]) => `${l}@${d}`),
        ),
        (s) => {
          tally(counts, checkAll(s));
        },
      ),
      { numRuns: NUM_RUNS },
    );
    // Mostly invalid, with several distinct reasons reached (not just 'syntax').
    expect(counts.get('syntax') ?? 0).toBeGreaterThan(NUM_RUNS / 4);
    expect(counts.size).toBeGreaterThanOrEqual(3);
  });

  it('never throws on mutated real addresses; a good share stay valid, some become invalid', () => {
    const counts = new Map<string, number>();
    fc.assert(
      fc.property(mutatedArb, (s) => {
        tally(counts, checkAll(s));
      }),
      { numRuns: NUM_RUNS },
    );
    const valid = counts.get('valid') ?? 0;
    expect(valid).toBeGreaterThan(NUM_RUNS / 10);
    expect(NUM_RUNS - valid).toBeGreaterThan(NUM_RUNS / 10);
    // Mutations reach the syntax and public-suffix checks, reserved names and typo suggestions.
    expect(counts.get('syntax') ?? 0).toBeGreaterThan(0);
    expect(counts.get('no_public_suffix') ?? 0).toBeGreaterThan(0);
    expect(counts.get('reserved') ?? 0).toBeGreaterThan(0);
    expect(counts.get('suggested') ?? 0).toBeGreaterThan(0);
  });

  it('normalizeEmail is idempotent and case/whitespace-insensitive on generated addresses', () => {
    let valid = 0;
    fc.assert(
      fc.property(
        fc.oneof(emailArb, mutatedArb),
        fc.constantFrom('', ' ', '\t', '\u00a0', '\n'),
        fc.boolean(),
        (email, pad, upper) => {
          const once = normalizeEmail(email);
          if (once === null) return;
          valid++;
          expect(normalizeEmail(once)).toBe(once);
          // Padding (String#trim removes every White_Space character, NBSP included) and case must not matter.
          const variant = `${pad}${upper ? email.toUpperCase() : email}${pad}`;
          const other = normalizeEmail(variant);
          // Uppercasing can change a non-ASCII local part beyond lowercase round-trip (ß → SS); compare only
          // when the variant lowercases back to the same text.
          if (variant.trim().toLowerCase() === email.trim().toLowerCase()) expect(other).toBe(once);
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(valid).toBeGreaterThan(NUM_RUNS / 2);
  });

  it('the 10 MB and 4 KB boundaries never throw and are bounded', () => {
    const big = 'a'.repeat(10 * 1024 * 1024);
    for (const s of [big, `${big}@gmail.com`, `x@${big}.com`, `${'a'.repeat(4096)}@x.com`]) {
      expect(checkAll(s)?.validation).toEqual({ valid: false, reason: 'too_long' });
    }
  });
});
