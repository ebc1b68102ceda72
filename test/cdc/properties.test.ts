/** Property tests (fast-check default run count): round-trips per format, totality, auto-detection, ordering. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { comparePositions, detectFormat, parseChangeEvents } from '../../src/cdc/index.js';
import { anyCase, caseArbs, text } from './arbitraries.js';

/** Plain copies, so that null-prototype rows compare by content. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe.each(Object.entries(caseArbs))('%s envelopes', (format, arb) => {
  test.prop([arb])('round-trip to the expected normalized events (explicit format)', (c) => {
    const r = parseChangeEvents(text(c), { format: c.format });
    expect(r.ok && plain(r.events)).toEqual(plain(c.expected));
  });
  test.prop([arb])('auto-detection agrees with the explicit format', (c) => {
    expect(detectFormat(JSON.parse(text(c)))).toBe(format === 'wal2json' ? 'wal2json' : c.format);
    expect(plain(parseChangeEvents(text(c)))).toEqual(plain(parseChangeEvents(text(c), { format: c.format })));
  });
  test.prop([arb])('string, bytes and parsed input give the same result', (c) => {
    const s = text(c);
    const a = plain(parseChangeEvents(s));
    expect(plain(parseChangeEvents(Buffer.from(s)))).toEqual(a);
    expect(plain(parseChangeEvents(JSON.parse(s)))).toEqual(a);
  });
});

test.prop([anyCase])('rows never inherit from Object.prototype and nothing is polluted', (c) => {
  const r = parseChangeEvents(text(c));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  for (const e of r.events)
    for (const row of [e.before, e.after]) if (row !== null) expect(row instanceof Object).toBe(false);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

test.prop([fc.uint8Array({ maxLength: 300 })])('random bytes never throw and give a documented result', (bytes) => {
  const r = parseChangeEvents(bytes);
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok)
    expect(r.error.code).toMatch(
      /^(invalid_json|unknown_format|missing_field|invalid_field|invalid_operation|too_large)$/,
    );
});

test.prop([fc.jsonValue()])('random JSON values never throw', (v) => {
  expect(() => parseChangeEvents(JSON.stringify(v))).not.toThrow();
  expect(() => parseChangeEvents(v)).not.toThrow();
});

test.prop([anyCase, fc.integer({ min: 0, max: 200 })])(
  'a truncated envelope is invalid JSON (or, cut to nothing, a tombstone), never a throw',
  (c, cut) => {
    const s = text(c);
    const prefix = s.slice(0, Math.min(cut, s.length - 1));
    const r = parseChangeEvents(prefix);
    if (prefix.trim() === '') expect(r).toEqual({ ok: true, events: [], skipped: 'tombstone' });
    else expect(r).toMatchObject({ ok: false, error: { code: 'invalid_json', path: [] } });
  },
);

const position = fc.oneof(fc.nat(), fc.stringMatching(/^[a-z.-]{0,6}\d{0,8}(:\d{1,6}){0,2}$/), fc.constant(null));
test.prop([position, position, position])('comparePositions is antisymmetric and transitive', (a, b, c) => {
  expect(Math.sign(comparePositions(a, b))).toBe(-Math.sign(comparePositions(b, a)) || 0);
  if (comparePositions(a, b) <= 0 && comparePositions(b, c) <= 0) expect(comparePositions(a, c)).toBeLessThanOrEqual(0);
});
test.prop([fc.nat(), fc.nat()])('comparePositions orders numbers and their decimal strings alike', (a, b) => {
  expect(Math.sign(comparePositions(String(a), String(b)))).toBe(Math.sign(a - b));
  expect(Math.sign(comparePositions(a, String(b)))).toBe(Math.sign(a - b));
});
