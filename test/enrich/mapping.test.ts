/**
 * Any table, not just `users` (issue 13): a Debezium stream of a `customers` table whose columns are named
 * differently, through the parser and a mapped enricher; composite and UUID keys; TOAST; big keys; the
 * mapping's properties.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSeedEvents } from '../../bench/corpus.js';
import { type ChangeEvent, parseChangeEvents } from '../../src/cdc/index.js';
import {
  CDC_METADATA_COLUMNS,
  type ColumnMapping,
  createEnricher,
  ENRICHMENT_COLUMNS,
  type EnrichedRow,
  type EnrichResult,
  parseColumnMapping,
  SEED_ROW_FIELDS,
  TEXT_ROLES,
} from '../../src/enrich/index.js';

const FIXED = new Date('2026-11-25T12:00:00.000Z');
const clock = () => FIXED;

const CUSTOMERS: ColumnMapping = {
  id: 'customer_id',
  first_name: 'given_name',
  last_name: 'family_name',
  email: 'email_address',
  phone: 'mobile',
  postal_code: 'zip',
  country: 'country_name',
};
const CUSTOMER_COLUMNS = ['customer_id', 'given_name', 'family_name', 'email_address', 'mobile', 'zip', 'country_name'];

type Customer = {
  customer_id: number | string;
  given_name: string | null;
  family_name: string | null;
  email_address: string | null;
  mobile: string | null;
  zip: string | null;
  country_name: string | null;
};

const source = (snapshot: string | boolean = false) => ({
  version: '2.5.0.Final',
  connector: 'postgresql',
  name: 'shop',
  ts_ms: 1_700_000_000_123,
  snapshot,
  db: 'shop',
  schema: 'public',
  table: 'customers',
  lsn: 24_023_128,
});

const pierre = {
  customer_id: 1,
  given_name: 'Pierre',
  family_name: 'Dubois',
  email_address: 'pierre.dubois@orange.fr',
  mobile: '06 12 34 56 78',
  zip: '75008',
  country_name: 'France',
};

/** The stream, one Kafka message value per line, as Debezium's JsonConverter writes it. */
const stream: (string | null)[] = [
  // snapshot read
  JSON.stringify({ op: 'r', before: null, after: pierre, source: source('first'), ts_ms: 1_700_000_000_200 }),
  // insert with a BIGINT key at its maximum (beyond 2^53): written by hand, JSON.stringify cannot
  `{"op":"c","before":null,"after":{"customer_id":9223372036854775807,"given_name":"Ada","family_name":"Lovelace","email_address":"Ada@Example.co.uk","mobile":"+44 20 7946 0958","zip":"sw1a1aa","country_name":null},"source":${JSON.stringify(source())}}`,
  // TOAST update: family_name was not sent (unchanged toasted value); the email changed to a typo
  JSON.stringify({
    op: 'u',
    before: null,
    after: { ...pierre, family_name: '__debezium_unavailable_value', email_address: 'p.dubois@gmial.com' },
    source: source(),
  }),
  // delete with the default replica identity: the before image holds the key only
  `{"op":"d","before":{"customer_id":9223372036854775807,"given_name":null,"family_name":null,"email_address":null,"mobile":null,"zip":null,"country_name":null},"after":null,"source":${JSON.stringify(source())}}`,
  // the Kafka tombstone after the delete
  null,
  // schema + payload envelope
  JSON.stringify({
    schema: {
      type: 'struct',
      fields: [
        {
          field: 'after',
          type: 'struct',
          optional: true,
          fields: [
            { field: 'customer_id', type: 'int64', optional: false },
            ...CUSTOMER_COLUMNS.slice(1).map((field) => ({ field, type: 'string', optional: true })),
          ],
        },
      ],
    },
    payload: {
      op: 'c',
      before: null,
      after: {
        customer_id: 3,
        given_name: '太郎',
        family_name: '山田',
        email_address: 'taro@yahoo.co.jp',
        mobile: '090-1234-5678',
        zip: '100-0001',
        country_name: 'Japan',
      },
      source: source(),
    },
  }),
];

function events(lines: readonly (string | null)[]): ChangeEvent[] {
  const out: ChangeEvent[] = [];
  for (const line of lines) {
    const r = parseChangeEvents(line);
    if (!r.ok) throw new Error(r.error.code);
    out.push(...r.events);
  }
  return out;
}

function value<T>(r: EnrichResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code} at ${r.error.path.join('.')}`);
  return r.value;
}

describe('a Debezium customers stream through a mapped enricher', () => {
  const enricher = createEnricher<Customer>({ columns: CUSTOMERS, clock });
  const parsed = events(stream);
  const rows = parsed.map((e) => value(enricher.enrichEvent(e)));

  it('the unmapped default enricher fails every event with missing_id naming the key path', () => {
    const r = createEnricher({ clock }).enrichEvent(parsed[0]!);
    expect(r).toEqual({
      ok: false,
      error: { code: 'missing_id', message: 'key column id has no value', path: ['after', 'id'], field: 'id' },
    });
  });

  it('gives one row per change (the tombstone is skipped by the parser), ops in order', () => {
    expect(parsed.map((e) => e.op)).toEqual(['snapshot', 'insert', 'update', 'delete', 'insert']);
    expect(rows.map((r) => r.cdc_operation)).toEqual(['INSERT', 'INSERT', 'UPDATE', 'DELETE', 'INSERT']);
  });

  it('writes the source columns under their own names, then the enrichment columns, then the CDC metadata', () => {
    for (const row of [rows[0]!, rows[1]!, rows[4]!]) {
      expect(Object.keys(row)).toEqual([...CUSTOMER_COLUMNS, ...ENRICHMENT_COLUMNS, ...CDC_METADATA_COLUMNS]);
    }
    expect(enricher.outputColumns(CUSTOMER_COLUMNS)).toEqual(Object.keys(rows[0]!));
    expect(rows[0]).toMatchObject({
      customer_id: 1,
      given_name: 'Pierre',
      full_name: 'Pierre Dubois',
      email_domain: 'orange.fr',
      email_category: 'personal',
      country_code: 'FR',
      inferred_country: 'FR',
      phone_e164: '+33612345678',
      phone_valid: true,
      postal_code_normalized: '75008',
      cdc_sequence: 24_023_128,
      cdc_timestamp: '2023-11-14T22:13:20.123Z',
      migration_timestamp: FIXED.toISOString(),
    });
  });

  it('keeps the BIGINT key exact end to end (decimal string, same digits)', () => {
    expect(rows[1]!.customer_id).toBe('9223372036854775807');
    expect(JSON.stringify(rows[1])).toContain('"customer_id":"9223372036854775807"');
    expect(rows[1]).toMatchObject({ inferred_country: 'GB', phone_country: 'GB', email_domain: 'example.co.uk' });
    expect(rows[3]).toMatchObject({ customer_id: '9223372036854775807', cdc_operation: 'DELETE', full_name: null });
  });

  it('TOAST: the unavailable column and what derives from it are absent, not null', () => {
    const toast = rows[2]!;
    expect(parsed[2]!.unavailable).toEqual(['family_name']);
    expect(Object.hasOwn(toast, 'family_name')).toBe(false);
    expect(Object.hasOwn(toast, 'full_name')).toBe(false);
    expect(toast).toMatchObject({
      given_name: 'Pierre',
      email_address: 'p.dubois@gmial.com',
      email_domain: 'gmial.com',
      email_suggested_domain: 'gmail.com',
      country_code: 'FR',
    });
  });

  it('reads the schema + payload envelope, with column types for the sink', () => {
    expect(rows[4]).toMatchObject({ customer_id: 3, full_name: '山田太郎', country_code: 'JP' });
    expect(parsed[4]!.schema?.['customer_id']).toEqual({ type: 'int64', optional: false });
  });

  it('exposes the resolved mapping', () => {
    expect(enricher.mapping.key).toEqual(['customer_id']);
    expect(enricher.mapping.columns).toEqual({
      first_name: 'given_name',
      last_name: 'family_name',
      email: 'email_address',
      phone: 'mobile',
      postal_code: 'zip',
      country: 'country_name',
    });
    expect(enricher.mapping.isDefault).toBe(false);
  });
});

describe('keys', () => {
  it('composite keys: every key column is required, each named in the failure path', () => {
    const orders = createEnricher({ columns: { id: ['tenant_id', 'order_id'], email: 'buyer_email' }, clock });
    const ok = value(orders.enrichRow({ tenant_id: 'acme', order_id: 9007199254740993n, buyer_email: 'x@gmail.com' }));
    expect(ok).toMatchObject({ tenant_id: 'acme', order_id: '9007199254740993', email_domain: 'gmail.com' });
    expect(orders.enrichRow({ tenant_id: 'acme' })).toMatchObject({
      ok: false,
      error: { code: 'missing_id', path: ['order_id'], field: 'order_id' },
    });
    expect(orders.enrichRow({ tenant_id: { x: 1 }, order_id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_id', path: ['tenant_id'] },
    });
  });

  it('UUID keys pass as text; lossy doubles beyond 2^53 are refused', () => {
    const accounts = createEnricher({ columns: { id: 'account_uuid' }, clock });
    const uuid = '5b4f3e0c-6f1e-4c7a-9d3b-1a2b3c4d5e6f';
    expect(value(accounts.enrichRow({ account_uuid: uuid })).account_uuid).toBe(uuid);
    expect(accounts.enrichRow({ account_uuid: 2 ** 60 })).toMatchObject({ ok: false, error: { code: 'invalid_id' } });
    // the same big key, exact through the parser
    const r = parseChangeEvents(`{"op":"c","after":{"account_uuid":1152921504606846977},"source":{}}`);
    expect(r.ok && value(accounts.enrichEvent(r.events[0]!)).account_uuid).toBe('1152921504606846977');
  });

  it('never reads a key or a column from the prototype', () => {
    const e = createEnricher({ clock });
    expect(e.enrichRow(Object.create({ id: 7 }))).toMatchObject({ ok: false, error: { code: 'missing_id' } });
    const inherited = Object.assign(Object.create({ email: 'x@gmail.com' }), { id: 1 });
    expect(value(e.enrichRow(inherited)).email_domain).toBeNull();
    // columns named like Object.prototype members are ordinary columns
    const odd = createEnricher({ columns: { id: 'constructor', email: 'toString' }, clock });
    expect(odd.enrichRow({ email: 'x' })).toMatchObject({ ok: false, error: { code: 'missing_id' } });
    expect(value(odd.enrichRow({ constructor: 5, toString: 'a@gmail.com' }))).toMatchObject({
      constructor: 5,
      email_domain: 'gmail.com',
    });
  });
});

describe('the mapping is checked like any option', () => {
  it('rejects unknown roles, a missing key, empty and repeated key columns, naming the role', () => {
    expect(() => createEnricher({ columns: { id: 'x', emial: 'y' } as ColumnMapping })).toThrow(
      /createEnricher: unknown option "columns.emial"/,
    );
    expect(() => createEnricher({ columns: {} as ColumnMapping })).toThrow(/invalid option columns.id/);
    expect(() => createEnricher({ columns: { id: '' } })).toThrow(TypeError);
    expect(() => createEnricher({ columns: { id: ['a', 'a'] } })).toThrow(/distinct/);
  });

  it('parseColumnMapping reads role=column pairs (the CLI --map syntax)', () => {
    expect(
      parseColumnMapping(
        'id=customer_id,first_name=given_name,last_name=family_name,email=email_address,phone=mobile,postal_code=zip,country=country_name',
      ),
    ).toEqual(CUSTOMERS);
    expect(parseColumnMapping(' id = tenant_id , id=order_id ')).toEqual({ id: ['tenant_id', 'order_id'] });
    expect(() => parseColumnMapping('id=a,emal=b')).toThrow(/unknown option "emal"/);
    expect(() => parseColumnMapping('id')).toThrow(/"id" is not role=column/);
    expect(() => parseColumnMapping('id=a,email=b,email=c')).toThrow(/mapped twice/);
  });
});

describe('mapping properties', () => {
  const corpus = [...generateSeedEvents(300, 11)].map(
    ({ cdc_operation, cdc_sequence, cdc_timestamp, cdc_source, ...row }) => row,
  );
  const seedRow = fc.constantFrom(...corpus);
  const name = fc
    .stringMatching(/^[a-z][a-z0-9_]{0,11}$/)
    .filter((n) => !ENRICHMENT_COLUMNS.includes(n as never) && !CDC_METADATA_COLUMNS.includes(n as never));
  const renaming = fc.uniqueArray(name, { minLength: SEED_ROW_FIELDS.length, maxLength: SEED_ROW_FIELDS.length });
  const enrichmentOf = (row: Record<string, unknown>) => Object.fromEntries(ENRICHMENT_COLUMNS.map((c) => [c, row[c]]));

  test.prop([seedRow, renaming])(
    'renaming the columns and the mapping together gives the same enrichment (and the same as the users layout)',
    (row, names) => {
      const rename = new Map(SEED_ROW_FIELDS.map((f, i) => [f, names[i]!]));
      const mapping = Object.fromEntries(SEED_ROW_FIELDS.map((f) => [f, rename.get(f)!])) as ColumnMapping;
      const renamed = Object.fromEntries(Object.entries(row).map(([k, v]) => [rename.get(k as never) ?? k, v]));
      const mapped = value(createEnricher({ columns: mapping, clock }).enrichRow(renamed));
      const users = value(createEnricher({ clock }).enrichRow(row));
      expect(enrichmentOf(mapped)).toEqual(enrichmentOf(users as unknown as Record<string, unknown>));
      expect(Object.keys(mapped).slice(0, Object.keys(renamed).length)).toEqual(Object.keys(renamed));
    },
  );

  let dropped = 0;
  test.prop([seedRow, fc.subarray([...TEXT_ROLES], { minLength: 1 }), fc.boolean()])(
    'unavailable columns never appear as null, nor anything derived from them',
    (row, unavailable, mapped) => {
      const event: ChangeEvent = {
        op: 'update',
        before: null,
        after: Object.fromEntries(Object.entries(row).filter(([k]) => !unavailable.includes(k as never))),
        table: 'public.users',
        format: 'debezium',
        position: 1,
        timestamp: null,
        transaction: null,
        beforeImage: 'none',
        unavailable,
      };
      const identity = Object.fromEntries(SEED_ROW_FIELDS.map((f) => [f, f])) as ColumnMapping;
      const r = mapped
        ? createEnricher({ columns: identity, clock }).enrichEvent(event)
        : createEnricher({ clock }).enrichEvent(event);
      const out = value<object>(r) as Record<string, unknown>;
      for (const column of unavailable) expect(Object.hasOwn(out, column)).toBe(false);
      if (unavailable.includes('email')) expect(Object.hasOwn(out, 'email_domain')).toBe(false);
      if (unavailable.includes('first_name') || unavailable.includes('last_name'))
        expect(Object.hasOwn(out, 'full_name')).toBe(false);
      if (unavailable.includes('phone') || unavailable.includes('country'))
        expect(Object.hasOwn(out, 'phone_e164')).toBe(false);
      if (!unavailable.includes('email')) expect(Object.hasOwn(out, 'email_domain')).toBe(true);
      if (ENRICHMENT_COLUMNS.some((c) => !Object.hasOwn(out, c))) dropped++;
    },
  );

  let validPhones = 0;
  let invalidPhones = 0;
  test.prop([
    seedRow,
    fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.stringMatching(/^\+?[0-9 ()-]{4,18}$/)),
  ])('phone_e164 !== null implies phone_valid', (row, phone) => {
    const out = value(createEnricher({ clock }).enrichRow(phone === null ? row : { ...row, phone }));
    if (out.phone_e164 !== null) {
      expect(out.phone_valid).toBe(true);
      validPhones++;
    } else if (out.phone_valid === false) invalidPhones++;
  });

  afterAll(() => {
    // the properties reached their interesting branches
    expect(dropped).toBeGreaterThan(10);
    expect(validPhones).toBeGreaterThan(10);
    expect(invalidPhones).toBeGreaterThan(0);
  });
});

describe('typed output', () => {
  it('createEnricher<Row> types the output row', () => {
    const e = createEnricher<Customer>({ columns: CUSTOMERS, clock });
    const r = e.enrichRow(pierre);
    const row: EnrichedRow<Customer> | null = r.ok ? r.value : null;
    expect(row?.given_name).toBe('Pierre');
    expect(row?.full_name).toBe('Pierre Dubois');
  });
});
