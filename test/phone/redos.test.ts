/**
 * ReDoS: every regex in src/phone is checked with recheck, which decides super-linear backtracking by
 * automata analysis (no timing). That covers the literals in the source and the patterns built from
 * libphonenumber-js metadata (national, leading digits, national prefix, every number type of every region).
 * The 25-odd combined "other regions" filters are 10 KB alternations that take about a second each to
 * analyze, so they are checked in the fuzz suite (redos.fuzz.test.ts, `npm run test:fuzz`).
 *
 * Independently of the analysis, inputs are capped at 256 characters before any regex runs and the
 * metadata patterns only ever see digit strings of at most 17 characters.
 */
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { MAX_PHONE_INPUT_LENGTH, normalizePhone } from '../../src/phone/index.js';
import { compiledPatternsForAudit } from '../../src/phone/regions.js';
import { phoneRegexLiterals } from './redos-shared.js';

const literals = phoneRegexLiterals();
const fromMetadata = compiledPatternsForAudit().filter((p) => p.kind !== 'otherRegions');
const uniqueFromMetadata = [...new Map(fromMetadata.map((p) => [p.re.source, p])).values()];

describe('ReDoS: regexes of src/phone', () => {
  it('finds the literals and the metadata patterns (not vacuous)', () => {
    expect(literals.length).toBeGreaterThanOrEqual(2);
    expect(uniqueFromMetadata.length).toBeGreaterThan(1000);
  });

  it.each(literals.map((r) => [r.where, r] as const))('literal %s is safe', (_where, r) => {
    expect({ pattern: r.source, status: checkSync(r.source, r.flags).status }).toEqual({
      pattern: r.source,
      status: 'safe',
    });
  });

  it('every pattern built from the metadata is safe', () => {
    const unsafe = uniqueFromMetadata
      .map((p) => ({ where: `${p.kind} ${p.where}`, status: checkSync(p.re.source, p.re.flags).status }))
      .filter((r) => r.status !== 'safe');
    expect(unsafe).toEqual([]);
  }, 120_000);

  it.each([
    ['digits', '0'.repeat(MAX_PHONE_INPUT_LENGTH)],
    ['separators', `+${'1 -.'.repeat(MAX_PHONE_INPUT_LENGTH / 4 - 1)}`],
    ['parentheses', `+1${'('.repeat(MAX_PHONE_INPUT_LENGTH - 3)}`],
    ['IDD then zeros', `011${' '.repeat(100)}${'0'.repeat(100)}`],
    ['extension marks', `+1 212 555 0100${' ext'.repeat(55)}`],
    ['hashes', `${'#'.repeat(MAX_PHONE_INPUT_LENGTH)}`],
  ])('adversarial %s input completes with a result or null', (_name, input) => {
    const r = normalizePhone(input, { defaultCountry: 'US' });
    expect(r === null || typeof r.e164 === 'string').toBe(true);
  });
});
