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
    expect(() => createEmailAnalyzer({ cacheSize })).toThrow(TypeError);
  });
});
