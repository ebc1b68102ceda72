/**
 * Address syntax, split so the enricher's hot path pays for the host check once per domain.
 *
 * validator's `isEmail(address, { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false,
 * ignore_max_length: true })` (the practical RFC 5321/5322 subset we validate against) is the conjunction of
 * two independent checks: `isFQDN` on the host and a character check of the local part. The host check is
 * validator's own `isFQDN` (so agreement there is by construction) and is cached with the domain; the
 * local-part check below is a single char-code loop instead of validator's per-call option merging,
 * `split('.')` and regex per atom (about 3 µs per call). `test/email/syntax.test.ts` proves agreement with
 * `isEmail` by a differential property test.
 *
 * validator is loaded on the first host that needs it (one outside lowercase LDH, which UTS #46 and our
 * lowercasing never produce for a real host): importing it costs a few milliseconds of start-up that most
 * processes would pay for nothing.
 */
import { createRequire } from 'node:module';

const FQDN_OPTIONS = { require_tld: true, allow_underscores: false, ignore_max_length: true } as const;

type IsFqdn = typeof import('validator/lib/isFQDN.js').default;
let isFQDN: IsFqdn | undefined;

/** validator's `isFQDN`, loaded on first use (synchronously, from the ESM and the CommonJS build alike). */
function loadIsFqdn(): IsFqdn {
  isFQDN ??= createRequire(import.meta.url)('validator/lib/isFQDN.js') as IsFqdn;
  return isFQDN;
}

/**
 * validator's host rule for `isEmail` with `require_tld` (a dotted name, alphabetic or `xn--` TLD, labels of
 * letters, digits and inner hyphens, no underscores, no full-width forms). Lengths are checked elsewhere.
 */
export function isEmailHostSyntax(host: string): boolean {
  const fast = lowercaseLdhHostSyntax(host);
  return fast === undefined ? loadIsFqdn()(host, FQDN_OPTIONS) : fast;
}

/**
 * validator's `isFQDN` rule (with the options above) for hosts made only of `a-z`, `0-9`, `-` and `.`, which
 * is what UTS #46 and our lowercasing produce for every real host: at least two non-empty labels, none
 * starting or ending with `-`, and a TLD of two or more letters or an `xn--` A-label (`xn` + 2 or more).
 * `undefined` for any other character, left to validator itself. One char loop; the cold-cache path of
 * analyzeEmail runs it once per distinct host. Agreement with `isFQDN` is tested differentially.
 */
function lowercaseLdhHostSyntax(host: string): boolean | undefined {
  let labels = 0;
  let labelStart = 0;
  let ok = true;
  let tldLetters = true;
  for (let i = 0; i <= host.length; i++) {
    const c = i < host.length ? host.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      const length = i - labelStart;
      if (length === 0 || host.charCodeAt(labelStart) === 0x2d || host.charCodeAt(i - 1) === 0x2d) ok = false;
      labels++;
      if (i < host.length) {
        labelStart = i + 1;
        tldLetters = true;
      }
    } else if (c >= 0x61 && c <= 0x7a) {
      // a-z
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
      tldLetters = false;
    } else {
      return undefined;
    }
  }
  if (!ok || labels < 2) return false;
  const tldLength = host.length - labelStart;
  if (tldLetters) return tldLength >= 2;
  // `xn[a-z0-9-]{2,}`: an A-label TLD such as `xn--p1ai` (.рф).
  return tldLength >= 4 && host.charCodeAt(labelStart) === 0x78 && host.charCodeAt(labelStart + 1) === 0x6e;
}

/**
 * True for a UTF-16 code unit validator allows in the non-ASCII part of a local part:
 * U+00A0–U+D7FF (quoted) or U+00A1–U+D7FF (atom), U+F900–U+FDCF and U+FDF0–U+FFEF (no surrogates,
 * private use, noncharacters U+FDD0–U+FDEF or specials U+FFF0–U+FFFF).
 */
function isUtf8Unit(c: number, quoted: boolean): boolean {
  return (c >= (quoted ? 0xa0 : 0xa1) && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xffef);
}

/** RFC 5322 atext (letters, digits and ``!#$%&'*+-/=?^_`{|}~``), by ASCII code. */
const ATEXT = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~") {
  ATEXT[ch.charCodeAt(0)] = 1;
}

/** JavaScript `\s` code units (the White_Space set plus BOM), which validator's quoted-string rule allows. */
function isJsWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Quoted-string content: qtext (and whitespace), or a backslash and the character it escapes. */
function isQuotedContent(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) {
      // quoted-pair: `\` then %x01-09 / %x0B-0C / %x0D-7F or a UTF-8 character (RFC 6532).
      i++;
      if (i >= end) return false;
      const e = s.charCodeAt(i);
      if (!((e >= 0x01 && e <= 0x09) || e === 0x0b || e === 0x0c || (e >= 0x0d && e <= 0x7f) || isUtf8Unit(e, true))) {
        return false;
      }
    } else if (
      !(
        isJsWhitespace(c) ||
        (c >= 0x01 && c <= 0x08) ||
        c === 0x0b ||
        c === 0x0c ||
        (c >= 0x0e && c <= 0x1f) ||
        c === 0x7f ||
        c === 0x21 ||
        (c >= 0x23 && c <= 0x5b) ||
        (c >= 0x5d && c <= 0x7e) ||
        isUtf8Unit(c, true)
      )
    ) {
      return false;
    }
  }
  return true;
}

/**
 * validator's local-part rule with `allow_utf8_local_part`: a dot-atom (atoms of atext or UTF-8 characters
 * separated by single dots, no leading or trailing dot) or a quoted string (RFC 5322 §3.4.1, RFC 6532).
 * Everything else in the address (length limits, host) is checked separately.
 */
export function isEmailLocalPartSyntax(local: string): boolean {
  const n = local.length;
  if (n > 0 && local.charCodeAt(0) === 0x22 && local.charCodeAt(n - 1) === 0x22) {
    // validator strips the first and last character when both are quotes (a lone `"` gives empty content).
    return isQuotedContent(local, 1, n - 1);
  }
  let atomLength = 0;
  for (let i = 0; i < n; i++) {
    const c = local.charCodeAt(i);
    if (c === 0x2e) {
      if (atomLength === 0) return false;
      atomLength = 0;
    } else if (c < 128 ? ATEXT[c] === 1 : isUtf8Unit(c, false)) {
      atomLength++;
    } else {
      return false;
    }
  }
  return atomLength > 0;
}
