/**
 * CDC envelope parsing: parseChangeEvents (decode + detect + validate + normalize) against JSON.parse of the
 * same bytes, per format, on a corpus built from the seeded seed-format generator (bench/corpus.ts).
 * Target (issue 4): a ~1 KB Debezium message costs at most 2x JSON.parse, i.e. ratio vs JSON.parse >= 0.50x.
 */
import { parseChangeEvents } from '../src/cdc/index.js';
import { generateSeedEvents, type SeedEvent } from './corpus.js';
import { compare, table } from './harness.js';

const N = 20_000;
const seeds = [...generateSeedEvents(N, 42)];

function rowOf(e: SeedEvent): Record<string, unknown> {
  const { cdc_operation: _o, cdc_timestamp: _t, cdc_sequence: _s, cdc_source: _c, ...row } = e;
  return row;
}
const ms = (e: SeedEvent) => Date.parse(e.cdc_timestamp);

const builders: Record<string, (e: SeedEvent, i: number) => unknown> = {
  seed: (e) => e,
  debezium: (e, i) => {
    const row = rowOf(e);
    const op = e.cdc_operation === 'INSERT' ? 'c' : e.cdc_operation === 'UPDATE' ? 'u' : 'd';
    return {
      before: op === 'c' ? null : row,
      after: op === 'd' ? null : row,
      source: {
        version: '2.5.0.Final',
        connector: 'postgresql',
        name: 'crm',
        ts_ms: ms(e),
        ts_us: ms(e) * 1000 + 417,
        ts_ns: ms(e) * 1e6 + 417_000,
        snapshot: 'false',
        db: 'crm',
        sequence: `["${24023128 + i * 200}","${24023128 + i * 200 + 100}"]`,
        schema: 'public',
        table: 'users',
        txId: 700 + i,
        lsn: 24023128 + i * 200,
        xmin: null,
      },
      op,
      ts_ms: ms(e) + 12,
      ts_us: (ms(e) + 12) * 1000,
      ts_ns: (ms(e) + 12) * 1e6,
      transaction: { id: `${700 + i}:${24023128 + i * 200}`, total_order: 1, data_collection_order: 1 },
    };
  },
  maxwell: (e, i) => ({
    database: 'crm',
    table: 'users',
    type: e.cdc_operation.toLowerCase(),
    ts: Math.floor(ms(e) / 1000),
    xid: 9000 + i,
    commit: true,
    position: `master.000006:${29337 + i * 300}`,
    data: rowOf(e),
    ...(e.cdc_operation === 'UPDATE' ? { old: { updated_at: e.created_at } } : {}),
    primary_key_columns: ['id'],
  }),
  canal: (e, i) => {
    const row = Object.fromEntries(Object.entries(rowOf(e)).map(([k, v]) => [k, v === null ? null : String(v)]));
    return {
      data: [row],
      database: 'crm',
      es: ms(e),
      id: i,
      isDdl: false,
      mysqlType: Object.fromEntries(Object.keys(row).map((k) => [k, k === 'id' ? 'bigint(20)' : 'varchar(255)'])),
      old: e.cdc_operation === 'UPDATE' ? [{ updated_at: e.created_at }] : null,
      pkNames: ['id'],
      sql: '',
      sqlType: Object.fromEntries(Object.keys(row).map((k) => [k, k === 'id' ? -5 : 12])),
      table: 'users',
      ts: ms(e) + 40,
      type: e.cdc_operation,
    };
  },
  ogg: (e, i) => ({
    table: 'CRM.USERS',
    op_type: e.cdc_operation[0],
    op_ts: e.cdc_timestamp.replace('T', ' ').replace('Z', '000'),
    current_ts: e.cdc_timestamp.replace('Z', '000'),
    pos: String(1e10 + i * 1000).padStart(20, '0'),
    primary_keys: ['ID'],
    ...(e.cdc_operation === 'INSERT' ? {} : { before: rowOf(e) }),
    ...(e.cdc_operation === 'DELETE' ? {} : { after: rowOf(e) }),
  }),
  dms: (e, i) => ({
    data: rowOf(e),
    metadata: {
      timestamp: e.cdc_timestamp,
      'record-type': 'data',
      operation: e.cdc_operation.toLowerCase(),
      'partition-key-type': 'schema-table',
      'schema-name': 'public',
      'table-name': 'users',
      'transaction-id': 8324332347 + i,
    },
  }),
  wal2json: (e, i) => {
    const row = rowOf(e);
    const cols = Object.entries(row).map(([name, value]) => ({
      name,
      type: name === 'id' ? 'integer' : 'text',
      value,
    }));
    const action = e.cdc_operation[0];
    return {
      action,
      xid: 5000 + i,
      lsn: `0/${(0x16b3748 + i * 256).toString(16).toUpperCase()}`,
      timestamp: e.cdc_timestamp.replace('T', ' ').replace('Z', '+00'),
      schema: 'public',
      table: 'users',
      ...(action === 'D' ? {} : { columns: cols }),
      ...(action === 'I' ? {} : { identity: [{ name: 'id', type: 'integer', value: row['id'] }] }),
    };
  },
};

function parseAll(msgs: readonly string[]): number {
  let n = 0;
  for (const m of msgs) {
    const r = parseChangeEvents(m);
    if (r.ok) n += r.events.length;
  }
  if (n === 0) throw new Error('nothing parsed');
  return n;
}
function jsonAll(msgs: readonly string[]): number {
  let n = 0;
  for (const m of msgs) if (JSON.parse(m) !== null) n++;
  return n;
}

const summary: string[] = [
  '| format | mean bytes | parseChangeEvents ns/msg | JSON.parse ns/msg | cost vs JSON.parse |',
  '| --- | --- | --- | --- | --- |',
];
for (const [format, build] of Object.entries(builders)) {
  const msgs = seeds.map((e, i) => JSON.stringify(build(e, i)));
  const bytes = msgs.reduce((s, m) => s + Buffer.byteLength(m), 0) / msgs.length;
  const rows = compare([
    { name: 'JSON.parse', count: N, run: () => jsonAll(msgs) },
    { name: 'parseChangeEvents', count: N, run: () => parseAll(msgs) },
  ]);
  const [json, ours] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(
    table(`CDC ${format}: ${N.toLocaleString('en-US')} messages, mean ${bytes.toFixed(0)} bytes (string input)`, rows, [
      'JSON.parse',
    ]),
  );
  summary.push(
    `| ${format} | ${bytes.toFixed(0)} | ${ours.nsPerOp.toFixed(0)} | ${json.nsPerOp.toFixed(0)} | ${(ours.nsPerOp / json.nsPerOp).toFixed(2)}x |`,
  );
}

// Keys beyond 2^53 (issue 13): the same Debezium messages with the id a BIGINT near its maximum. These take the
// exact path (the message is read a second time); the rows above must not get slower for it.
{
  const dbzText = seeds.map((e, i) => JSON.stringify(builders['debezium']!(e, i)));
  const big = dbzText.map((m) =>
    m.replace(/"id":(\d+)/g, (_all, id: string) => `"id":${9_223_372_036_854_000_000n + BigInt(id)}`),
  );
  const rows = compare([
    { name: 'JSON.parse', count: N, run: () => jsonAll(big) },
    { name: 'parseChangeEvents, ids beyond 2^53', count: N, run: () => parseAll(big) },
    { name: 'parseChangeEvents, same messages with small ids', count: N, run: () => parseAll(dbzText) },
  ]);
  console.log(
    table(`CDC debezium with BIGINT ids beyond 2^53 (${N.toLocaleString('en-US')} messages)`, rows, ['JSON.parse']),
  );
}

// Bytes (Buffer) input, as a Kafka consumer hands it over: UTF-8 decode + parse on both sides.
const dbz = seeds.map((e, i) => Buffer.from(JSON.stringify(builders['debezium']!(e, i))));
const bufferRows = compare([
  {
    name: 'JSON.parse(buf.toString())',
    count: N,
    run: () => {
      let n = 0;
      for (const b of dbz) if (JSON.parse(b.toString('utf8')) !== null) n++;
      return n;
    },
  },
  {
    name: 'parseChangeEvents(buf)',
    count: N,
    run: () => {
      let n = 0;
      for (const b of dbz) {
        const r = parseChangeEvents(b, { format: 'debezium' });
        if (r.ok) n += r.events.length;
      }
      return n;
    },
  },
]);
console.log(
  table(`CDC debezium from Buffer (${N.toLocaleString('en-US')} messages)`, bufferRows, ['JSON.parse(buf.toString())']),
);
console.log(
  `### CDC summary (cost = parseChangeEvents time / JSON.parse time; target for Debezium <= 2x)\n\n${summary.join('\n')}\n`,
);
