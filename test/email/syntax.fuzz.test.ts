/**
 * Long differential run (`npm run test:fuzz`, >= 100k runs; FUZZ_RUNS overrides): the split syntax check
 * (./src/email/syntax.ts) against validator's `isEmail` with the options analyzeEmail used to call it with.
 * Counts show both verdicts and both local-part forms (dot-atom, quoted) were reached.
 */
import { fc } from '@fast-check/vitest';
import isEmail from 'validator/lib/isEmail.js';
import { describe, expect, it } from 'vitest';
import { isEmailHostSyntax, isEmailLocalPartSyntax } from '../../src/email/syntax.js';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const ORACLE = { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false, ignore_max_length: true };

/** Any UTF-16 code unit, weighted towards the class boundaries validator's regexes draw. */
const unitArb = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(
    '.',
    '"',
    '\\',
    '@',
    ' ',
    '\u00a0',
    '\u00a1',
    '\ud7ff',
    '\ud800',
    '\uf900',
    '\ufdd0',
    '\ufdf0',
    '\ufff0',
  ),
);
const localArb = fc.oneof(
  fc.array(unitArb, { maxLength: 10 }).map((a) => a.join('')),
  fc.array(unitArb, { maxLength: 10 }).map((a) => `"${a.join('')}"`),
  fc.emailAddress().map((e) => e.slice(0, e.lastIndexOf('@'))),
);
const hostArb = fc.oneof(
  fc.domain(),
  // The lowercase-LDH fast path: letters, digits, hyphens, dots and A-label prefixes in any order.
  fc
    .array(fc.constantFrom('a', 'n', 'x', 'z', '0', '9', '-', '.', 'xn', 'xn--', 'com'), { maxLength: 12 })
    .map((a) => a.join('')),
  fc
    .array(fc.constantFrom('a', 'Z', '0', '9', '-', '_', '.', 'xn--', 'é', '\uff21', ' ', '山', '\u00a8'), {
      maxLength: 12,
    })
    .map((a) => a.join('')),
);

describe('email syntax fuzz', () => {
  it('isEmailLocalPartSyntax(l) && isEmailHostSyntax(h) = isEmail(l@h) on any code units', () => {
    let valid = 0;
    let quoted = 0;
    fc.assert(
      fc.property(localArb, hostArb, (local, host) => {
        const ours = isEmailLocalPartSyntax(local) && isEmailHostSyntax(host);
        expect(ours).toBe(isEmail(`${local}@${host}`, ORACLE));
        if (ours) {
          valid++;
          if (local.startsWith('"')) quoted++;
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(valid).toBeGreaterThan(NUM_RUNS / 20);
    expect(NUM_RUNS - valid).toBeGreaterThan(NUM_RUNS / 20);
    expect(quoted).toBeGreaterThan(NUM_RUNS / 200);
  });
});
