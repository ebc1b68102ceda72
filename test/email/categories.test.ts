import { fc, test } from '@fast-check/vitest';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { domainTable } from '../../src/email/categories.js';
import { ISP_MAILBOX_DOMAINS } from '../../src/email/data/isp.js';
import { SPECIAL_USE_DOMAINS } from '../../src/email/data/reserved.js';
import { readThirdPartyLists } from '../../src/email/data/third-party.js';
import { analyzeEmail, categorizeEmail, categorizeEmailDomain, suggestEmailDomain } from '../../src/email/index.js';
import { toAlpha2 } from '../../src/geo/country.js';

describe('reserved names (RFC 2606, RFC 6761, IANA special-use registry)', () => {
  it.each([
    // RFC 2606 §3 / RFC 6761 §6.5: second-level names reserved for documentation, with subdomains.
    ['x@example.com', 'reserved'],
    ['jane.doe@EXAMPLE.NET', 'reserved'],
    ['a@mail.example.org', 'reserved'],
    // RFC 7686 (.onion) and RFC 8375 (home.arpa) are ICANN suffixes in the Public Suffix List.
    ['x@duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion', 'reserved'],
    ['printer@nas.home.arpa', 'reserved'],
    // Reserved top-level names have no ICANN suffix: invalid.
    ['x@foo.test', 'invalid'],
    ['x@foo.example', 'invalid'],
    ['x@example.invalid', 'invalid'],
    ['x@app.localhost', 'invalid'],
    ['x@printer.local', 'invalid'],
    // Not reserved by any RFC: ordinary registrations under other suffixes.
    ['x@example.co.uk', 'corporate'],
    ['x@myexample.com', 'corporate'],
  ])('%s → %s', (email, category) => {
    expect(categorizeEmail(email)).toBe(category);
  });

  it('a reserved address is valid (syntax and suffix are fine) and never personal or corporate', () => {
    expect(analyzeEmail('x@example.com')).toMatchObject({
      validation: { valid: true },
      category: 'reserved',
      normalized: 'x@example.com',
    });
    expect(analyzeEmail('x@foo.test')?.validation).toEqual({ valid: false, reason: 'no_public_suffix' });
  });

  const labelArb = fc.stringMatching(/^[a-z0-9]{1,8}$/);
  const tailArb = fc.constantFrom(...SPECIAL_USE_DOMAINS, 'com', 'co.uk', 'arpa', 'org', 'de', 'example.co.uk');

  test.prop([fc.array(labelArb, { minLength: 1, maxLength: 3 }), tailArb])(
    'differential: reserved exactly when tldts (detectSpecialUse) says special-use, for valid hosts',
    (labels, tail) => {
      const host = `${labels.join('.')}.${tail}`;
      const special = parse(host, { extractHostname: false, detectSpecialUse: true }).isSpecialUse === true;
      const category = categorizeEmail(`x@${host}`);
      if (category !== 'invalid') expect(category === 'reserved').toBe(special);
      else expect(special || !parse(host, { extractHostname: false }).isIcann).toBe(true);
    },
  );

  it('every special-use name is one tldts knows too (the list is not stale)', () => {
    for (const name of SPECIAL_USE_DOMAINS) {
      expect(parse(`x.${name}`, { extractHostname: false, detectSpecialUse: true }).isSpecialUse, name).toBe(true);
    }
  });
});

describe('ISP mailboxes are personal', () => {
  it.each([
    // The examples.
    ['jan@ziggo.nl'],
    ['jan@kpn.nl'],
    ['ola@online.no'],
    ['joe@comcast.net'],
    ['hans@t-online.de'],
    // Big ISPs of other markets (src/email/data/isp.ts names the source of each).
    ['joe@verizon.net'],
    ['joe@sbcglobal.net'],
    ['sam@btinternet.com'],
    ['marie@orange.fr'],
    ['luigi@alice.it'],
    ['pepe@telefonica.net'],
    ['anna@telia.com'],
    ['taro@ocn.ne.jp'],
    ['min@hanmail.net'],
    ['raj@bsnl.in'],
    ['bruce@bigpond.com'],
    ['kim@shaw.ca'],
    ['joao@uol.com.br'],
    ['wei@hinet.net'],
    ['sipho@mweb.co.za'],
  ])('%s → personal', (email) => {
    expect(categorizeEmail(email)).toBe('personal');
  });

  it('covers at least 30 markets, with ISO alpha-2 countries and lowercase registrable domains', () => {
    const countries = new Set(ISP_MAILBOX_DOMAINS.map((isp) => isp.country));
    expect(countries.size).toBeGreaterThanOrEqual(30);
    for (const country of countries) expect(toAlpha2(country), country).toBe(country);
    const all = ISP_MAILBOX_DOMAINS.flatMap((isp) => isp.domains);
    expect(new Set(all).size).toBe(all.length);
    for (const domain of all) {
      expect(domain).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
      const parsed = parse(domain, { extractHostname: false });
      expect(parsed.isIcann && parsed.domain !== null, domain).toBe(true);
    }
  });

  it('every ISP domain categorizes as personal (no stronger list claims one)', () => {
    const other = ISP_MAILBOX_DOMAINS.flatMap((isp) => isp.domains).filter(
      (d) => categorizeEmailDomain(d) !== 'personal',
    );
    expect(other).toEqual([]);
  });
});

describe('typos of major providers', () => {
  it.each([
    // In the email-providers list (typo-squatting domains accept mail), now flagged.
    ['jane@gmial.com', 'personal', 'gmail.com'],
    ['jane@hotmial.com', 'personal', 'hotmail.com'],
    // Not in any list: categorized as the provider meant, not as a company.
    ['jane@yaho.com', 'personal', 'yahoo.com'],
    ['jane@outlok.com', 'personal', 'outlook.com'],
    // Real providers and companies close to a provider: not typos (keyboard-aware distance).
    ['jane@gmail.com', 'personal', null],
    ['jane@email.com', 'personal', null],
    ['ceo@zoom.com', 'corporate', null],
    ['ceo@aon.com', 'corporate', null],
    ['ceo@bol.com', 'corporate', null],
    ['cfo@siemens.com', 'corporate', null],
  ])('%s → %s, suggested %j', (email, category, suggested) => {
    const a = analyzeEmail(email);
    expect(a?.validation).toEqual({ valid: true });
    expect(a?.category).toBe(category);
    expect(a?.suggestedDomain).toBe(suggested);
    expect(suggestEmailDomain(email)).toBe(suggested);
  });

  it('an invalid address with a likely typo in its suffix still carries the suggestion', () => {
    expect(analyzeEmail('jane@gmail.con')).toMatchObject({
      validation: { valid: false, reason: 'no_public_suffix' },
      category: 'invalid',
      suggestedDomain: 'gmail.com',
    });
  });

  it('a typo never outranks a stronger list (disposable, educational...)', () => {
    expect(analyzeEmail('x@mailinator.com')).toMatchObject({ category: 'disposable', suggestedDomain: null });
    expect(analyzeEmail('x@ox.ac.uk')).toMatchObject({ category: 'educational', suggestedDomain: null });
  });
});

describe('precedence and the packed table', () => {
  it.each([
    ['x@mailinator.com', 'disposable'],
    ['x@a.b.mailinator.com', 'disposable'],
    ['x@defence.gov.au', 'military'],
    ['x@forces.gc.ca', 'military'],
    ['x@canada.ca', 'government'],
    ['x@inf.ethz.ch', 'educational'],
  ])('%s → %s', (email, category) => {
    expect(categorizeEmail(email)).toBe(category);
  });

  it('wildcard disposable entries cover strict subdomains and the registrable name itself', () => {
    const { disposableWildcard, disposable } = readThirdPartyLists();
    const listed = new Set(disposable);
    const wildcard = disposableWildcard.find((d) => !listed.has(d) && parse(d).domain === d);
    expect(wildcard).toBeDefined();
    expect(categorizeEmailDomain(`anything.${wildcard}`)).toBe('disposable');
    expect(categorizeEmailDomain(wildcard)).toBe('disposable');
  });

  it('holds every name of the third-party lists (a sample) and no look-alike', () => {
    const { disposable, providers } = readThirdPartyLists();
    const table = domainTable();
    const all = new Set([...disposable, ...providers]);
    expect(table.size).toBeGreaterThan(125_000);
    for (const name of [...disposable.slice(0, 2000), ...providers.slice(0, 2000)]) {
      expect(table.flagsOf(name), name).not.toBe(0);
      expect(table.flagsOf(`x${name}`) !== 0, `x${name}`).toBe(all.has(`x${name}`));
    }
  });
});
