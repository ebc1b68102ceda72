/**
 * fast-check generators: for each format, an envelope together with the normalized event it must give.
 * The expectation is built from the generator's own inputs (names, values, times), not from the parser.
 */
import { fc } from '@fast-check/vitest';
import type { CdcFormat, ChangeEvent } from '../../src/cdc/index.js';

export interface Case {
  format: CdcFormat;
  message: Record<string, unknown>;
  expected: ChangeEvent[];
}

const columnName = fc.constantFrom(
  'id',
  'email',
  'name',
  'note',
  'city',
  '__proto__',
  'constructor',
  'toString',
  'a b',
);
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
/** A row of JSON scalars; always has an integer id. */
export const rowArb = fc
  .tuple(
    fc.nat({ max: 1e6 }),
    fc.uniqueArray(
      fc.tuple(
        columnName.filter((c) => c !== 'id'),
        scalar,
      ),
      { selector: (t) => t[0], maxLength: 5 },
    ),
  )
  .map(([id, cols]) => {
    const row: Record<string, unknown> = {};
    Object.defineProperty(row, 'id', { value: id, enumerable: true, writable: true, configurable: true });
    for (const [k, v] of cols)
      Object.defineProperty(row, k, { value: v, enumerable: true, writable: true, configurable: true });
    return row;
  });
const epochMs = fc.integer({ min: 946684800000, max: 4102444800000 }); // 2000..2100
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const iso = (ms: number) => new Date(ms).toISOString();

function event(e: Omit<ChangeEvent, 'before' | 'after'> & Partial<ChangeEvent>): ChangeEvent {
  return { before: null, after: null, ...e } as ChangeEvent;
}

const debezium = fc
  .record({
    op: fc.constantFrom('c', 'r', 'u', 'd'),
    before: rowArb,
    after: rowArb,
    ms: epochMs,
    lsn: fc.nat(),
    tx: fc.nat(),
    schema: name,
    table: name,
    wrap: fc.boolean(),
  })
  .map(({ op, before, after, ms, lsn, tx, schema, table, wrap }): Case => {
    const payload = {
      before: op === 'c' || op === 'r' ? null : before,
      after: op === 'd' ? null : after,
      source: {
        connector: 'postgresql',
        ts_ms: ms,
        snapshot: op === 'r' ? 'true' : 'false',
        db: 'db',
        schema,
        table,
        txId: tx,
        lsn,
      },
      op,
      ts_ms: ms + 5,
      transaction: null,
    };
    const opName = ({ c: 'insert', r: 'snapshot', u: 'update', d: 'delete' } as const)[op];
    return {
      format: 'debezium',
      message: wrap ? { schema: { type: 'struct', fields: [] }, payload } : payload,
      expected: [
        event({
          op: opName,
          before: payload.before,
          after: payload.after,
          table: `${schema}.${table}`,
          format: 'debezium',
          position: lsn,
          timestamp: iso(ms),
          transaction: String(tx),
          beforeImage: payload.before === null ? 'none' : 'full',
        }),
      ],
    };
  });

const maxwell = fc
  .record({
    type: fc.constantFrom('insert', 'update', 'delete', 'bootstrap-insert'),
    data: rowArb,
    oldNote: scalar,
    s: fc.integer({ min: 946684800, max: 4102444800 }),
    xid: fc.nat(),
    db: name,
    table: name,
  })
  .map(({ type, data, oldNote, s, xid, db, table }): Case => {
    const message: Record<string, unknown> = { database: db, table, type, ts: s, xid, data };
    let before: Record<string, unknown> | null = null;
    if (type === 'update') {
      message['old'] = { note: oldNote };
      before = { ...data };
      Object.defineProperty(before, 'note', { value: oldNote, enumerable: true, writable: true, configurable: true });
    }
    if (type === 'delete') before = data;
    const op = type === 'bootstrap-insert' ? 'snapshot' : (type as 'insert' | 'update' | 'delete');
    return {
      format: 'maxwell',
      message,
      expected: [
        event({
          op,
          before,
          after: type === 'delete' ? null : data,
          table: `${db}.${table}`,
          format: 'maxwell',
          position: null,
          timestamp: iso(s * 1000),
          transaction: String(xid),
          beforeImage: before === null ? 'none' : 'full',
        }),
      ],
    };
  });

const canalRow = fc.record({
  id: fc.nat({ max: 1e9 }),
  name: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
  weight: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { nil: null }),
});
const canal = fc
  .record({
    type: fc.constantFrom('INSERT', 'INIT', 'UPDATE', 'DELETE'),
    rows: fc.array(fc.tuple(canalRow, canalRow), { minLength: 1, maxLength: 4 }),
    es: epochMs,
    db: name,
    table: name,
  })
  .map(({ type, rows, es, db, table }): Case => {
    const text = (r: { id: number; name: string | null; weight: number | null }) => ({
      id: String(r.id),
      name: r.name,
      weight: r.weight === null ? null : String(r.weight),
    });
    const message = {
      data: rows.map(([r]) => text(r)),
      old:
        type === 'UPDATE'
          ? rows.map(([, o]) => ({ name: o.name, weight: o.weight === null ? null : String(o.weight) }))
          : null,
      database: db,
      table,
      es,
      ts: es + 10,
      id: 1,
      isDdl: false,
      pkNames: ['id'],
      mysqlType: { id: 'int(11)', name: 'varchar(255)', weight: 'double' },
      sqlType: { id: 4, name: 12, weight: 8 },
      sql: '',
      type,
    };
    return {
      format: 'canal',
      message,
      expected: rows.map(([r, o]) =>
        event({
          op: type === 'DELETE' ? 'delete' : type === 'UPDATE' ? 'update' : 'insert',
          before: type === 'DELETE' ? r : type === 'UPDATE' ? { id: r.id, name: o.name, weight: o.weight } : null,
          after: type === 'DELETE' ? null : r,
          table: `${db}.${table}`,
          format: 'canal',
          position: null,
          timestamp: iso(es),
          transaction: null,
          beforeImage: type === 'DELETE' || type === 'UPDATE' ? 'full' : 'none',
        }),
      ),
    };
  });

const pad2 = (n: number) => String(n).padStart(2, '0');
const ogg = fc
  .record({
    op: fc.constantFrom('I', 'U', 'D'),
    before: rowArb,
    after: rowArb,
    ms: epochMs,
    micros: fc.integer({ min: 0, max: 999 }),
    pos: fc.nat(),
    schema: name,
    table: name,
  })
  .map(({ op, before, after, ms, micros, pos, schema, table }): Case => {
    const d = new Date(ms);
    const opTs = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}${String(micros).padStart(3, '0')}`;
    const b = op === 'I' ? null : op === 'U' ? { ...after } : before;
    const a = op === 'D' ? null : after;
    const message: Record<string, unknown> = {
      table: `${schema}.${table}`,
      op_type: op,
      op_ts: opTs,
      pos: String(pos).padStart(20, '0'),
    };
    if (b !== null) message['before'] = b;
    if (a !== null) message['after'] = a;
    return {
      format: 'ogg',
      message,
      expected: [
        event({
          op: ({ I: 'insert', U: 'update', D: 'delete' } as const)[op],
          before: b,
          after: a,
          table: `${schema}.${table}`,
          format: 'ogg',
          position: String(pos).padStart(20, '0'),
          timestamp: `${iso(ms).slice(0, -1)}${String(micros).padStart(3, '0')}Z`,
          transaction: null,
          beforeImage: b === null ? 'none' : 'full',
        }),
      ],
    };
  });

const dms = fc
  .record({
    operation: fc.constantFrom('load', 'insert', 'update', 'delete'),
    data: rowArb,
    before: fc.option(rowArb, { nil: null }),
    ms: epochMs,
    schema: name,
    table: name,
    tx: fc.nat(),
  })
  .map(({ operation, data, before, ms, schema, table, tx }): Case => {
    const message: Record<string, unknown> = {
      data,
      metadata: {
        timestamp: iso(ms),
        'record-type': 'data',
        operation,
        'partition-key-type': 'schema-table',
        'schema-name': schema,
        'table-name': table,
        'transaction-id': tx,
      },
    };
    const full = before === null ? null : { ...data };
    if (full !== null && operation === 'update') message['before-image'] = full;
    const op = operation === 'load' ? 'snapshot' : (operation as 'insert' | 'update' | 'delete');
    const b = operation === 'delete' ? data : operation === 'update' ? full : null;
    return {
      format: 'dms',
      message,
      expected: [
        event({
          op,
          before: b,
          after: operation === 'delete' ? null : data,
          table: `${schema}.${table}`,
          format: 'dms',
          position: null,
          timestamp: iso(ms),
          transaction: String(tx),
          beforeImage: b === null ? 'none' : 'full',
        }),
      ],
    };
  });

const wal2jsonV2 = fc
  .record({
    action: fc.constantFrom('I', 'U', 'D'),
    row: rowArb,
    hi: fc.nat({ max: 0xffff }),
    lo: fc.nat({ max: 0xffffffff }),
    xid: fc.nat(),
    schema: name,
    table: name,
  })
  .map(({ action, row, hi, lo, xid, schema, table }): Case => {
    const cols = Object.keys(row).map((k) => ({ name: k, type: 'text', value: row[k] }));
    const message: Record<string, unknown> = {
      action,
      xid,
      lsn: `${hi.toString(16).toUpperCase()}/${lo.toString(16).toUpperCase()}`,
      schema,
      table,
    };
    if (action !== 'D') message['columns'] = cols;
    if (action !== 'I') message['identity'] = [{ name: 'id', type: 'integer', value: row['id'] }];
    const key = { id: row['id'] };
    const onlyId = Object.keys(row).length === 1;
    return {
      format: 'wal2json',
      message,
      expected: [
        event({
          op: ({ I: 'insert', U: 'update', D: 'delete' } as const)[action],
          before: action === 'I' ? null : key,
          after: action === 'D' ? null : row,
          table: `${schema}.${table}`,
          format: 'wal2json',
          position: hi * 2 ** 32 + lo,
          timestamp: null,
          transaction: String(xid),
          beforeImage: action === 'I' ? 'none' : action === 'U' && onlyId ? 'full' : 'key-only',
        }),
      ],
    };
  });

const seed = fc
  .record({ op: fc.constantFrom('INSERT', 'UPDATE', 'DELETE'), row: rowArb, ms: epochMs, seq: fc.nat() })
  .filter(({ row }) => !Object.keys(row).some((k) => k.startsWith('cdc_')))
  .map(({ op, row, ms, seq }): Case => {
    const message = { ...row, cdc_operation: op, cdc_timestamp: iso(ms), cdc_sequence: seq, cdc_source: 'crm' };
    Object.defineProperties(message, Object.getOwnPropertyDescriptors(row));
    return {
      format: 'seed',
      message,
      expected: [
        event({
          op: op.toLowerCase() as 'insert',
          before: op === 'DELETE' ? row : null,
          after: op === 'DELETE' ? null : row,
          table: null,
          format: 'seed',
          position: seq,
          timestamp: iso(ms),
          transaction: null,
          beforeImage: op === 'DELETE' ? 'full' : 'none',
        }),
      ],
    };
  });

/** Every format's generator, by name. */
export const caseArbs: Record<string, fc.Arbitrary<Case>> = {
  seed,
  debezium,
  maxwell,
  canal,
  ogg,
  dms,
  wal2json: wal2jsonV2,
};
/** Any format. */
export const anyCase: fc.Arbitrary<Case> = fc.oneof(...Object.values(caseArbs));

/** Serializes a message, keeping own `__proto__` keys (JSON.stringify does). */
export const text = (c: Case) => JSON.stringify(c.message);
