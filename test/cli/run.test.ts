/**
 * `runCli` in-process (injected stdin, stdout, stderr and environment): every command's help, the column
 * mapping (`--map`, `--map-file`, `CDC_ENRICH_MAP`), `--default-country`, failure lines, the all-failed hint.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CDC_METADATA_COLUMNS, ENRICHMENT_COLUMNS, FAILURE_CODES } from '../../src/enrich/index.js';
import { failures, fixture, runInProcess, statsOf } from './helpers.js';

const CUSTOMERS_MAP =
  'id=customer_id,first_name=given_name,last_name=family_name,email=email_address,phone=mobile,postal_code=zip,country=country_name';
const CUSTOMER_COLUMNS = ['customer_id', 'given_name', 'family_name', 'email_address', 'mobile', 'zip', 'country_name'];
const customers = readFileSync(fixture('customers.ndjson'), 'utf8');

describe('--help', () => {
  it.each([
    ['parse', [], ['--input', '--format', '--stats', 'Environment variables: none', 'Example:']],
    [
      'enrich',
      ['--map', '--map-file', '--default-country', 'CDC_ENRICH_MAP', 'CDC_ENRICH_DEFAULT_COUNTRY'],
      ['--input', '--format', '--stats', 'Example:', 'cdc-enrich enrich --input customers.ndjson'],
    ],
  ])('%s --help lists its flags, environment variables and an example', async (command, specific, common) => {
    const r = await runInProcess([command, '--help']);
    expect(r.code).toBe(0);
    const text = r.stdout.join('\n');
    for (const word of [...specific, ...common]) expect(text).toContain(word);
  });

  it('the top-level help names every command and how to get its help', async () => {
    const r = await runInProcess(['--help']);
    expect(r.stdout.join('\n')).toMatch(/cdc-enrich parse[\s\S]*cdc-enrich enrich[\s\S]*<command> --help/);
  });
});

describe('enrich a customers table with --map', () => {
  it('without a mapping: every event fails with missing_id, and one hint names --map', async () => {
    const r = await runInProcess(['enrich', '--stats'], customers.split('\n').slice(0, 4).join('\n'));
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([]);
    expect(failures(r.stderr).map((f) => [f.line, f.code, f.path])).toEqual([
      [1, 'missing_id', ['after', 'id']],
      [2, 'missing_id', ['after', 'id']],
      [3, 'missing_id', ['after', 'id']],
      [4, 'missing_id', ['before', 'id']],
    ]);
    const hints = r.stderr.filter((l) => l.startsWith('{"hint"')).map((l) => JSON.parse(l) as { hint: string });
    expect(hints).toHaveLength(1);
    expect(hints[0]!.hint).toMatch(/--map/);
    expect(statsOf(r.stderr)).toMatchObject({ rows: 0, errors: 4, errors_by_code: { missing_id: 4 } });
  });

  it.each([
    ['--map', ['enrich', '--map', CUSTOMERS_MAP], {}],
    ['--map-file', ['enrich', '--map-file', fixture('customers.mapping.json')], {}],
    ['CDC_ENRICH_MAP', ['enrich'], { CDC_ENRICH_MAP: CUSTOMERS_MAP }],
  ])(
    'with %s: source columns, enrichments, CDC metadata; exact keys; TOAST columns absent',
    async (_how, argv, env) => {
      const r = await runInProcess([...argv, '--stats'], customers, env);
      expect(r.code).toBe(0);
      expect(failures(r.stderr)).toEqual([]);
      expect(r.stderr.some((l) => l.startsWith('{"hint"'))).toBe(false);
      const rows = r.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows.map((row) => row['cdc_operation'])).toEqual(['INSERT', 'INSERT', 'UPDATE', 'DELETE', 'INSERT']);
      expect(Object.keys(rows[0]!)).toEqual([...CUSTOMER_COLUMNS, ...ENRICHMENT_COLUMNS, ...CDC_METADATA_COLUMNS]);
      // the BIGINT key keeps its digits in the NDJSON output
      expect(r.stdout[1]).toContain('"customer_id":"9223372036854775807"');
      expect(rows[3]!['customer_id']).toBe('9223372036854775807');
      // TOAST: family_name and full_name absent, not null
      expect(Object.hasOwn(rows[2]!, 'family_name')).toBe(false);
      expect(Object.hasOwn(rows[2]!, 'full_name')).toBe(false);
      expect(rows[2]).toMatchObject({ email_suggested_domain: 'gmail.com', given_name: 'Pierre' });
      // a plain row of the mapped table (no envelope)
      expect(rows[4]).toMatchObject({ customer_id: 4, full_name: 'Jürgen Müller', inferred_country: 'DE' });
      expect(statsOf(r.stderr)).toMatchObject({ lines: 6, rows: 5, errors: 0, skipped_by_reason: { tombstone: 1 } });
    },
  );

  it.each([
    [['enrich', '--map', 'id=a,emial=b'], /unknown option "emial"/],
    [['enrich', '--map', 'customer_id'], /is not role=column/],
    [['enrich', '--map', 'id=a', '--map-file', 'x.json'], /not both/],
    [['enrich', '--map-file', '/nonexistent/mapping.json'], /cannot read --map-file/],
    [['parse', '--map', 'id=a'], /enrich command only/],
    [['enrich', '--cache-size', 'lots'], /--cache-size takes a whole number/],
    [['parse', '--cache-size', '10'], /enrich command only/],
  ])('%j is a usage error (exit 2) that says why', async (argv, message) => {
    const r = await runInProcess(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.join('\n')).toMatch(message);
  });
});

describe('--default-country', () => {
  const row = JSON.stringify({ id: 1, phone: '030 901820', postal_code: '10115' });
  it.each(['DE', 'de', 'DEU', 'Germany', 'Deutschland'])(
    '%j reads national phones and postal codes as German',
    async (country) => {
      const r = await runInProcess(['enrich', '--default-country', country], row);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout[0]!)).toMatchObject({
        phone_e164: '+4930901820',
        phone_country: 'DE',
        inferred_country: 'DE',
      });
    },
  );

  it('comes from CDC_ENRICH_DEFAULT_COUNTRY when the flag is absent; the flag wins', async () => {
    const env = { CDC_ENRICH_DEFAULT_COUNTRY: 'FR' };
    expect(JSON.parse((await runInProcess(['enrich'], row, env)).stdout[0]!)).toMatchObject({ phone_country: null });
    const flag = await runInProcess(['enrich', '--default-country', 'DE'], row, env);
    expect(JSON.parse(flag.stdout[0]!)).toMatchObject({ phone_country: 'DE' });
  });

  it('without it, a national number has no region', async () => {
    const r = await runInProcess(['enrich'], row);
    expect(JSON.parse(r.stdout[0]!)).toMatchObject({ phone_e164: null, inferred_country: null });
  });

  it('rejects what names no country (exit 2)', async () => {
    const r = await runInProcess(['enrich', '--default-country', 'Atlantis']);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toMatch(/--default-country must name a country/);
  });
});

describe('--cache-size', () => {
  it('any bound (0 = no cache) gives the same rows', async () => {
    const input = readFileSync(fixture('mixed.ndjson'), 'utf8');
    const strip = (lines: string[]) => lines.map((l) => l.replace(/"migration_timestamp":"[^"]*"/, ''));
    const a = await runInProcess(['enrich', '--cache-size', '0'], input);
    const b = await runInProcess(['enrich'], input, { CDC_ENRICH_CACHE_SIZE: '3' });
    expect(a.stdout.length).toBe(5);
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  });
});

describe('failure lines', () => {
  it('carry line, a registered code, a message without data, and the path as an array', async () => {
    const input = ['not json', '{"op":"x","source":{}}', '{"id":1,"email":{"nested":"secret@x.com"}}'].join('\n');
    const r = await runInProcess(['enrich'], input);
    const f = failures(r.stderr);
    expect(f).toEqual([
      { line: 1, code: 'invalid_json', message: expect.any(String), path: [] },
      { line: 2, code: 'invalid_operation', message: expect.any(String), path: ['op'] },
      { line: 3, code: 'invalid_field', message: expect.any(String), path: ['email'] },
    ]);
    for (const x of f) expect(Object.hasOwn(FAILURE_CODES, x.code)).toBe(true);
    expect(r.stderr.join('\n')).not.toContain('secret');
    // three different codes: no hint
    expect(r.stderr.some((l) => l.startsWith('{"hint"'))).toBe(false);
  });
});
