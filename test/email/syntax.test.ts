import { fc, test } from '@fast-check/vitest';
import isEmail from 'validator/lib/isEmail.js';
import { describe, expect, it } from 'vitest';
import { analyzeEmail, parseEmail } from '../../src/email/index.js';
import { isEmailHostSyntax, isEmailLocalPartSyntax } from '../../src/email/syntax.js';
import { emailArb } from './arbitraries.js';

/** The options analyzeEmail validated with before the split (the oracle). */
const ORACLE = { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false, ignore_max_length: true };

/**
 * Code units on both sides of every boundary in validator's character classes: controls, space and `\s`
 * characters, quote, backslash, dot, `@`, atext punctuation and its neighbours, U+00A0/U+00A1, the surrogate,
 * private-use, noncharacter and specials ranges, full-width forms, and astral characters (surrogate pairs).
 */
const BOUNDARY_UNITS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\t',
  '\n',
  '\u000b',
  '\u000c',
  '\r',
  '\u000e',
  '\u001f',
  ' ',
  '!',
  '"',
  '#',
  '(',
  ')',
  ',',
  '.',
  '/',
  '0',
  '9',
  ':',
  ';',
  '<',
  '=',
  '>',
  '?',
  '@',
  'A',
  'Z',
  '[',
  '\\',
  ']',
  '^',
  '_',
  '`',
  'a',
  'z',
  '{',
  '|',
  '}',
  '~',
  '\u007f',
  '\u0080',
  '\u009f',
  '\u00a0',
  '\u00a1',
  'é',
  'ß',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u200b',
  '\u2028',
  '\u202f',
  '\u3000',
  '山',
  '\ud7ff',
  '\ud800',
  '\udc00',
  '\udfff',
  '\ue000',
  '\uf8ff',
  '\uf900',
  '\ufdcf',
  '\ufdd0',
  '\ufdef',
  '\ufdf0',
  '\ufeff',
  '\uff01',
  '\uffef',
  '\ufff0',
  '\uffff',
  '😀',
];

const unitString = fc.array(fc.constantFrom(...BOUNDARY_UNITS), { maxLength: 12 }).map((a) => a.join(''));
const localArb = fc.oneof(
  unitString,
  unitString.map((s) => `"${s}"`),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
  fc.emailAddress().map((e) => e.slice(0, e.lastIndexOf('@'))),
);

const hostArb = fc.oneof(
  fc.domain(),
  fc
    .array(fc.constantFrom('a', 'Z', '0', '-', '_', '.', 'xn--', 'é', '\uff21', ' ', '\u00a0', '山'), { maxLength: 10 })
    .map((a) => a.join('')),
  fc.constantFrom(
    'example.com',
    'xn--mnchen-3ya.de',
    'a.b',
    'a.b1',
    'a.123',
    'localhost',
    '-a.com',
    'a-.com',
    'a_b.com',
  ),
);

describe('differential: the split check agrees with validator isEmail', () => {
  test.prop(
    [
      fc.oneof(
        hostArb,
        fc
          .array(fc.constantFrom('a', 'x', 'n', 'z', '0', '9', '-', '.', 'xn', 'xn--', 'co', 'com'), { maxLength: 10 })
          .map((a) => a.join('')),
      ),
    ],
    { numRuns: 3000 },
  )('host: the lowercase-LDH fast path agrees with validator isFQDN', (host) => {
    expect(isEmailHostSyntax(host)).toBe(isEmail(`a@${host}`, ORACLE));
  });

  test.prop([localArb], { numRuns: 2000 })(
    'local part: isEmailLocalPartSyntax(l) = isEmail(l@example.com)',
    (local) => {
      expect(isEmailLocalPartSyntax(local)).toBe(isEmail(`${local}@example.com`, ORACLE));
    },
  );

  test.prop([localArb, hostArb], { numRuns: 2000 })(
    'whole address: local check && host check = isEmail(local@host)',
    (local, host) => {
      expect(isEmailLocalPartSyntax(local) && isEmailHostSyntax(host)).toBe(isEmail(`${local}@${host}`, ORACLE));
    },
  );

  it('the generated local parts reach both outcomes and both forms (not vacuous)', () => {
    const sample = fc.sample(localArb, { numRuns: 3000, seed: 7 });
    const valid = sample.filter(isEmailLocalPartSyntax);
    expect(valid.length).toBeGreaterThan(300);
    expect(sample.length - valid.length).toBeGreaterThan(300);
    expect(valid.filter((l) => l.startsWith('"')).length).toBeGreaterThan(30);
    const hosts = fc.sample(hostArb, { numRuns: 3000, seed: 7 });
    const validHosts = hosts.filter(isEmailHostSyntax).length;
    expect(validHosts).toBeGreaterThan(100);
    expect(hosts.length - validHosts).toBeGreaterThan(100);
  });

  it.each([
    ['jane.doe', true],
    ["o'brien+tag", true],
    ['用户', true],
    ['"john doe"', true],
    ['"a\\"b"', true],
    ['"', true],
    ['.jane', false],
    ['jane.', false],
    ['ja..ne', false],
    ['ja ne', false],
    ['ja@ne', false],
    ['😀', false],
    ['', false],
  ])('real-world local part %j → %s (and validator agrees)', (local, expected) => {
    expect(isEmailLocalPartSyntax(local)).toBe(expected);
    expect(isEmail(`${local}@example.com`, ORACLE)).toBe(expected);
  });
});

describe('differential: analyzeEmail agrees with validator isEmail end to end', () => {
  /** Generated addresses on real suffixes, with boundary code units spliced into the local part. */
  const addressArb = fc.tuple(emailArb, unitString, fc.nat()).map(([email, extra, position]) => {
    const at = email.lastIndexOf('@');
    const i = position % (at + 1);
    return `${email.slice(0, i)}${extra}${email.slice(i)}`;
  });

  test.prop([fc.oneof(emailArb, addressArb)], { numRuns: 2000 })(
    'valid ⇒ isEmail accepts it; a syntax failure past the host checks ⇒ isEmail rejects it',
    (address) => {
      const a = analyzeEmail(address);
      fc.pre(a !== null && a.domain !== null && address.trim().lastIndexOf('@') > 0);
      const text = address.trim();
      const at = text.lastIndexOf('@');
      const oracle = isEmail(`${text.slice(0, at).normalize('NFC')}@${a!.domain}`, ORACLE);
      if (a!.validation.valid) expect(oracle).toBe(true);
      // A syntax failure for an address whose host went through IDNA and tldts (parseEmail succeeds: no
      // controls, no lone surrogates) comes from the split check, so validator must reject it too.
      else if (a!.validation.reason === 'syntax' && parseEmail(address) !== null) expect(oracle).toBe(false);
    },
  );

  it('the spliced addresses reach both verdicts past the host checks (not vacuous)', () => {
    const sample = fc.sample(addressArb, { numRuns: 2000, seed: 11 }).map((e) => analyzeEmail(e));
    const valid = sample.filter((a) => a?.validation.valid === true).length;
    const syntax = sample.filter((a) => a?.validation.valid === false && a.validation.reason === 'syntax').length;
    expect(valid).toBeGreaterThan(200);
    expect(syntax).toBeGreaterThan(200);
  });
});
