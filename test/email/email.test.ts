import { fc, test } from '@fast-check/vitest';
import isEmail from 'validator/lib/isEmail.js';
import { describe, expect, it } from 'vitest';
import {
  analyzeEmail,
  canonicalEmailKey,
  categorizeEmail,
  categorizeEmailDomain,
  isRoleAccount,
  isValidEmail,
  normalizeEmail,
  parseEmail,
  suggestEmailDomain,
  validateEmail,
} from '../../src/email/index.js';
import { emailArb, REAL_SUFFIXES } from './arbitraries.js';

describe('parseEmail', () => {
  it('extracts the lowercased host, registrable domain and public suffix', () => {
    expect(parseEmail('alice@cs.stanford.edu')).toMatchObject({
      domain: 'cs.stanford.edu',
      registrableDomain: 'stanford.edu',
      publicSuffix: 'edu',
      isIcann: true,
    });
    expect(parseEmail('bob@mail.ox.ac.uk')).toMatchObject({ registrableDomain: 'ox.ac.uk', publicSuffix: 'ac.uk' });
    expect(parseEmail('Carol@Example.COM')?.domain).toBe('example.com');
  });

  it('gives the same domain for an IDN in Unicode and in punycode', () => {
    const u = parseEmail('user@MÜNCHEN.de');
    const a = parseEmail('user@xn--mnchen-3ya.de');
    expect(u?.domain).toBe('xn--mnchen-3ya.de');
    expect(a?.domain).toBe(u?.domain);
    expect(u?.unicodeDomain).toBe('münchen.de');
  });

  it('returns null when there is nothing to split', () => {
    for (const x of [null, 42, '', 'no-at-sign', '@example.com', 'user@', 'a\u0000b@x.com'])
      expect(parseEmail(x)).toBeNull();
  });
});

describe('validateEmail: each reason on real-world inputs', () => {
  it.each([
    ['jane.doe@example.co.uk', { valid: true }],
    ["o'brien+tag@sub.example.com", { valid: true }],
    ['用户@例子.公司', { valid: true }],
    ['', { valid: false, reason: 'empty' }],
    ['   ', { valid: false, reason: 'empty' }],
    ['plainaddress', { valid: false, reason: 'syntax' }],
    ['two@@gmail.com', { valid: false, reason: 'syntax' }],
    ['spaces in@gmail.com', { valid: false, reason: 'syntax' }],
    ['trailing.dot.@gmail.com', { valid: false, reason: 'syntax' }],
    [`${'a'.repeat(65)}@gmail.com`, { valid: false, reason: 'too_long' }],
    [
      `a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`,
      { valid: false, reason: 'too_long' },
    ],
    ['x@[192.0.2.1]', { valid: false, reason: 'ip_domain' }],
    ['x@192.0.2.1', { valid: false, reason: 'ip_domain' }],
    ['a@localhost', { valid: false, reason: 'no_public_suffix' }],
    ['a@b.c', { valid: false, reason: 'no_public_suffix' }],
    ['x@example.invalid', { valid: false, reason: 'no_public_suffix' }],
    ['x@co.uk', { valid: false, reason: 'no_public_suffix' }],
  ])('%j → %j', (input, expected) => {
    expect(validateEmail(input)).toEqual(expected);
    expect(isValidEmail(input)).toBe(expected.valid);
  });

  it('handles absurd inputs without throwing', () => {
    expect(validateEmail('x'.repeat(10 * 1024 * 1024))).toEqual({ valid: false, reason: 'too_long' });
    expect(validateEmail('a\ud800@gmail.com')).toEqual({ valid: false, reason: 'syntax' });
    expect(validateEmail({})).toEqual({ valid: false, reason: 'syntax' });
  });
});

describe('categorizeEmail: real-world domains', () => {
  it.each([
    ['jane@gmail.com', 'personal'],
    ['hans@gmx.de', 'personal'],
    ['klaus@web.de', 'personal'],
    ['ivan@mail.ru', 'personal'],
    ['olga@yandex.ru', 'personal'],
    ['li@qq.com', 'personal'],
    ['wang@163.com', 'personal'],
    ['kim@naver.com', 'personal'],
    ['marie@orange.fr', 'personal'],
    ['luca@libero.it', 'personal'],
    ['jan@seznam.cz', 'personal'],
    ['taro@yahoo.co.jp', 'personal'],
    ['prof@cs.stanford.edu', 'educational'],
    ['don@mail.ox.ac.uk', 'educational'],
    ['student@unimelb.edu.au', 'educational'],
    ['forscher@tum.de', 'educational'],
    ['clerk@cabinetoffice.gov.uk', 'government'],
    ['agent@fbi.gov', 'government'],
    ['fonctionnaire@interieur.gouv.fr', 'government'],
    ['kacho@meti.go.jp', 'government'],
    ['staff@ec.gc.ca', 'government'],
    ['funcionario@sat.gob.mx', 'government'],
    ['sgt@army.mil', 'military'],
    ['officer@forsvaret.mil.no', 'military'],
    ['capt@navy.mil.nz', 'military'],
    ['tmp@mailinator.com', 'disposable'],
    ['x@sub.mailinator.com', 'disposable'],
    ['burner@guerrillamail.com', 'disposable'],
    ['cfo@siemens.com', 'corporate'],
    ['dev@shopify.com', 'corporate'],
    ['bad@@gmail.com', 'invalid'],
  ])('%s → %s', (email, category) => {
    expect(categorizeEmail(email)).toBe(category);
  });

  it('is null for a missing email', () => {
    for (const x of [null, undefined, '', '  ']) expect(categorizeEmail(x)).toBeNull();
  });

  it('categorizes bare domains', () => {
    expect(categorizeEmailDomain('cs.stanford.edu')).toBe('educational');
    expect(categorizeEmailDomain('localhost')).toBeNull();
  });
});

describe('role accounts', () => {
  it.each([
    ['info@example.com', true],
    ['Support+tickets@example.com', true],
    ['noreply@github.com', true],
    ['postmaster@example.org', true],
    ['jane@example.com', false],
    ['information.desk.jane@example.com', false],
    [null, false],
  ])('%s → %s', (email, role) => {
    expect(isRoleAccount(email)).toBe(role);
    if (typeof email === 'string') expect(analyzeEmail(email)?.isRole).toBe(role);
  });
});

describe('normalizeEmail and canonicalEmailKey', () => {
  it('trims, applies NFC, lowercases and puts the domain in ASCII form', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normalizeEmail('Jo\u0301se@MÜNCHEN.de')).toBe('jóse@xn--mnchen-3ya.de');
    expect(normalizeEmail('not an email')).toBeNull();
  });

  it.each([
    ['J.Doe+promo@GoogleMail.com', 'jdoe@gmail.com'],
    ['j.d.o.e@gmail.com', 'jdoe@gmail.com'],
    ['jane+news@outlook.com', 'jane@outlook.com'],
    ['jane+news@hotmail.com', 'jane@hotmail.com'],
    ['jane-shopping@yahoo.com', 'jane@yahoo.com'],
    ['jane+x@icloud.com', 'jane@icloud.com'],
    ['first.last+tag@example.com', 'first.last+tag@example.com'],
    ['a.b@mail.gmail.com', 'a.b@mail.gmail.com'],
  ])('%s → %s', (email, key) => {
    expect(canonicalEmailKey(email)).toBe(key);
  });

  it('never changes the stored (normalized) address', () => {
    expect(normalizeEmail('J.Doe+promo@GoogleMail.com')).toBe('j.doe+promo@googlemail.com');
  });
});

describe('suggestEmailDomain', () => {
  it.each([
    ['jane@gmial.com', 'gmail.com'],
    ['hotmial.com', 'hotmail.com'],
    ['yaho.com', 'yahoo.com'],
    ['joe@outlok.com', 'outlook.com'],
    ['gmail.con', 'gmail.com'],
    ['jane@gmail.com', null],
    ['siemens.com', null],
    ['example.org', null],
    [42, null],
  ])('%j → %j', (input, suggestion) => {
    expect(suggestEmailDomain(input)).toBe(suggestion);
  });
});

describe('properties', () => {
  test.prop([fc.anything()])('never throws on any value', (x) => {
    expect(() => {
      analyzeEmail(x);
      parseEmail(x);
      validateEmail(x);
      categorizeEmail(x);
      normalizeEmail(x);
      canonicalEmailKey(x);
      suggestEmailDomain(x);
      isRoleAccount(x);
    }).not.toThrow();
  });

  const REASONS = ['empty', 'syntax', 'too_long', 'ip_domain', 'no_public_suffix'];
  const reasonsSeen = new Set<string>();
  test.prop([fc.oneof(fc.string({ unit: 'binary' }), emailArb, fc.constantFrom('a@b.c', 'x@[192.0.2.1]', 'a@@b.com'))])(
    'never throws on any string, and invalid results carry a reason: a known code, category invalid, no normalized form',
    (s) => {
      const a = analyzeEmail(s);
      if (a === null || a.validation.valid) return;
      expect(REASONS).toContain(a.validation.reason);
      expect(validateEmail(s)).toEqual({ valid: false, reason: a.validation.reason });
      expect(a.category).toBe('invalid');
      expect(a.normalized).toBeNull();
      reasonsSeen.add(a.validation.reason);
    },
  );

  it('the reason property reached several reasons (not vacuous)', () => {
    expect(reasonsSeen.size).toBeGreaterThanOrEqual(3);
  });

  test.prop([fc.oneof(emailArb, fc.string())])(
    'idempotence: normalizeEmail(normalizeEmail(x)) = normalizeEmail(x)',
    (s) => {
      const once = normalizeEmail(s);
      if (once !== null) expect(normalizeEmail(once)).toBe(once);
    },
  );

  test.prop([fc.oneof(emailArb, fc.string())])('idempotence: canonicalEmailKey is stable on its own output', (s) => {
    const once = canonicalEmailKey(s);
    if (once !== null) expect(canonicalEmailKey(once)).toBe(once);
  });

  test.prop([emailArb])(
    'fc.emailAddress() on real public suffixes is valid and its domain is the generated one, lowercased',
    (email) => {
      const at = email.lastIndexOf('@');
      expect(validateEmail(email)).toEqual({ valid: true });
      expect(analyzeEmail(email)?.domain).toBe(email.slice(at + 1).toLowerCase());
    },
  );

  test.prop([emailArb, fc.constantFrom('', ' ', '\t', '  '), fc.boolean()])(
    'category is stable under case and surrounding whitespace',
    (email, pad, upper) => {
      const variant = `${pad}${upper ? email.toUpperCase() : email}${pad}`;
      expect(categorizeEmail(variant)).toBe(categorizeEmail(email));
    },
  );

  test.prop([fc.oneof(emailArb, fc.string(), fc.emailAddress())])(
    'differential: every address we call valid, validator isEmail accepts too',
    (s) => {
      const a = analyzeEmail(s);
      if (a?.validation.valid) expect(isEmail(a.normalized!, { allow_utf8_local_part: true })).toBe(true);
    },
  );

  it('the generated addresses cover several real suffixes (not vacuous)', () => {
    const suffixes = new Set(fc.sample(emailArb, 300).map((e) => parseEmail(e)?.publicSuffix));
    expect(suffixes.size).toBeGreaterThan(5);
    expect(REAL_SUFFIXES.length).toBeGreaterThan(5);
  });
});

describe('regressions found by the fuzz suite', () => {
  it('canonicalEmailKey keeps a quoted local part as written (a cut tag would unbalance the quotes)', () => {
    const key = canonicalEmailKey('"J.Doe+promo"@GoogleMail.com');
    expect(key).toBe('"j.doe+promo"@googlemail.com');
    expect(canonicalEmailKey(key)).toBe(key);
  });

  it('canonicalEmailKey re-composes after dropping Gmail dots, so the key is stable on itself', () => {
    const key = canonicalEmailKey('jane.\u0301doe@gmail.com');
    expect(key).toBe('jan\u00e9doe@gmail.com');
    expect(canonicalEmailKey(key)).toBe(key);
  });
});

describe('normalizeEmail regression found by the fuzz suite', () => {
  it('re-composes after lowercasing (J + combining caron lowercases to a composable pair)', () => {
    const once = normalizeEmail('J\u030cane@gmail.com');
    expect(once).toBe('\u01f0ane@gmail.com');
    expect(normalizeEmail(once)).toBe(once);
  });
});
