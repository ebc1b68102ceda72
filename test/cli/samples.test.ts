/**
 * The CLI (current sources, in-process and as a process) on the shipped sample (data/sample_events.json,
 * converted to NDJSON here), on skip-only messages, and with the format forced: stdout, stderr, exit codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENRICHED_USER_COLUMNS } from '../../src/enrich/index.js';
import { failures, root, runProcess } from './helpers.js';

const sample = JSON.parse(readFileSync(join(root, 'data', 'sample_events.json'), 'utf8')) as Record<string, unknown>[];
const sampleNdjson = `${sample.map((e) => JSON.stringify(e)).join('\n')}\n`;

const run = runProcess;

interface StatsLine {
  stats: { lines: number; events: number; rows: number; errors: number; skipped: number; skipped_by_reason: object };
}
const statsOf = (stderr: string[]) =>
  stderr.map((l) => JSON.parse(l) as Partial<StatsLine>).find((x) => x.stats !== undefined)?.stats;

describe('cdc-enrich on data/sample_events.json', () => {
  it('the sample is a non-trivial seed-format file (the test is not vacuous)', () => {
    expect(sample.length).toBeGreaterThanOrEqual(10);
    expect(new Set(sample.map((e) => e['cdc_operation']))).toEqual(new Set(['INSERT', 'UPDATE', 'DELETE']));
  });

  it('enrich (stdin): one row per event, in input order, with the sequence, op and timestamp of its event', () => {
    const r = run(['enrich', '--stats'], sampleNdjson);
    expect(r.code).toBe(0);
    const rows = r.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.length).toBe(sample.length);
    rows.forEach((row, i) => {
      const event = sample[i]!;
      expect(Object.keys(row)).toEqual([...ENRICHED_USER_COLUMNS]);
      expect(row['id']).toBe(event['id']);
      expect(row['cdc_operation']).toBe(event['cdc_operation']);
      expect(row['cdc_sequence']).toBe(event['cdc_sequence']);
      expect(Date.parse(String(row['cdc_timestamp']))).toBe(Date.parse(String(event['cdc_timestamp'])));
      // the record's own columns come through unchanged
      for (const k of ['first_name', 'last_name', 'email', 'phone', 'country', 'postal_code'] as const) {
        expect(row[k]).toBe(event[k] ?? null);
      }
      // column semantics that hold for every row
      // no email = null, absent, empty or blank (the email primitives' definition of a missing address)
      if (typeof event['email'] !== 'string' || event['email'].trim() === '') {
        expect([row['email_category'], row['is_valid_email_flag']]).toEqual([null, null]);
      } else {
        expect(typeof row['is_valid_email_flag']).toBe('boolean');
        if (row['is_valid_email_flag'] === false) expect(row['normalized_email']).toBeNull();
      }
      if (row['country_code'] !== null) expect(row['inferred_country']).toBe(row['country_code']);
    });
    expect(r.stderr.filter((l) => l.startsWith('{"line"'))).toEqual([]);
    expect(statsOf(r.stderr)).toMatchObject({ lines: sample.length, rows: sample.length, errors: 0 });
  });

  it('parse (forced --format seed): one normalized event per line, the row without the cdc_* fields', () => {
    const r = run(['parse', '--format', 'seed'], sampleNdjson);
    expect(r.code).toBe(0);
    const events = r.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.length).toBe(sample.length);
    events.forEach((event, i) => {
      const seed = sample[i]!;
      expect(event['format']).toBe('seed');
      expect(event['position']).toBe(seed['cdc_sequence']);
      expect(event['op']).toBe(String(seed['cdc_operation']).toLowerCase());
      const row = (event['op'] === 'delete' ? event['before'] : event['after']) as Record<string, unknown>;
      expect(row['id']).toBe(seed['id']);
      expect(Object.keys(row).some((k) => k.startsWith('cdc_'))).toBe(false);
    });
  });

  it('a forced format that does not match reports every line and still exits 0', () => {
    const r = run(['parse', '--format', 'maxwell'], sampleNdjson);
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([]);
    const errors = failures(r.stderr);
    expect(errors.map((e) => e.line)).toEqual(sample.map((_, i) => i + 1));
    // every line failed the same way: one hint at the end says what to check
    expect(JSON.parse(r.stderr.at(-1)!)).toMatchObject({
      code: errors[0]!.code,
      hint: expect.stringMatching(/--format/),
    });
    // no payload in the messages
    for (const e of errors) expect(e.message).not.toContain(String(sample[0]!['email']));
  });
});

describe('cdc-enrich skips', () => {
  const skips = [
    'null', // kafka-console-consumer's tombstone
    '{"schema":null,"payload":null}', // Debezium tombstone with the JSON converter's envelope
    '{"database":"crm","table":"users","type":"table-create","ts":1}', // Maxwell DDL
    JSON.stringify(sample[0]),
  ].join('\n');

  it.each([['parse'], ['enrich']])('%s counts tombstones and DDL as skipped, not as errors', (command) => {
    const r = run([command, '--stats'], skips);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(1);
    expect(statsOf(r.stderr)).toMatchObject({
      lines: 4,
      errors: 0,
      skipped: 3,
      skipped_by_reason: { tombstone: 2, ddl: 1 },
    });
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const r = run(['--version'], '');
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([version]);
  });
});
