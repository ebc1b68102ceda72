/** Our own fixtures for the formats Flink lacks (seed, AWS DMS, wal2json v1/v2), built from each format's docs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseChangeEvents } from '../../src/cdc/index.js';

const dir = fileURLToPath(new URL('../fixtures/cdc/', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

describe.each(['seed', 'dms', 'wal2json-v1', 'wal2json-v2'])('fixture %s', (name) => {
  const lines = readFileSync(`${dir}${name}.ndjson`, 'utf8').split('\n').filter(Boolean);
  const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')).results as unknown[];

  it('has one expectation per message', () => {
    expect(lines.length).toBe(expected.length);
    expect(lines.length).toBeGreaterThan(2);
  });

  it.each(lines.map((line, i) => [i + 1, line, expected[i]] as const))(
    'line %i gives the documented result',
    (_n, line, exp) => {
      for (const format of ['auto', name.startsWith('wal2json') ? 'wal2json' : name] as const) {
        const r = parseChangeEvents(line, { format: format as 'auto' });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect({ events: r.events, ...(r.skipped ? { skipped: r.skipped } : {}) }).toEqual(exp);
      }
    },
  );
});

describe('data/sample_events.json', () => {
  const raw = readFileSync(`${root}data/sample_events.json`, 'utf8');
  const source = JSON.parse(raw) as Record<string, unknown>[];

  it('parses as a whole (a JSON array of seed events) and per event', () => {
    const r = parseChangeEvents(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.events).toHaveLength(source.length);
    expect(source.length).toBeGreaterThanOrEqual(20);
    r.events.forEach((e, i) => {
      const s = source[i]!;
      expect(e.format).toBe('seed');
      expect(e.position).toBe(s['cdc_sequence']);
      expect(e.timestamp).toBe(new Date(s['cdc_timestamp'] as string).toISOString());
      const row = e.op === 'delete' ? e.before : e.after;
      const { cdc_operation, cdc_timestamp, cdc_sequence, cdc_source, ...fields } = s;
      expect(e.op).toBe((cdc_operation as string).toLowerCase());
      expect({ ...row }).toEqual(fields);
      expect(Object.keys(row ?? {}).some((k) => k.startsWith('cdc_'))).toBe(false);
    });
  });

  it('holds inserts, updates and deletes of earlier ids, in increasing sequence', () => {
    const ops = new Set(source.map((s) => s['cdc_operation']));
    expect(ops).toEqual(new Set(['INSERT', 'UPDATE', 'DELETE']));
    const inserted = new Set<unknown>();
    let last = -1;
    for (const s of source) {
      if (s['cdc_operation'] === 'INSERT') inserted.add(s['id']);
      else expect(inserted.has(s['id'])).toBe(true);
      expect(s['cdc_sequence'] as number).toBeGreaterThan(last);
      last = s['cdc_sequence'] as number;
    }
    expect(source.some((s) => s['country'] === null && typeof s['postal_code'] === 'string')).toBe(true);
  });
});
