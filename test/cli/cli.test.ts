/**
 * The CLI as a process (the current sources through tsx, so never a stale build; the built bin is covered by
 * test/package) on sample files: stdout, stderr and exit codes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USERS_ENRICHED_COLUMNS } from '../../src/enrich/index.js';
import { fixture as fixtureFile, runProcess } from './helpers.js';

const fixture = fixtureFile('mixed.ndjson');
const run = runProcess;

describe('cdc-enrich CLI', () => {
  it('--help prints usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.join('\n')).toMatch(/cdc-enrich parse/);
  });

  it('enrich: one row per change or plain row, bad lines on stderr, exit 0', () => {
    const r = run(['enrich', '--input', fixture, '--stats']);
    expect(r.code).toBe(0);
    const rows = r.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => x['id'])).toEqual([1, 2, 3, 4, 1]);
    expect(Object.keys(rows[0]!).slice(0, 21)).toEqual([...USERS_ENRICHED_COLUMNS]);
    expect(rows.map((x) => x['cdc_operation'])).toEqual(['INSERT', 'INSERT', 'INSERT', 'INSERT', 'DELETE']);
    expect(rows[0]).toMatchObject({
      inferred_country: 'GB',
      email_domain: 'example.co.uk',
      phone_e164: '+442079460958',
    });
    expect(rows[1]).toMatchObject({ inferred_country: 'DE', full_name: 'Jürgen Müller', email_category: 'personal' });
    expect(rows[2]).toMatchObject({ full_name: '山田太郎', inferred_country: 'JP' });
    expect(rows[3]).toMatchObject({ inferred_country: 'US' });
    const errors = r.stderr
      .filter((l) => l.startsWith('{"line"'))
      .map((l) => JSON.parse(l) as { line: number; code: string });
    expect(errors).toEqual([expect.objectContaining({ line: 2, code: 'invalid_json' })]);
    const stats = r.stderr
      .map((l) => JSON.parse(l) as { stats?: { lines: number; rows: number; errors: number } })
      .find((x) => x.stats);
    expect(stats?.stats).toMatchObject({ lines: 7, rows: 5, errors: 1 });
  });

  it('parse: normalized events from stdin, never the raw payload on stderr', () => {
    const input = readFileSync(fixture, 'utf8');
    const r = run(['parse'], input);
    expect(r.code).toBe(0);
    const events = r.stdout.map((l) => JSON.parse(l) as { op: string; format: string });
    expect(events.map((e) => e.format)).toEqual(['seed', 'seed', 'debezium', 'seed']);
    expect(events.map((e) => e.op)).toEqual(['insert', 'insert', 'insert', 'delete']);
    expect(r.stderr.some((l) => l.includes('Lovelace') || l.includes('not json'))).toBe(false);
    // the plain row (no cdc fields) is not a change message: reported, not guessed
    expect(r.stderr.filter((l) => l.startsWith('{"line"')).length).toBe(2);
  });

  it('reports an over-long line and goes on', () => {
    const big = `{"id":9,"address":"${'x'.repeat(17 * 1024 * 1024)}"}`;
    const file = join(tmpdir(), `cdc-enrich-cli-${process.pid}.ndjson`);
    writeFileSync(file, `${big}\n{"id":10,"email":"a@gmail.com"}\n`);
    const r = run(['enrich', '--input', file]);
    expect(r.code).toBe(0);
    expect(r.stdout.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([10]);
    expect(JSON.parse(r.stderr[0]!)).toMatchObject({ line: 1, code: 'too_large' });
  });

  it('the bounded-heap child process gives the same output as running in place (CDC_ENRICH_HEAP=default)', () => {
    const strip = (lines: string[]) => lines.map((l) => l.replace(/"migration_timestamp":"[^"]*"/, ''));
    const bounded = run(['enrich', '--input', fixture]);
    const inPlace = runProcess(['enrich', '--input', fixture], undefined, { CDC_ENRICH_HEAP: 'default' });
    expect(bounded.code).toBe(0);
    expect(strip(bounded.stdout)).toEqual(strip(inPlace.stdout));
    expect(bounded.stderr).toEqual(inPlace.stderr);
  });

  it.each([
    [['frobnicate'], 2],
    [[], 2],
    [['enrich', '--format', 'xml'], 2],
    [['enrich', '--default-country', 'Atlantis'], 2],
    [['parse', '--no-such-flag'], 2],
    [['enrich', '--input', '/nonexistent/file.ndjson'], 1],
  ])('%j exits %i', (args, code) => {
    expect(run(args, '').code).toBe(code);
  });
});
