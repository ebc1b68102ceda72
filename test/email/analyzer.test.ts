import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { analyzeEmail, createEmailAnalyzer } from '../../src/email/index.js';
import { emailArb } from './arbitraries.js';

describe('createEmailAnalyzer', () => {
  const analyze = createEmailAnalyzer({ cacheSize: 64 });

  test.prop([
    fc.array(fc.oneof(emailArb, fc.string(), fc.constantFrom('jane@gmail.com', ' JANE@gmail.com ', '')), {
      maxLength: 30,
    }),
  ])('same results as analyzeEmail, first time and on repeats (cache transparency)', (inputs) => {
    for (const x of [...inputs, ...inputs]) expect(analyze(x)).toEqual(analyzeEmail(x));
  });

  test.prop([fc.anything()])('never throws on any value', (x) => {
    expect(() => analyze(x)).not.toThrow();
  });

  it('returns the cached (frozen) object on a repeat', () => {
    const first = analyze('ops@example.co.uk');
    expect(analyze('ops@example.co.uk')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toMatchObject({ isRole: false, category: 'corporate', normalized: 'ops@example.co.uk' });
  });

  it('does not cache junk longer than any address, and works without a cache', () => {
    const junk = `${'a'.repeat(400)}@example.com`;
    expect(analyze(junk)).not.toBe(analyze(junk));
    expect(analyze(junk)?.validation).toEqual({ valid: false, reason: 'too_long' });
    expect(createEmailAnalyzer({ cacheSize: 0 })('a@b.c')).toEqual(analyzeEmail('a@b.c'));
  });

  it.each([-1, 1.5, Number.NaN, '10' as never])('rejects cacheSize %j (programmer misuse)', (cacheSize) => {
    expect(() => createEmailAnalyzer({ cacheSize })).toThrow(/createEmailAnalyzer: invalid option cacheSize/);
  });

  it('rejects an unknown or misspelled option with a TypeError naming it', () => {
    expect(() => createEmailAnalyzer({ cachesize: 5 } as never)).toThrow(TypeError);
    expect(() => createEmailAnalyzer({ cachesize: 5 } as never)).toThrow(
      'createEmailAnalyzer: unknown option "cachesize"',
    );
    expect(() => createEmailAnalyzer(42 as never)).toThrow(TypeError);
    expect(createEmailAnalyzer()('a@gmail.com')?.category).toBe('personal');
  });

  let evicted = 0;
  let repeats = 0;
  test.prop(
    [
      // More distinct addresses than the cache holds (64), so entries are evicted; fast-check's default size
      // would cap arrays at 10 elements, hence the explicit lengths.
      fc.uniqueArray(emailArb, { minLength: 100, maxLength: 400, size: 'max' }),
    ],
    { numRuns: 20 },
  )('evicts beyond its capacity and stays transparent: an evicted address is recomputed, equal', (inputs) => {
    const small = createEmailAnalyzer({ cacheSize: 64 });
    const first = inputs.map((x) => small(x));
    for (const [i, x] of inputs.entries()) {
      const again = small(x);
      expect(again).toEqual(analyzeEmail(x));
      repeats++;
      // A different object means the first result had been evicted and the address was analyzed again.
      if (again !== first[i]) evicted++;
    }
  });

  it('the eviction property saw evictions (not vacuous): at least one per run of more than 64 addresses', () => {
    expect(repeats).toBeGreaterThanOrEqual(20 * 100);
    expect(evicted).toBeGreaterThanOrEqual(20);
  });
});
