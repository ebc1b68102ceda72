/** Example tests per format: every op, every skip case and every error code, with real-world envelopes. */
import { describe, expect, it } from 'vitest';
import {
  type ChangeEvent,
  comparePositions,
  decimalFromBase64,
  detectFormat,
  PARSE_ERROR_CODES,
  type ParseOptions,
  type ParseResult,
  parseChangeEvents,
  SKIP_REASONS,
} from '../../src/cdc/index.js';
import { formatFailurePath } from '../../src/shared/errors.js';

function events(input: unknown, options?: ParseOptions): ChangeEvent[] {
  const r = parseChangeEvents(
    typeof input === 'string' || input instanceof Uint8Array ? input : JSON.stringify(input),
    options,
  );
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} (${formatFailurePath(r.error.path)})`);
  return r.events;
}
function one(input: unknown, options?: ParseOptions): ChangeEvent {
  const e = events(input, options);
  expect(e).toHaveLength(1);
  return e[0]!;
}
function skipped(input: unknown, options?: ParseOptions): string | undefined {
  const r = parseChangeEvents(JSON.stringify(input), options);
  expect(r.ok).toBe(true);
  if (!r.ok) return undefined;
  expect(r.events).toHaveLength(0);
  return r.skipped;
}
/** The error, with its path array written as text (`payload.before`, `change[0].kind`) for short expectations. */
function error(input: unknown, options?: ParseOptions): { code: string; path: string; message: string } {
  const r: ParseResult = parseChangeEvents(typeof input === 'string' ? input : JSON.stringify(input), options);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('expected an error');
  expect(Array.isArray(r.error.path)).toBe(true);
  return { ...r.error, path: formatFailurePath(r.error.path) };
}

const pgSource = {
  version: '2.5.0.Final',
  connector: 'postgresql',
  name: 'shop',
  ts_ms: 1700000000123,
  ts_us: 1700000000123456,
  snapshot: 'false',
  db: 'shop',
  schema: 'public',
  table: 'users',
  txId: 771,
  lsn: 24023128,
};

describe('input decoding', () => {
  const msg = { op: 'c', before: null, after: { id: 1 }, source: pgSource };
  it('accepts a string, a Buffer, a Uint8Array and an already-parsed object alike', () => {
    const text = JSON.stringify(msg);
    const a = one(text);
    expect(one(Buffer.from(text))).toEqual(a);
    expect(one(new TextEncoder().encode(text))).toEqual(a);
    const r = parseChangeEvents(msg);
    expect(r.ok && r.events[0]).toEqual(a);
  });
  it('treats null, undefined, empty and whitespace input as tombstones', () => {
    for (const t of [null, undefined, '', '  \n', new Uint8Array(0)]) {
      expect(parseChangeEvents(t)).toEqual({ ok: true, events: [], skipped: 'tombstone' });
    }
  });
  it('reads a UTF-8 byte-order mark', () => {
    expect(one(`\uFEFF${JSON.stringify(msg)}`).op).toBe('insert');
  });
  it('invalid_json: broken JSON and invalid UTF-8, without echoing the payload', () => {
    const e = error('{"op":"c","after":{"email":"secret@example.com"');
    expect(e.code).toBe('invalid_json');
    expect(e.message).not.toContain('secret');
    const r = parseChangeEvents(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(!r.ok && r.error.code).toBe('invalid_json');
  });
  it('too_large: rejects before parsing (default 1 MiB, configurable)', () => {
    const big = `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`;
    expect(error(big).code).toBe('too_large');
    expect(error(JSON.stringify(msg), { maxMessageBytes: 10 }).code).toBe('too_large');
    // Multi-byte characters count as their UTF-8 bytes.
    const r = parseChangeEvents(Buffer.from(`"${'é'.repeat(10)}"`), { maxMessageBytes: 15 });
    expect(!r.ok && r.error.code).toBe('too_large');
    expect(one(JSON.stringify(msg), { maxMessageBytes: Number.POSITIVE_INFINITY }).op).toBe('insert');
  });
  it('unknown_format: JSON that is not an envelope', () => {
    for (const v of ['42', '"text"', 'true', '{"hello":"world"}', '[[1]]'])
      expect(error(v).code).toBe('unknown_format');
  });
  it('reads a JSON array as a list of messages, with the index in error paths', () => {
    expect(events([msg, msg])).toHaveLength(2);
    expect(error([msg, { op: 'x', source: {} }]).path).toBe('[1].op');
    expect(parseChangeEvents('[]')).toEqual({ ok: true, events: [] });
  });
  it('every documented code and skip reason has a description', () => {
    expect(Object.keys(PARSE_ERROR_CODES).sort()).toEqual(
      ['invalid_field', 'invalid_json', 'invalid_operation', 'missing_field', 'too_large', 'unknown_format'].sort(),
    );
    expect(Object.keys(SKIP_REASONS)).toHaveLength(8);
  });
  it('throws TypeError only for invalid options', () => {
    expect(() => parseChangeEvents('{}', { format: 'avro' as 'seed' })).toThrow(TypeError);
    expect(() => parseChangeEvents('{}', { maxMessageBytes: -1 })).toThrow(TypeError);
    expect(() => parseChangeEvents('{}', { filter: { table: '(' } })).toThrow(TypeError);
  });
  it('names an unknown or misspelled option (strict schema)', () => {
    expect(() => parseChangeEvents('{}', { fromat: 'seed' } as ParseOptions)).toThrow(
      new TypeError('parseChangeEvents: unknown option "fromat"'),
    );
    expect(() => parseChangeEvents('{}', { filter: { tabel: 'x' } } as ParseOptions)).toThrow(
      /unknown option "filter.tabel"/,
    );
  });
  it('error paths are arrays of keys and indexes', () => {
    const r = parseChangeEvents(JSON.stringify([msg, { schema: {}, payload: { op: 'c', source: {}, after: 'x' } }]));
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_field', path: [1, 'payload', 'after'] } });
    expect(parseChangeEvents('not json')).toMatchObject({ ok: false, error: { code: 'invalid_json', path: [] } });
  });
});

describe('prototype pollution', () => {
  const hostile =
    '{"op":"c","before":null,"after":{"id":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}},"source":{"db":"a","table":"b"}}';
  it.each([
    ['debezium', hostile],
    [
      'maxwell',
      '{"database":"a","table":"b","type":"update","ts":1,"data":{"id":1,"__proto__":{"polluted":true}},"old":{"__proto__":{"polluted":2}}}',
    ],
    [
      'canal',
      '{"data":[{"id":"1","__proto__":{"polluted":true}}],"old":[{"__proto__":"x"}],"database":"a","table":"b","isDdl":false,"type":"UPDATE","mysqlType":{"id":"int"}}',
    ],
    [
      'wal2json v1',
      '{"change":[{"kind":"insert","schema":"a","table":"b","columnnames":["__proto__","constructor"],"columntypes":["json","json"],"columnvalues":[{"polluted":true},{"prototype":{"polluted":true}}]}]}',
    ],
    [
      'wal2json v2',
      '{"action":"I","schema":"a","table":"b","columns":[{"name":"__proto__","type":"json","value":{"polluted":true}}]}',
    ],
    ['seed', '{"cdc_operation":"INSERT","cdc_sequence":1,"__proto__":{"polluted":true},"id":1}'],
  ])('%s: __proto__ and constructor stay ordinary columns', (_name, text) => {
    const e = one(text);
    const row = (e.after ?? e.before)!;
    expect(row instanceof Object).toBe(false);
    expect(Object.keys(row)).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((row as { polluted?: unknown }).polluted).toBeUndefined();
    if (e.before && e.after) expect(e.before instanceof Object).toBe(false);
  });
});

describe('Debezium', () => {
  const base = { before: null, source: pgSource, ts_ms: 1700000000999, transaction: null };
  it('maps c, r, u, d, t and skips m', () => {
    expect(one({ ...base, op: 'c', after: { id: 1 } })).toEqual({
      op: 'insert',
      before: null,
      after: { id: 1 },
      table: 'public.users',
      format: 'debezium',
      position: 24023128,
      timestamp: '2023-11-14T22:13:20.123456Z',
      transaction: '771',
      beforeImage: 'none',
    });
    expect(one({ ...base, op: 'r', after: { id: 1 } }).op).toBe('snapshot');
    const u = one({ ...base, op: 'u', before: { id: 1, n: 'a' }, after: { id: 1, n: 'b' } });
    expect([u.op, u.before, u.after, u.beforeImage]).toEqual(['update', { id: 1, n: 'a' }, { id: 1, n: 'b' }, 'full']);
    const d = one({ ...base, op: 'd', before: { id: 1 }, after: null });
    expect([d.op, d.before, d.after]).toEqual(['delete', { id: 1 }, null]);
    expect(one({ op: 't', source: pgSource, ts_ms: 1 }).op).toBe('truncate');
    expect(skipped({ op: 'm', source: pgSource, message: { prefix: 'p', content: 'aGk=' } })).toBe('message');
  });
  it('update without before (REPLICA IDENTITY DEFAULT) gives beforeImage none', () => {
    const u = one({ ...base, op: 'u', after: { id: 1 } });
    expect([u.before, u.beforeImage]).toEqual([null, 'none']);
  });
  it('handles the {schema, payload} wrapper and its tombstone', () => {
    const payload = { ...base, op: 'c', after: { id: 1 } };
    expect(one({ schema: { type: 'struct', fields: [] }, payload })).toEqual(one(payload));
    expect(skipped({ schema: null, payload: null })).toBe('tombstone');
  });
  it('reads source.snapshot as a boolean or string', () => {
    for (const s of [true, 'true', 'first', 'last', 'incremental', 'last_in_data_collection'])
      expect(one({ ...base, op: 'c', after: { id: 1 }, source: { ...pgSource, snapshot: s } }).op).toBe('snapshot');
    for (const s of [false, 'false', undefined])
      expect(one({ ...base, op: 'c', after: { id: 1 }, source: { ...pgSource, snapshot: s } }).op).toBe('insert');
  });
  it('timestamp: source ts_us > ts_ms > ts_ns, then the envelope ts_* when the source has none', () => {
    const { ts_us: _u, ...msOnly } = pgSource;
    expect(one({ ...base, op: 'c', after: {}, source: msOnly }).timestamp).toBe('2023-11-14T22:13:20.123Z');
    const { ts_ms: _m, ...nsOnly } = msOnly;
    expect(
      one({ ...base, op: 'c', after: {}, source: { ...nsOnly, ts_ns: Number('1700000000123456789') } }).timestamp,
    ).toMatch(/^2023-11-14T22:13:20\.123456\d{3}Z$/);
    expect(one({ op: 'r', after: {}, source: { ...nsOnly, ts_ms: 0 }, ts_us: 1700000001000001 }).timestamp).toBe(
      '2023-11-14T22:13:21.000001Z',
    );
    expect(one({ op: 'r', after: {}, source: {}, ts_ns: 1700000001000000000 }).timestamp).toMatch(
      /^2023-11-14T22:13:21\.000/,
    );
    expect(one({ op: 'r', after: {} }).timestamp).toBeNull();
  });
  it('positions: Postgres lsn, MySQL file:pos:row, SQL Server change_lsn, Oracle scn, MongoDB ts:ord', () => {
    const pos = (source: object) => one({ op: 'c', after: {}, source }).position;
    expect(pos({ lsn: 123 })).toBe(123);
    expect(pos({ file: 'mysql-bin.000003', pos: 1068, row: 1 })).toBe('mysql-bin.000003:1068:1');
    expect(pos({ change_lsn: '0000002b:00000bb0:0003' })).toBe('43:2992:3');
    expect(pos({ scn: '2868546' })).toBe('2868546');
    expect(pos({ ord: 2, ts_ms: 1700000000000 })).toBe('1700000000000:2');
    expect(pos({})).toBeNull();
    expect(
      comparePositions(pos({ change_lsn: '0000002b:00000bb0:0003' }), pos({ change_lsn: '00000030:00000010:0001' })),
    ).toBe(-1);
  });
  it('marks the TOAST placeholder as unavailable and never writes it as data', () => {
    const e = one({
      ...base,
      op: 'u',
      before: { id: 1, bio: '__debezium_unavailable_value', n: 1 },
      after: {
        id: 1,
        bio: '__debezium_unavailable_value',
        blob: 'X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ==',
        tags: ['__debezium_unavailable_value'],
        n: 2,
      },
    });
    expect(e.after).toEqual({ id: 1, n: 2 });
    expect(e.before).toEqual({ id: 1, n: 1 });
    expect(e.unavailable?.sort()).toEqual(['bio', 'blob', 'tags']);
    expect(e.beforeImage).toBe('partial');
    expect(
      one({ ...base, op: 'c', after: { id: 1, x: '??' } }, { unavailableValuePlaceholder: '??' }).unavailable,
    ).toEqual(['x']);
    expect(one({ ...base, op: 'c', after: { id: 1 } }).unavailable).toBeUndefined();
  });
  it('decodes logical types when the schema is included', () => {
    const field = (f: string, type: string, name?: string, parameters?: object) => ({
      field: f,
      type,
      optional: true,
      name,
      parameters,
    });
    const schema = {
      type: 'struct',
      fields: [
        field('before', 'struct'),
        {
          field: 'after',
          type: 'struct',
          fields: [
            field('d', 'int32', 'io.debezium.time.Date'),
            field('t', 'int32', 'io.debezium.time.Time'),
            field('mt', 'int64', 'io.debezium.time.MicroTime'),
            field('nt', 'int64', 'io.debezium.time.NanoTime'),
            field('ts', 'int64', 'io.debezium.time.Timestamp'),
            field('mts', 'int64', 'io.debezium.time.MicroTimestamp'),
            field('nts', 'int64', 'io.debezium.time.NanoTimestamp'),
            field('zts', 'string', 'io.debezium.time.ZonedTimestamp'),
            field('price', 'bytes', 'org.apache.kafka.connect.data.Decimal', {
              scale: '2',
              'connect.decimal.precision': '10',
            }),
            field('neg', 'bytes', 'org.apache.kafka.connect.data.Decimal', { scale: '3' }),
            field('vsd', 'struct', 'io.debezium.data.VariableScaleDecimal'),
            field('kd', 'int32', 'org.apache.kafka.connect.data.Date'),
            field('nul', 'int32', 'io.debezium.time.Date'),
          ],
        },
      ],
    };
    const payload = {
      op: 'c',
      before: null,
      source: pgSource,
      after: {
        d: 19675, // 2023-11-14
        t: 45_296_789, // 12:34:56.789
        mt: 45_296_789_012,
        nt: 45_296_789_012_345,
        ts: 1_700_000_000_123,
        mts: 1_700_000_000_123_456,
        nts: Number('1700000000123456000'),
        zts: '2023-11-14T22:13:20.123456Z',
        price: 'AOc=', // 0x00E7 = 231 → 2.31
        neg: '/w==', // 0xFF = -1 → -0.001
        vsd: { scale: 1, value: 'Kg==' }, // 42 → 4.2
        kd: 0,
        nul: null,
      },
    };
    const e = one({ schema, payload });
    expect(e.after).toEqual({
      d: '2023-11-14',
      t: '12:34:56.789',
      mt: '12:34:56.789012',
      nt: '12:34:56.789012345',
      ts: '2023-11-14T22:13:20.123',
      mts: '2023-11-14T22:13:20.123456',
      // 1.700000000123456e18 is not exact in a double: nanosecond digits beyond ~256 ns are what the double holds.
      nts: expect.stringMatching(/^2023-11-14T22:13:20\.1234\d{5}$/),
      zts: '2023-11-14T22:13:20.123456Z',
      price: '2.31',
      neg: '-0.001',
      vsd: '4.2',
      kd: '1970-01-01',
      nul: null,
    });
    expect(one({ schema, payload }, { decodeLogicalTypes: false }).after?.['price']).toBe('AOc=');
  });
  it('decimalFromBase64 reads big-endian two’s complement', () => {
    expect(decimalFromBase64('AA==', 0)).toBe('0');
    expect(decimalFromBase64('AYag', 2)).toBe('1000.00'); // 0x0186A0 = 100000
    expect(decimalFromBase64('/nlg', 2)).toBe('-1000.00'); // 0xFE7960 = -100000
    expect(decimalFromBase64('AQ==', -2)).toBe('100');
    expect(decimalFromBase64('not base64!', 2)).toBeUndefined();
  });
  it('filters by schema and table', () => {
    expect(skipped({ ...base, op: 'c', after: {} }, { filter: { table: 'orders' } })).toBe('filtered');
    expect(one({ ...base, op: 'c', after: {} }, { filter: { database: 'pub.*', table: /USERS/i } }).op).toBe('insert');
  });
  it('errors: missing op, invalid op, missing after, invalid images and payload', () => {
    expect(error({ before: null, after: {}, source: {} }, { format: 'debezium' })).toMatchObject({
      code: 'missing_field',
      path: 'op',
    });
    expect(error({ op: 'x', source: {} })).toMatchObject({ code: 'invalid_operation', path: 'op' });
    expect(error({ op: 7, source: {} }, { format: 'debezium' })).toMatchObject({ code: 'invalid_operation' });
    expect(error({ op: 'c', before: null, after: null, source: {} })).toMatchObject({
      code: 'missing_field',
      path: 'after',
    });
    expect(error({ schema: {}, payload: { op: 'u', before: 3, after: {} } })).toMatchObject({
      code: 'invalid_field',
      path: 'payload.before',
    });
    expect(error({ schema: {}, payload: [] })).toMatchObject({ code: 'invalid_field', path: 'payload' });
  });
});

describe('Maxwell', () => {
  const base = {
    database: 'shop',
    table: 'users',
    ts: 1700000000,
    xid: 940752,
    commit: true,
    position: 'master.000006:29337',
  };
  it('maps insert, update (data merged with old), delete and bootstrap-insert', () => {
    expect(one({ ...base, type: 'insert', data: { id: 1, email: 'a@b.c' } })).toEqual({
      op: 'insert',
      before: null,
      after: { id: 1, email: 'a@b.c' },
      table: 'shop.users',
      format: 'maxwell',
      position: 'master.000006:29337',
      timestamp: '2023-11-14T22:13:20.000Z',
      transaction: '940752',
      beforeImage: 'none',
    });
    const u = one({ ...base, type: 'update', data: { id: 1, email: 'new@b.c', n: 2 }, old: { email: null } });
    expect([u.before, u.after, u.beforeImage]).toEqual([
      { id: 1, email: null, n: 2 },
      { id: 1, email: 'new@b.c', n: 2 },
      'full',
    ]);
    const d = one({ ...base, type: 'delete', data: { id: 1 } });
    expect([d.op, d.before, d.after]).toEqual(['delete', { id: 1 }, null]);
    expect(one({ ...base, type: 'bootstrap-insert', data: { id: 1 } }).op).toBe('snapshot');
  });
  it('skips DDL and bootstrap markers', () => {
    expect(skipped({ ...base, type: 'bootstrap-start', data: {} })).toBe('bootstrap_control');
    expect(skipped({ ...base, type: 'bootstrap-complete', data: {} })).toBe('bootstrap_control');
    for (const type of ['table-create', 'table-alter', 'database-drop'])
      expect(skipped({ ...base, type, sql: 'CREATE TABLE x (id int)', def: {} })).toBe('ddl');
  });
  it('errors: invalid type, missing data, invalid old', () => {
    expect(error({ ...base, type: 'upsert', data: {} }, { format: 'maxwell' })).toMatchObject({
      code: 'invalid_operation',
      path: 'type',
    });
    expect(error({ ...base, type: 'insert' })).toMatchObject({ code: 'missing_field', path: 'data' });
    expect(error({ ...base, type: 'update', data: {}, old: [1] })).toMatchObject({
      code: 'invalid_field',
      path: 'old',
    });
    expect(error({ database: 'a' }, { format: 'maxwell' })).toMatchObject({ code: 'missing_field', path: 'type' });
  });
});

describe('Canal', () => {
  const base = {
    database: 'shop',
    table: 'users',
    es: 1700000000000,
    ts: 1700000000500,
    id: 9,
    isDdl: false,
    pkNames: ['id'],
    sql: '',
    mysqlType: {
      id: 'bigint(20) unsigned',
      score: 'double',
      rank: 'tinyint(1)',
      price: 'decimal(10,2)',
      name: 'varchar(255)',
      big: 'bigint(20)',
    },
    sqlType: { id: -5, score: 8, rank: -6, price: 3, name: 12, big: -5 },
  };
  it('one event per data row, values coerced by mysqlType', () => {
    const e = events({
      ...base,
      type: 'INSERT',
      old: null,
      data: [
        { id: '1', score: '9.5', rank: '1', price: '10.50', name: '007', big: '9007199254740993' },
        { id: '2', score: null, rank: '0', price: null, name: null, big: '-3' },
      ],
    });
    expect(e.map((x) => x.after)).toEqual([
      { id: 1, score: 9.5, rank: 1, price: '10.50', name: '007', big: '9007199254740993' },
      { id: 2, score: null, rank: 0, price: null, name: null, big: -3 },
    ]);
    expect(e[0]).toMatchObject({
      op: 'insert',
      table: 'shop.users',
      position: null,
      timestamp: '2023-11-14T22:13:20.000Z',
      format: 'canal',
    });
  });
  it('falls back to sqlType codes', () => {
    const { mysqlType: _m, ...noMysql } = base;
    expect(one({ ...noMysql, type: 'INSERT', data: [{ id: '5', score: '1e3', name: '12' }] }).after).toEqual({
      id: 5,
      score: 1000,
      name: '12',
    });
  });
  it('INIT is an insert; UPDATE merges old (JSON null = old value was null); DELETE', () => {
    expect(one({ ...base, type: 'INIT', data: [{ id: '1' }] }).op).toBe('insert');
    const u = one({
      ...base,
      type: 'UPDATE',
      data: [{ id: '1', name: 'x', score: '2' }],
      old: [{ name: null, score: '1' }],
    });
    expect([u.before, u.after, u.beforeImage]).toEqual([
      { id: 1, name: null, score: 1 },
      { id: 1, name: 'x', score: 2 },
      'full',
    ]);
    const d = one({ ...base, type: 'DELETE', data: [{ id: '1' }], old: null });
    expect([d.op, d.before, d.after]).toEqual(['delete', { id: 1 }, null]);
  });
  it('skips DDL; TRUNCATE gives one truncate event', () => {
    expect(skipped({ ...base, type: 'CREATE', isDdl: true, data: null, sql: 'CREATE TABLE t (id int)' })).toBe('ddl');
    expect(skipped({ ...base, type: 'ALTER', isDdl: true, data: null })).toBe('ddl');
    expect(one({ ...base, type: 'TRUNCATE', isDdl: true, data: null })).toMatchObject({
      op: 'truncate',
      table: 'shop.users',
    });
  });
  it('filters like Flink (whole-name regex on database and table) before converting rows', () => {
    const bad = { ...base, table: 'project', type: 'INSERT', data: [{ id: 'A101' }] };
    expect(skipped(bad, { filter: { database: '^sh.*', table: '^prod.*' } })).toBe('filtered');
    expect(skipped({ ...base, type: 'INSERT', data: [{ id: '1' }] }, { filter: { table: 'user' } })).toBe('filtered');
    expect(one({ ...base, type: 'INSERT', data: [{ id: '1' }] }, { filter: { table: 'user.*' } }).op).toBe('insert');
  });
  it('errors: invalid type, missing/invalid data, value not fitting its type', () => {
    expect(error({ ...base, type: 'MERGE', data: [] })).toMatchObject({ code: 'invalid_operation', path: 'type' });
    expect(error({ ...base, type: 'INSERT', data: null })).toMatchObject({ code: 'missing_field', path: 'data' });
    expect(error({ ...base, type: 'INSERT', data: {} })).toMatchObject({ code: 'invalid_field', path: 'data' });
    expect(error({ ...base, type: 'INSERT', data: [{ id: 'A101' }] })).toMatchObject({
      code: 'invalid_field',
      path: 'data[0].id',
    });
    expect(error({ ...base, type: 'UPDATE', data: [{ id: '1' }], old: [{ score: 'n/a' }] })).toMatchObject({
      path: 'old[0].score',
    });
  });
});

describe('OGG', () => {
  const base = {
    table: 'HR.EMPLOYEES',
    op_ts: '2023-11-14 22:13:20.123456',
    current_ts: '2023-11-14T22:13:21.000000',
    pos: '00000000010000001234',
    primary_keys: ['ID'],
  };
  it('maps I, U, D, T with op_ts and pos', () => {
    expect(one({ ...base, op_type: 'I', after: { ID: 1, NAME: 'A' } })).toEqual({
      op: 'insert',
      before: null,
      after: { ID: 1, NAME: 'A' },
      table: 'HR.EMPLOYEES',
      format: 'ogg',
      position: '00000000010000001234',
      timestamp: '2023-11-14T22:13:20.123456Z',
      transaction: null,
      beforeImage: 'none',
    });
    expect(one({ ...base, op_type: 'U', before: { ID: 1, NAME: 'A' }, after: { ID: 1, NAME: 'B' } }).beforeImage).toBe(
      'full',
    );
    expect(one({ ...base, op_type: 'U', before: { ID: 1 }, after: { ID: 1, NAME: 'B' } }).beforeImage).toBe('key-only');
    expect(
      one({ ...base, op_type: 'U', before: { ID: 1, SAL: 2 }, after: { ID: 1, NAME: 'B', SAL: 3 } }).beforeImage,
    ).toBe('partial');
    expect(one({ ...base, op_type: 'D', before: { ID: 1 } })).toMatchObject({ op: 'delete', beforeImage: 'key-only' });
    expect(one({ ...base, op_type: 'D', before: { ID: 1, NAME: 'A' } }).beforeImage).toBe('full');
    expect(one({ ...base, op_type: 'T' })).toMatchObject({ op: 'truncate', before: null, after: null });
  });
  it('errors: invalid op_type, missing images', () => {
    expect(error({ ...base, op_type: 'X' })).toMatchObject({ code: 'invalid_operation', path: 'op_type' });
    expect(error({ ...base, op_type: 'I' })).toMatchObject({ code: 'missing_field', path: 'after' });
    expect(error({ ...base, op_type: 'D' })).toMatchObject({ code: 'missing_field', path: 'before' });
    expect(error({ ...base, op_type: 'I', after: 'x' })).toMatchObject({ code: 'invalid_field', path: 'after' });
  });
});

describe('AWS DMS', () => {
  const meta = {
    timestamp: '2023-11-14T22:13:20.123456Z',
    'record-type': 'data',
    'partition-key-type': 'schema-table',
    'schema-name': 'dbo',
    'table-name': 'users',
  };
  it('errors: invalid operation, missing data/metadata, bad record-type, bad before image', () => {
    expect(error({ data: {}, metadata: { ...meta, operation: 'merge' } })).toMatchObject({
      code: 'invalid_operation',
      path: 'metadata.operation',
    });
    expect(error({ metadata: { ...meta, operation: 'insert' } })).toMatchObject({
      code: 'missing_field',
      path: 'data',
    });
    expect(error({ data: {}, metadata: { ...meta, 'record-type': 'data' } })).toMatchObject({
      code: 'missing_field',
      path: 'metadata.operation',
    });
    expect(error({ data: {}, metadata: { ...meta, 'record-type': 'weird', operation: 'insert' } }).code).toBe(
      'invalid_field',
    );
    expect(error({ data: {} }, { format: 'dms' })).toMatchObject({ code: 'missing_field', path: 'metadata' });
    expect(
      error({ data: {}, bi: 1, metadata: { ...meta, operation: 'update' } }, { dmsBeforeImageField: 'bi' }),
    ).toMatchObject({ path: 'bi' });
  });
  it('reads a before image under a configured field name', () => {
    const e = one(
      { data: { id: 1, n: 2 }, bi: { id: 1, n: 1 }, metadata: { ...meta, operation: 'update' } },
      { dmsBeforeImageField: 'bi' },
    );
    expect([e.before, e.beforeImage]).toEqual([{ id: 1, n: 1 }, 'full']);
  });
});

describe('wal2json', () => {
  it('errors: bad kind/action, mismatched arrays, missing identity', () => {
    expect(error({ change: [{ kind: 'upsert' }] })).toMatchObject({
      code: 'invalid_operation',
      path: 'change[0].kind',
    });
    expect(error({ change: [{ schema: 'a' }] })).toMatchObject({ code: 'missing_field', path: 'change[0].kind' });
    expect(error({ change: [{ kind: 'insert', columnnames: ['a'], columnvalues: [] }] })).toMatchObject({
      code: 'invalid_field',
    });
    expect(error({ change: [{ kind: 'insert' }] })).toMatchObject({ code: 'missing_field' });
    expect(error({ change: [{ kind: 'delete', schema: 'a', table: 'b' }] })).toMatchObject({
      code: 'missing_field',
      path: 'change[0].oldkeys',
    });
    expect(error({ action: 'X' })).toMatchObject({ code: 'invalid_operation', path: 'action' });
    expect(error({ action: 'I', schema: 'a', table: 'b' })).toMatchObject({ code: 'missing_field', path: 'columns' });
    expect(error({ action: 'I', columns: [{ value: 1 }] })).toMatchObject({ code: 'invalid_field', path: 'columns' });
    expect(error({ action: 'D', schema: 'a', table: 'b' })).toMatchObject({ code: 'missing_field', path: 'identity' });
    expect(error({ change: 'x' }, { format: 'wal2json' })).toMatchObject({ code: 'invalid_field', path: 'change' });
  });
  it('filters individual changes of a v1 transaction', () => {
    const msg = {
      change: [
        { kind: 'insert', schema: 'public', table: 'a', columnnames: ['id'], columntypes: ['int'], columnvalues: [1] },
        { kind: 'insert', schema: 'public', table: 'b', columnnames: ['id'], columntypes: ['int'], columnvalues: [2] },
      ],
    };
    expect(events(msg, { filter: { table: 'b' } }).map((e) => e.after)).toEqual([{ id: 2 }]);
    expect(skipped(msg, { filter: { table: 'c' } })).toBe('filtered');
  });
});

describe('seed', () => {
  const row = { id: 1, email: 'x@y.z', country: null };
  it('errors: missing/invalid cdc_operation, bad sequence and timestamp', () => {
    expect(error({ ...row, cdc_operation: 'UPSERT' })).toMatchObject({
      code: 'invalid_operation',
      path: 'cdc_operation',
    });
    expect(error({ ...row, cdc_operation: null }, { format: 'seed' })).toMatchObject({ code: 'missing_field' });
    expect(error({ ...row, cdc_operation: 'INSERT', cdc_sequence: -1 })).toMatchObject({
      code: 'invalid_field',
      path: 'cdc_sequence',
    });
    expect(error({ ...row, cdc_operation: 'INSERT', cdc_timestamp: 'yesterday' })).toMatchObject({
      code: 'invalid_field',
      path: 'cdc_timestamp',
    });
  });
  it('accepts lowercase ops, string sequences and a missing sequence', () => {
    expect(one({ ...row, cdc_operation: 'insert', cdc_sequence: '42' }).position).toBe(42);
    expect(one({ ...row, cdc_operation: 'DELETE' }).position).toBeNull();
  });
});

describe('detectFormat', () => {
  it('names each format by its shape, and null for others', () => {
    expect(detectFormat({ op: 'u', before: null, after: {}, source: {} })).toBe('debezium');
    expect(detectFormat({ schema: {}, payload: null })).toBe('debezium');
    expect(detectFormat({ op_type: 'I' })).toBe('ogg');
    expect(detectFormat({ metadata: { 'record-type': 'data' } })).toBe('dms');
    expect(detectFormat({ change: [] })).toBe('wal2json');
    expect(detectFormat({ action: 'B' })).toBe('wal2json');
    expect(detectFormat({ type: 'INSERT', isDdl: false, data: [] })).toBe('canal');
    expect(detectFormat({ type: 'insert', database: 'a', data: {} })).toBe('maxwell');
    expect(detectFormat({ cdc_operation: 'INSERT' })).toBe('seed');
    expect(detectFormat({ op: 'create' })).toBeNull();
    expect(detectFormat('x')).toBeNull();
  });
});

describe('comparePositions', () => {
  it('orders numbers, LSN decimals, binlog positions and zero-padded OGG positions', () => {
    expect(comparePositions(1, 2)).toBe(-1);
    expect(comparePositions('34078720', 34131104)).toBe(-1);
    expect(comparePositions('mysql-bin.000003:1068:0', 'mysql-bin.000003:968:0')).toBe(1);
    expect(comparePositions('mysql-bin.000009:5:0', 'mysql-bin.000010:4:0')).toBe(-1);
    expect(comparePositions('00000000000000000000143', '00000000000000000000157')).toBe(-1);
    expect(comparePositions('23803720:2', '23803720:10')).toBe(-1);
    expect(comparePositions('99999999999999999999', '100000000000000000000')).toBe(-1);
    expect(comparePositions(null, 1)).toBe(-1);
    expect(comparePositions(null, undefined)).toBe(0);
    expect(comparePositions(5, 5)).toBe(0);
  });
});
