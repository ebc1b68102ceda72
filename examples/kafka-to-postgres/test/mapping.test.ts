/**
 * Any table through a column mapping (issue 13 item 7): a Debezium stream of `customers` (and composite-key,
 * UUID-key and hostile-name tables) into `<table>_enriched`, on PGlite always and on real PostgreSQL when the
 * services are up (in CI they must be). Expected values are written by hand from the events, not computed by the
 * enricher.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { runPipeline } from '../src/pipeline.js';
import { mappedTableSpec, type PrepareOptions } from '../src/prepare.js';
import { createInlinePreparer } from '../src/preparers.js';
import { createPgliteDriver } from '../src/sinks/pglite.js';
import { createSqlSink, type SqlDriver } from '../src/sinks/sql-sink.js';
import { createGeneratorSource } from '../src/sources/generator.js';
import { quoteIdentifier, shortIdentifier } from '../src/table.js';
import { requireServices, runId } from './helpers.js';
import { createTestSchema, testDb } from './integration-helpers.js';

const services = await requireServices();

const CUSTOMER_FIELDS = [
  { field: 'customer_id', type: 'int64', optional: false },
  { field: 'given_name', type: 'string', optional: true },
  { field: 'family_name', type: 'string', optional: true },
  { field: 'email_address', type: 'string', optional: true },
  { field: 'mobile', type: 'string', optional: true },
  { field: 'zip', type: 'string', optional: true },
  { field: 'country_name', type: 'string', optional: true },
];

/** A Debezium value schema for a row struct (https://debezium.io/documentation/reference/stable/connectors/postgresql.html). */
function envelopeSchema(fields: readonly object[]) {
  const row = { type: 'struct', optional: true, fields };
  return {
    type: 'struct',
    name: 'crm.public.customers.Envelope',
    fields: [
      { field: 'before', ...row },
      { field: 'after', ...row },
      { field: 'source', type: 'struct', fields: [] },
      { field: 'op', type: 'string', optional: false },
      { field: 'ts_ms', type: 'int64', optional: true },
    ],
  };
}

/**
 * One Debezium message as text. `rowJson` is raw JSON so that integers beyond 2^53 stay exact in the message,
 * as a real connector writes them.
 */
function debezium(op: 'c' | 'r' | 'u' | 'd', rowJson: string, lsn: number, schema: object | null, table = 'customers') {
  const source = `{"version":"2.5.0.Final","connector":"postgresql","name":"crm","ts_ms":1700000000000,"db":"crm","schema":"public","table":"${table}","lsn":${lsn}}`;
  const before = op === 'd' ? rowJson : 'null';
  const after = op === 'd' ? 'null' : rowJson;
  const payload = `{"before":${before},"after":${after},"source":${source},"op":"${op}","ts_ms":${1700000000000 + lsn}}`;
  return schema ? `{"schema":${JSON.stringify(schema)},"payload":${payload}}` : payload;
}

const BIG = '9007199254740993'; // 2^53 + 1: not representable as a double
const SCHEMA = envelopeSchema(CUSTOMER_FIELDS);
const customer = (
  id: string,
  given: string,
  family: string,
  email: string,
  mobile: string,
  zip: string,
  country: string | null,
) =>
  `{"customer_id":${id},"given_name":"${given}","family_name":"${family}","email_address":"${email}","mobile":"${mobile}","zip":"${zip}","country_name":${country === null ? 'null' : `"${country}"`}}`;

const CUSTOMER_STREAM: (string | null)[] = [
  debezium(
    'r',
    customer('1', 'Pierre', 'Dubois', 'pierre.dubois@orange.fr', '06 12 34 56 78', '75008', 'France'),
    100,
    SCHEMA,
  ),
  debezium(
    'c',
    customer(BIG, 'Ada', 'Lovelace', 'Ada@Example.co.uk', '+44 20 7946 0958', 'SW1A 1AA', null),
    200,
    SCHEMA,
  ),
  debezium('c', customer('2', 'Bob', 'Smith', 'bob.smith@gmail.com', '+1 212 555 0100', '10001', 'USA'), 300, SCHEMA),
  // TOAST: family_name was not sent; its stored value (and full_name, derived from it) must survive.
  debezium(
    'u',
    customer('1', 'Pierre', '__debezium_unavailable_value', 'p.dubois@yahoo.fr', '06 12 34 56 78', '75008', 'France'),
    400,
    SCHEMA,
  ),
  debezium('d', customer('2', 'Bob', 'Smith', 'bob.smith@gmail.com', '+1 212 555 0100', '10001', 'USA'), 500, SCHEMA),
  null, // the Kafka tombstone that follows a Debezium delete
  // An older update of the deleted key, replayed late: the tombstone keeps it out.
  debezium('u', customer('2', 'Bob', 'Smith', 'old@gmail.com', '+1 212 555 0100', '10001', 'USA'), 450, SCHEMA),
  // Schema-less message of the same table (no types): still applied.
  debezium(
    'u',
    customer(BIG, 'Ada', 'King', 'ada@example.co.uk', '+44 20 7946 0958', 'SW1A 1AA', 'United Kingdom'),
    600,
    null,
  ),
];
const CUSTOMER_MAP = {
  id: 'customer_id',
  first_name: 'given_name',
  last_name: 'family_name',
  email: 'email_address',
  phone: 'mobile',
  postal_code: 'zip',
  country: 'country_name',
};

type Open = () => Promise<{ driver: SqlDriver; close(): Promise<void> }>;

async function stream(
  open: Open,
  table: string,
  key: string[],
  columns: Record<string, unknown>,
  messages: (string | null)[],
  setup: (driver: SqlDriver) => Promise<unknown> = async () => {},
) {
  const { driver, close } = await open();
  await setup(driver);
  const prepare: PrepareOptions = { enricher: { columns: columns as never } };
  const sink = createSqlSink(driver, { table: mappedTableSpec(table, key) });
  const totals = await runPipeline({
    source: createGeneratorSource({ messages: () => messages, topic: `crm.public.${table}`, batchSize: 3 }),
    sink,
    groupId: 'mapping-test',
    preparer: createInlinePreparer(prepare),
    maxBatchMessages: 3,
    progressIntervalMs: 0,
  }).done;
  return { driver, totals, close };
}

function suite(name: string, open: Open) {
  describe(`mapped tables on ${name}`, () => {
    test('customers: typed from the schema, TOAST column kept, big key exact, deletes and tombstones', async () => {
      const { driver, totals, close } = await stream(open, 'customers', ['customer_id'], CUSTOMER_MAP, CUSTOMER_STREAM);
      try {
        expect(totals).toMatchObject({ consumed: 8, applied: 7, skipped: 1, deadLettered: 0 });
        const types = await driver.query(
          `SELECT column_name, data_type FROM information_schema.columns
           WHERE table_name = 'customers_enriched' AND table_schema = current_schema() ORDER BY ordinal_position`,
        );
        const typeOf = new Map(types.rows.map((r) => [r['column_name'], r['data_type']]));
        expect([...typeOf.keys()].slice(0, 7)).toEqual(CUSTOMER_FIELDS.map((f) => f.field));
        expect(typeOf.get('customer_id')).toBe('bigint');
        expect(typeOf.get('given_name')).toBe('text');
        expect(typeOf.get('is_valid_email_flag')).toBe('boolean');
        expect(typeOf.get('cdc_sequence')).toBe('bigint');
        const pk = await driver.query(
          `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
           WHERE i.indrelid = 'customers_enriched'::regclass AND i.indisprimary`,
        );
        expect(pk.rows.map((r) => r['attname'])).toEqual(['customer_id']);
        const rows = await driver.query(
          `SELECT customer_id::text AS id, given_name, family_name, email_address, email_domain, full_name,
                  inferred_country, cdc_sequence::int AS seq
           FROM customers_enriched ORDER BY customer_id`,
        );
        expect(rows.rows).toEqual([
          {
            id: '1',
            given_name: 'Pierre',
            family_name: 'Dubois', // not overwritten by the TOAST update
            email_address: 'p.dubois@yahoo.fr',
            email_domain: 'yahoo.fr',
            full_name: 'Pierre Dubois', // derived from the unavailable column: kept too
            inferred_country: 'FR',
            seq: 400,
          },
          {
            id: BIG, // exact: 2^53 + 1
            given_name: 'Ada',
            family_name: 'King',
            email_address: 'ada@example.co.uk',
            email_domain: 'example.co.uk',
            full_name: 'Ada King',
            inferred_country: 'GB',
            seq: 600,
          },
        ]);
        const tomb = await driver.query(
          'SELECT customer_id::text AS id, cdc_sequence::int AS seq FROM customers_enriched_tombstones',
        );
        expect(tomb.rows).toEqual([{ id: '2', seq: 500 }]);
      } finally {
        await close();
      }
    });

    test('composite key (tenant_id, order_id), no schema: TEXT columns, one row per key pair', async () => {
      const order = (tenant: string, id: number, contact: string) =>
        `{"tenant_id":"${tenant}","order_id":${id},"contact":"${contact}","ship_zip":"10115"}`;
      const messages = [
        debezium('c', order('acme', 1, 'a@acme.example'), 10, null, 'orders'),
        debezium('c', order('globex', 1, 'g@globex.example'), 11, null, 'orders'),
        debezium('u', order('acme', 1, 'billing@acme.example'), 12, null, 'orders'),
      ];
      const { driver, close } = await stream(
        open,
        'orders',
        ['tenant_id', 'order_id'],
        { id: ['tenant_id', 'order_id'], email: 'contact', postal_code: 'ship_zip' },
        messages,
      );
      try {
        const rows = await driver.query(
          'SELECT tenant_id, order_id, contact, email_is_role FROM orders_enriched ORDER BY tenant_id',
        );
        expect(rows.rows).toEqual([
          { tenant_id: 'acme', order_id: '1', contact: 'billing@acme.example', email_is_role: true },
          { tenant_id: 'globex', order_id: '1', contact: 'g@globex.example', email_is_role: false },
        ]);
      } finally {
        await close();
      }
    });

    test('UUID key typed from io.debezium.data.Uuid', async () => {
      const schema = envelopeSchema([
        { field: 'account_id', type: 'string', optional: false, name: 'io.debezium.data.Uuid' },
        { field: 'email', type: 'string', optional: true },
      ]);
      const uuid = '6f1c2a3e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
      const { driver, close } = await stream(open, 'accounts', ['account_id'], { id: 'account_id', email: 'email' }, [
        debezium('c', `{"account_id":"${uuid}","email":"x@example.org"}`, 7, schema, 'accounts'),
      ]);
      try {
        const type = await driver.query(
          `SELECT data_type FROM information_schema.columns
           WHERE table_name = 'accounts_enriched' AND column_name = 'account_id' AND table_schema = current_schema()`,
        );
        expect(type.rows).toEqual([{ data_type: 'uuid' }]);
        const rows = await driver.query('SELECT account_id::text AS id FROM accounts_enriched');
        expect(rows.rows).toEqual([{ id: uuid }]);
      } finally {
        await close();
      }
    });

    test('hostile table and column names are quoted, never spliced', async () => {
      const table = 'x"; DROP TABLE canary; --';
      const longName = `c_${'é'.repeat(40)}`; // 82 bytes: over PostgreSQL's 63
      const row = JSON.stringify({ 'id"q': 5, 'naïve ✓ col': 'v1', [longName]: 'v2', "it's": 'v3' });
      const { driver, close } = await stream(
        open,
        table,
        ['id"q'],
        { id: 'id"q' },
        [debezium('c', row, 1, null, 'weird')],
        (d) => d.query('CREATE TABLE IF NOT EXISTS canary (n int)'),
      );
      try {
        const canary = await driver.query(`SELECT to_regclass('canary')::text AS t`);
        expect(canary.rows).toEqual([{ t: 'canary' }]);
        const target = quoteIdentifier(`${table}_enriched`);
        const rows = await driver.query(
          `SELECT "id""q"::text AS id, "naïve ✓ col" AS a, ${quoteIdentifier(longName)} AS b, "it's" AS c FROM ${target}`,
        );
        expect(rows.rows).toEqual([{ id: '5', a: 'v1', b: 'v2', c: 'v3' }]);
        expect(Buffer.byteLength(shortIdentifier(longName))).toBeLessThanOrEqual(63);
        expect(shortIdentifier(longName)).not.toBe(shortIdentifier(`${longName}x`));
      } finally {
        await close();
      }
    });
  });
}

suite('PGlite', async () => {
  const driver = await createPgliteDriver();
  return { driver, close: () => driver.close() };
});

if (services) {
  const id = runId();
  const schemas: { drop(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const s of schemas) await s.drop().catch(() => {});
  });
  let n = 0;
  suite('PostgreSQL', async () => {
    const schema = await createTestSchema(
      services.databaseUrl,
      `m_${id}_${n++}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase(),
    );
    schemas.push(schema);
    const driver = testDb(schema.url);
    return { driver, close: () => driver.close() };
  });
}
