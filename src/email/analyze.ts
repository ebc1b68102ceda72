/**
 * Email analysis in one pass: parse (RFC 5322 addr-spec split on the last '@'), IDN domain (UTS #46 via
 * Node's `url.domainToASCII`), public suffix (tldts, ICANN section of the Public Suffix List only),
 * validation (validator's `isEmail` rules, the practical RFC 5321/5322 subset, split into a per-domain host
 * check and a char-loop local-part check: see ./syntax.ts), category, typo suggestion and role flag.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse as parseHost } from 'tldts';
import { LruCache } from '../shared/lru.js';
import { SeenOnceFilter } from '../shared/seen-once.js';
import { categorizeHost, type DomainCategory } from './categories.js';
import { ROLE_LOCAL_PARTS } from './data/providers.js';
import { suggestProviderFor } from './suggest.js';
import { isEmailHostSyntax, isEmailLocalPartSyntax } from './syntax.js';

/**
 * The category of an email address: its domain's category (`reserved` for special-use names such as
 * `example.com`, RFC 6761), or `invalid` for addresses that fail validation.
 */
export type EmailCategory = DomainCategory | 'invalid';

/**
 * Why an address is invalid (stable codes):
 * - `empty`: empty or whitespace only;
 * - `too_long`: local part over 64 octets or address over 254 (RFC 5321 §4.5.3.1, with RFC 3696 errata 1690);
 * - `syntax`: not an addr-spec that validator's `isEmail` accepts (no '@', bad characters, control characters...);
 * - `ip_domain`: the domain is an IP literal (`[192.0.2.1]`) or a bare IP address;
 * - `no_public_suffix`: the domain does not end in an ICANN public suffix (`localhost`, `b.c`, `x.invalid`),
 *   or is itself only a suffix (`co.uk`).
 */
export type EmailInvalidReason = 'empty' | 'syntax' | 'too_long' | 'ip_domain' | 'no_public_suffix';

/** Result of {@link validateEmail}. */
export type EmailValidation = { valid: true } | { valid: false; reason: EmailInvalidReason };

/** Result of {@link parseEmail}. */
export interface ParsedEmail {
  /** The local part as written (trimmed address, NFC). */
  local: string;
  /** Lowercase ASCII (punycode A-label) host. */
  domain: string;
  /** The same host in Unicode (U-label) form. */
  unicodeDomain: string;
  /** Registrable domain (`cs.stanford.edu` → `stanford.edu`), null when the host is a bare suffix or unknown. */
  registrableDomain: string | null;
  /** ICANN public suffix (`edu`, `ac.uk`), null when the host has none. */
  publicSuffix: string | null;
  /** True when `publicSuffix` is in the ICANN section of the Public Suffix List. */
  isIcann: boolean;
}

/** Result of {@link analyzeEmail}: everything the enricher needs, from one pass. */
export interface EmailAnalysis {
  /** Lowercase ASCII host part, also for invalid addresses that have one; null when there is no host. */
  domain: string | null;
  registrableDomain: string | null;
  publicSuffix: string | null;
  validation: EmailValidation;
  category: EmailCategory;
  isRole: boolean;
  /** {@link normalizeEmail} of a valid address; null when invalid. */
  normalized: string | null;
  /**
   * The common personal provider the domain is probably a typo of (`gmial.com` → `gmail.com`, see
   * {@link suggestEmailDomain}), also for invalid addresses that have a host (`gmail.con`); null otherwise.
   */
  suggestedDomain: string | null;
}

/** Longest input looked at: far above the 254-octet limit, so real addresses are never cut, junk is bounded. */
const MAX_INPUT = 4096;
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

/** C0/C1 controls, DEL: never valid in an address (RFC 5322 allows none unquoted; we reject quoted ones too). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A lone UTF-16 surrogate: not text. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A dotted-quad IPv4 host, or an address literal in brackets (RFC 5321 §4.1.3). */
const IP_HOST = /^(?:\[.*\]|\d{1,3}(?:\.\d{1,3}){3})$/;

/** Only a host starting with `[` or a digit can match {@link IP_HOST}: most hosts skip the regex. */
function mayBeIpHost(host: string): boolean {
  const c = host.charCodeAt(0);
  return c === 0x5b || (c >= 0x30 && c <= 0x39);
}

/** tldts options: the host is already extracted; ICANN section only (private entries such as `github.io` do not count). */
const TLDTS_OPTIONS = { allowPrivateDomains: false, extractHostname: false, validateHostname: true } as const;

interface DomainInfo {
  ascii: string;
  /** The host is an IP address (literal or dotted quad): `ip_domain` whatever else holds. */
  ip: boolean;
  registrable: string | null;
  suffix: string | null;
  isIcann: boolean;
  category: DomainCategory | null;
  /** validator's host rule for `isEmail` (cached with the domain, so the hot path never re-checks it). */
  hostSyntax: boolean;
  suggestion: string | null;
}

/**
 * Printable ASCII other than space (`!`–`~`): such a host skips UTS #46 (lowercasing is all it would do to
 * a valid one; an invalid one fails the host rule either way, as the differential tests check).
 */
function isVisibleAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

function hostInfo(host: string): DomainInfo | null {
  let ascii: string;
  if (isVisibleAscii(host)) ascii = host.toLowerCase();
  else {
    // UTS #46 processing (lowercasing, NFC, punycode), as browsers and mail clients do for IDNs (RFC 5890).
    ascii = domainToASCII(host);
    if (ascii === '') return null;
  }
  const parsed = parseHost(ascii, TLDTS_OPTIONS);
  const suffix = parsed.publicSuffix;
  const registrable = parsed.domain;
  const isIcann = parsed.isIcann === true;
  let category = isIcann && registrable !== null && suffix !== null ? categorizeHost(ascii, registrable, suffix) : null;
  // A likely typo of a major provider: an unlisted one is categorized as the provider meant; a listed one
  // (disposable, ...) keeps its category. The suggestion is given either way (docs/email.md, "Typos").
  const suggestion = suggestProviderFor(ascii);
  if (category === 'corporate' && suggestion !== null) category = 'personal';
  return {
    ascii,
    ip: mayBeIpHost(host) && IP_HOST.test(host),
    registrable,
    suffix,
    isIcann,
    category,
    hostSyntax: isEmailHostSyntax(ascii),
    suggestion,
  };
}

const domainCache = new LruCache<string, DomainInfo | null>(10_000);

/** Hosts are cached on their second sighting (src/shared/seen-once.ts: the long tail of domains seen once stays out). */
const seenHosts = new SeenOnceFilter(1 << 14);

function cachedHostInfo(host: string): DomainInfo | null {
  const hit = domainCache.get(host);
  if (hit !== undefined) return hit;
  const info = hostInfo(host);
  if (seenHosts.seenBefore(host)) domainCache.set(host, info);
  return info;
}

/**
 * Printable ASCII only (U+0020–U+007E): such text is already NFC, has no controls or surrogates, and its
 * UTF-8 length is its length, so the hot path skips those checks. One char loop, no allocation.
 */
function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** Validation results are shared and frozen: they carry no per-address data, and allocating one per call showed in profiles. */
const VALID: EmailValidation = Object.freeze({ valid: true });
const INVALID: Readonly<Record<EmailInvalidReason, EmailValidation>> = {
  empty: Object.freeze({ valid: false, reason: 'empty' }),
  syntax: Object.freeze({ valid: false, reason: 'syntax' }),
  too_long: Object.freeze({ valid: false, reason: 'too_long' }),
  ip_domain: Object.freeze({ valid: false, reason: 'ip_domain' }),
  no_public_suffix: Object.freeze({ valid: false, reason: 'no_public_suffix' }),
};
const invalid = (reason: EmailInvalidReason): EmailValidation => INVALID[reason];

function isRoleLocal(local: string): boolean {
  return isRoleLower(local.toLowerCase());
}

function isRoleLower(lower: string): boolean {
  const plus = lower.indexOf('+');
  return ROLE_LOCAL_PARTS.has(plus < 0 ? lower : lower.slice(0, plus));
}

/**
 * An invalid result. A plain function rather than a closure inside analyzeEmail: the valid path (most
 * records) then allocates nothing it does not return.
 */
function fail(
  reason: EmailInvalidReason,
  domain: string | null,
  at: number,
  local: string,
  suggestedDomain: string | null = null,
): EmailAnalysis {
  return {
    domain,
    registrableDomain: null,
    publicSuffix: null,
    validation: invalid(reason),
    category: 'invalid',
    isRole: at > 0 && isRoleLocal(local),
    normalized: null,
    suggestedDomain,
  };
}

/**
 * Analyzes an email address in one pass. `null` means there is no email (null, undefined, non-strings,
 * empty or whitespace-only strings).
 *
 * @example
 * analyzeEmail('Alice@CS.Stanford.edu');
 * // { domain: 'cs.stanford.edu', registrableDomain: 'stanford.edu', publicSuffix: 'edu',
 * //   validation: { valid: true }, category: 'educational', isRole: false, normalized: 'alice@cs.stanford.edu',
 * //   suggestedDomain: null }
 * analyzeEmail('jane@gmial.com')?.suggestedDomain; // 'gmail.com'
 * analyzeEmail('x@example.com')?.category;          // 'reserved'
 */
export function analyzeEmail(input: unknown): EmailAnalysis | null {
  if (typeof input !== 'string') return null;
  if (input.length > MAX_INPUT) {
    // Bounded work on junk: a multi-megabyte "address" is too long whatever it contains.
    return {
      domain: null,
      registrableDomain: null,
      publicSuffix: null,
      validation: invalid('too_long'),
      category: 'invalid',
      isRole: false,
      normalized: null,
      suggestedDomain: null,
    };
  }
  const text = input.trim();
  if (text.length === 0) return null;
  const at = text.lastIndexOf('@');
  const printable = isPrintableAscii(text);
  const local = at > 0 ? (printable ? text.slice(0, at) : text.slice(0, at).normalize('NFC')) : text;
  const host = at >= 0 ? text.slice(at + 1) : '';
  if (!printable && (CONTROL.test(text) || LONE_SURROGATE.test(text))) return fail('syntax', null, at, local);
  if (at <= 0 || host.length === 0) return fail('syntax', host.length > 0 ? host.toLowerCase() : null, at, local);
  const info = cachedHostInfo(host);
  if (info === null) return fail(IP_HOST.test(host) ? 'ip_domain' : 'syntax', host.toLowerCase(), at, local);
  if (info.ip) return fail('ip_domain', host.toLowerCase(), at, local);
  // RFC 5321 §4.5.3.1 limits are in octets; the host is ASCII (A-labels), so only the local part needs counting.
  const localOctets = printable ? local.length : Buffer.byteLength(local, 'utf8');
  if (localOctets > MAX_LOCAL || localOctets + 1 + info.ascii.length > MAX_ADDRESS) {
    return fail('too_long', info.ascii, at, local, info.suggestion);
  }
  // The public-suffix check comes first so that `a@localhost` and `a@b.c` report the real problem
  // (no ICANN suffix) rather than validator's generic syntax failure for a TLD-less domain.
  if (!info.isIcann || info.registrable === null || info.category === null) {
    const result = fail('no_public_suffix', info.ascii, at, local, info.suggestion);
    result.publicSuffix = info.suffix;
    return result;
  }
  // validator isEmail(address, { allow_utf8_local_part, require_tld, allow_ip_domain: false,
  // ignore_max_length }) = host rule && local-part rule; test/email/syntax.test.ts proves the agreement.
  if (!info.hostSyntax || !isEmailLocalPartSyntax(local)) return fail('syntax', info.ascii, at, local, info.suggestion);
  const lowerLocal = local.toLowerCase();
  return {
    domain: info.ascii,
    registrableDomain: info.registrable,
    publicSuffix: info.suffix,
    validation: VALID,
    category: info.category,
    isRole: isRoleLower(lowerLocal),
    // NFC again after lowercasing: case mapping can produce a composable pair (`J\u030c` → `j\u030c` → `ǰ`).
    normalized: printable ? `${lowerLocal}@${info.ascii}` : `${lowerLocal.normalize('NFC')}@${info.ascii}`,
    suggestedDomain: info.suggestion,
  };
}

/**
 * Splits an address into local part and host, with the host in ASCII and Unicode forms and its
 * registrable domain and public suffix. Does not validate beyond what splitting needs.
 *
 * @example
 * parseEmail('user@MÜNCHEN.de')?.domain;              // 'xn--mnchen-3ya.de'
 * parseEmail('bob@mail.ox.ac.uk')?.registrableDomain; // 'ox.ac.uk'
 */
export function parseEmail(input: unknown): ParsedEmail | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null;
  const text = input.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1 || CONTROL.test(text) || LONE_SURROGATE.test(text)) return null;
  const info = cachedHostInfo(text.slice(at + 1));
  if (info === null) return null;
  return {
    local: text.slice(0, at).normalize('NFC'),
    domain: info.ascii,
    unicodeDomain: domainToUnicode(info.ascii) || info.ascii,
    registrableDomain: info.registrable,
    publicSuffix: info.suffix,
    isIcann: info.isIcann,
  };
}

/**
 * Validates an address: syntax (validator's isEmail, RFC 5321/5322 practical subset), RFC 5321 length
 * limits, no IP domains, and an ICANN public suffix.
 *
 * @example
 * validateEmail('a@localhost'); // { valid: false, reason: 'no_public_suffix' }
 * validateEmail('');            // { valid: false, reason: 'empty' }
 */
export function validateEmail(input: unknown): EmailValidation {
  const a = analyzeEmail(input);
  return a === null ? invalid(typeof input === 'string' ? 'empty' : 'syntax') : a.validation;
}

/**
 * `validateEmail(input).valid`.
 *
 * @example
 * isValidEmail('jane.doe@example.co.uk'); // true
 */
export function isValidEmail(input: unknown): boolean {
  return analyzeEmail(input)?.validation.valid === true;
}

/**
 * The category of an address; `null` when there is no email, `invalid` when it fails validation.
 *
 * @example
 * categorizeEmail('x@gmx.de');             // 'personal'
 * categorizeEmail('x@cabinetoffice.gov.uk'); // 'government'
 */
export function categorizeEmail(input: unknown): EmailCategory | null {
  return analyzeEmail(input)?.category ?? null;
}

/**
 * The category of a bare domain (host part), or `null` when it is not under an ICANN public suffix.
 *
 * @example
 * categorizeEmailDomain('cs.stanford.edu'); // 'educational'
 */
export function categorizeEmailDomain(domain: unknown): DomainCategory | null {
  if (typeof domain !== 'string' || domain.length === 0 || domain.length > 253) return null;
  return cachedHostInfo(domain.trim())?.category ?? null;
}

/**
 * True for role accounts (`info@`, `support@`, `noreply@`, ... per RFC 2142 and common practice),
 * ignoring case and a `+tag`.
 *
 * @example
 * isRoleAccount('Support+tickets@example.com'); // true
 */
export function isRoleAccount(input: unknown): boolean {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return false;
  const text = input.trim();
  const at = text.lastIndexOf('@');
  return at > 0 && isRoleLocal(text.slice(0, at));
}

/**
 * Normalizes an address for storage and comparison: trimmed, NFC, lowercased, the domain in ASCII
 * (punycode) form. `null` when the input is not a valid address. Idempotent. (Lowercasing the local part
 * is what every major provider does in practice, although RFC 5321 lets a server treat it case-sensitively.)
 *
 * @example
 * normalizeEmail('  Jürgen@MÜNCHEN.de '); // 'jürgen@xn--mnchen-3ya.de'
 */
export function normalizeEmail(input: unknown): string | null {
  return analyzeEmail(input)?.normalized ?? null;
}
