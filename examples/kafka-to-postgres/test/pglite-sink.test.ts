/** PGlite sink: the exactly-once, no-regression and dead-letter rules on real (WASM) PostgreSQL, no services. */
import { fc, test as propTest } from '@fast-check/vitest';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { runPipeline } from '../src/pipeline.js';
import { createInlinePreparer } from '../src/preparers.js';
import { USERS_ENRICHED_COLUMNS } from '../src/schema.js';
import { createPgliteDriver } from '../src/sinks/pglite.js';
import { createSqlSink, isDataError, type SqlDriver } from '../src/sinks/sql-sink.js';
import { createGeneratorSource } from '../src/sources/generator.js';
import type { PreparedMessage, Sink, SourceMessage } from '../src/types.js';
import { generateLabelledEvents } from './fixture-events.js';
import { diffModel, modelOf, preparedChange, preparerOf, tableSnapshot, withColumn } from './helpers.js';
import { REFERENCE_COLUMNS, referenceColumns } from './reference.js';

let driver: SqlDriver;
let sink: Sink;

beforeAll(async () => {
  driver = await createPgliteDriver();
  sink = createSqlSink(driver);
  await sink.init();
});
afterAll(async () => {
  await sink.close();
});
beforeEach(async () => {
  await driver.exec('TRUNCATE users_enriched, users_enriched_tombstones, cdc_dead_letters, cdc_offsets; SELECT 1;');
});

describe('schema', () => {
  test('users_enriched has the seed 21 columns in order, then the extras', async () => {
    const result = await driver.query(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = 'users_enriched' ORDER BY ordinal_position`,
    );
    const names = result.rows.map((r) => r['column_name']);
    expect(names.slice(0, 21)).toEqual([
      'id', 'first_name', 'last_name', 'email', 'email_domain', 'phone', 'address', 'city', 'state', 'country',
      'postal_code', 'created_at', 'updated_at', 'source_system', 'migration_timestamp', 'cdc_operation',
      'full_name', 'email_category', 'inferred_country', 'is_valid_email_flag', 'normalized_email',
    ]); // biome-ignore format: one line per seed column would hide the order
    expect(names).toEqual(USERS_ENRICHED_COLUMNS.map((c) => c.name));
    const types = new Map(result.rows.map((r) => [r['column_name'], r['data_type']]));
    expect(types.get('id')).toBe('bigint');
    expect(types.get('is_valid_email_flag')).toBe('boolean');
    expect(types.get('migration_timestamp')).toBe('timestamp with time zone');
  });

  test('init is idempotent (a restart or a second worker runs it again)', async () => {
    await sink.init();
    await sink.init();
    const views = await driver.query(
      `SELECT table_name FROM information_schema.views WHERE table_name = 'user_analytics'`,
    );
    expect(views.rows).toHaveLength(1);
  });
});

describe('writes', () => {
  test('rows and offsets commit together; a replayed batch is dropped as duplicates', async () => {
    const batch = [
      preparedChange(0, 0, { id: 1, op: 'INSERT', seq: 1 }),
      preparedChange(0, 1, { id: 2, op: 'INSERT', seq: 2 }),
    ];
    const first = await sink.write('g', batch);
    expect(first).toMatchObject({ consumed: 2, applied: 2, duplicates: 0, rowsUpserted: 2 });
    expect((await sink.loadOffsets('g', 't', [0])).get(0)).toBe('2');
    const replay = await sink.write('g', batch);
    expect(replay).toMatchObject({ consumed: 0, applied: 0, duplicates: 2, rowsUpserted: 0 });
    // Another group has its own offsets: the same messages are new to it (and are no-ops on the rows).
    const other = await sink.write('h', batch);
    expect(other).toMatchObject({ consumed: 2, applied: 2, rowsUpserted: 0 });
  });

  test('an older position never replaces a newer row', async () => {
    await sink.write('g', [preparedChange(0, 0, { id: 7, op: 'UPDATE', seq: 10, email: 'new@example.com' })]);
    await sink.write('g', [preparedChange(0, 1, { id: 7, op: 'INSERT', seq: 3, email: 'old@example.com' })]);
    const row = await driver.query('SELECT email, cdc_sequence::int AS seq FROM users_enriched WHERE id = 7');
    expect(row.rows).toEqual([{ email: 'new@example.com', seq: 10 }]);
  });

  test('a delete leaves a tombstone: an older insert replayed later does not resurrect the row', async () => {
    await sink.write('g', [preparedChange(0, 0, { id: 5, op: 'INSERT', seq: 1 })]);
    const deleted = await sink.write('g', [preparedChange(0, 1, { id: 5, op: 'DELETE', seq: 4 })]);
    expect(deleted.rowsDeleted).toBe(1);
    await sink.write('g', [preparedChange(0, 2, { id: 5, op: 'UPDATE', seq: 3 })]);
    expect((await tableSnapshot(driver)).has('5')).toBe(false);
    // A newer insert of the same key (re-created user) is applied.
    await sink.write('g', [preparedChange(0, 3, { id: 5, op: 'INSERT', seq: 9 })]);
    expect((await tableSnapshot(driver)).get('5')).toBe(9);
  });

  test('tombstones older than the retention are pruned; younger ones stay', async () => {
    await sink.write('g', [
      preparedChange(0, 0, { id: 8, op: 'DELETE', seq: 2 }),
      preparedChange(0, 1, { id: 9, op: 'DELETE', seq: 3 }),
    ]);
    await driver.query(`UPDATE users_enriched_tombstones SET deleted_at = now() - interval '2 hours' WHERE id = 8`);
    // A new sink prunes on its first write (then at most once a minute).
    const pruning = createSqlSink(driver, { tombstoneRetentionMs: 3600_000 });
    await pruning.write('g', [preparedChange(0, 2, { id: 10, op: 'INSERT', seq: 4 })]);
    const left = await driver.query('SELECT id::int AS id FROM users_enriched_tombstones ORDER BY id');
    expect(left.rows).toEqual([{ id: 9 }]);
    // 0 keeps them forever.
    await driver.query(`UPDATE users_enriched_tombstones SET deleted_at = now() - interval '3000 days'`);
    await createSqlSink(driver, { tombstoneRetentionMs: 0 }).write('g', [
      preparedChange(0, 3, { id: 11, op: 'INSERT', seq: 5 }),
    ]);
    expect((await driver.query('SELECT COUNT(*)::int AS n FROM users_enriched_tombstones')).rows).toEqual([{ n: 1 }]);
  });

  test('several changes of one id in a batch collapse to the newest', async () => {
    const result = await sink.write('g', [
      preparedChange(0, 0, { id: 1, op: 'INSERT', seq: 1 }),
      preparedChange(0, 1, { id: 1, op: 'UPDATE', seq: 2 }),
      preparedChange(0, 2, { id: 1, op: 'DELETE', seq: 3 }),
      preparedChange(0, 3, { id: 2, op: 'INSERT', seq: 4 }),
      preparedChange(0, 4, { id: 2, op: 'UPDATE', seq: 5 }),
    ]);
    expect(result).toMatchObject({ consumed: 5, applied: 5 });
    expect([...(await tableSnapshot(driver))]).toEqual([['2', 5]]);
  });

  test('dead letters keep topic, partition, offset, code and raw bytes; counts balance', async () => {
    const raw = new TextEncoder().encode('{"not json');
    const messages: PreparedMessage[] = [
      preparedChange(3, 10, { id: 1, op: 'INSERT', seq: 1 }),
      {
        topic: 't',
        partition: 3,
        offset: '11',
        timestampMs: null,
        effects: [{ kind: 'dead-letter', code: 'invalid_json', message: 'bad', raw }],
      },
      { topic: 't', partition: 3, offset: '12', timestampMs: null, effects: [{ kind: 'skip', reason: 'tombstone' }] },
    ];
    const result = await sink.write('g', messages);
    expect(result).toMatchObject({ consumed: 3, applied: 1, deadLettered: 1, skipped: 1 });
    expect(result.consumed).toBe(result.applied + result.deadLettered + result.skipped);
    const dl = await driver.query(
      'SELECT topic, kafka_partition, kafka_offset::text AS o, error_code, raw_value FROM cdc_dead_letters',
    );
    expect(dl.rows).toHaveLength(1);
    expect(dl.rows[0]).toMatchObject({ topic: 't', kafka_partition: 3, o: '11', error_code: 'invalid_json' });
    expect(new Uint8Array(dl.rows[0]!['raw_value'] as Uint8Array)).toEqual(raw);
  });

  test('a failing statement rolls back rows and offsets, and is classified as a data error', async () => {
    const good = preparedChange(0, 0, { id: 1, op: 'INSERT', seq: 1 });
    const bad = withColumn(preparedChange(0, 1, { id: 2, op: 'INSERT', seq: 2 }), 'created_at', 'not a timestamp');
    const error = await sink.write('g', [good, bad]).catch((e: unknown) => e);
    expect(isDataError(error)).toBe(true);
    expect((await tableSnapshot(driver)).size).toBe(0);
    expect((await sink.loadOffsets('g', 't', [0])).size).toBe(0);
  });
});

describe('pipeline on PGlite', () => {
  test('a row the database rejects is isolated by bisection and dead-lettered; the rest is applied', async () => {
    const messages: SourceMessage[] = Array.from({ length: 20 }, (_, i) => ({
      topic: 'gen',
      partition: 0,
      offset: String(i),
      key: null,
      value: new Uint8Array([i]),
      timestampMs: null,
    }));
    const prepare = (m: SourceMessage): PreparedMessage => {
      const i = Number(m.offset);
      const p = preparedChange(0, i, { id: i + 1, op: 'INSERT', seq: i + 1 }, 'gen');
      return i === 13 ? withColumn(p, 'cdc_timestamp', 'never') : p;
    };
    const run = runPipeline({
      source: {
        description: 'fixed',
        async *batches() {
          yield { messages };
        },
        close: async () => {},
      },
      sink,
      groupId: 'g',
      preparer: preparerOf(prepare),
      progressIntervalMs: 0,
    });
    const totals = await run.done;
    expect(totals).toMatchObject({ consumed: 20, applied: 19, deadLettered: 1, skipped: 0 });
    const dl = await driver.query('SELECT kafka_offset::int AS o, error_code FROM cdc_dead_letters');
    expect(dl.rows).toEqual([{ o: 13, error_code: 'sink_rejected' }]);
    expect((await tableSnapshot(driver)).size).toBe(19);
  });

  test('a stopped run resumes from the stored offsets: applied once in total', async () => {
    const events = Array.from(
      { length: 500 },
      (_, i) => ({ id: (i % 50) + 1, op: i % 9 === 8 ? 'DELETE' : 'UPDATE', seq: i + 1 }) as const,
    );
    const prepare = (m: SourceMessage) => {
      const e = events[Number(m.offset)]!;
      return preparedChange(0, Number(m.offset), { ...e }, 'gen');
    };
    const source = () =>
      createGeneratorSource({ messages: () => events.map((e) => JSON.stringify(e)), topic: 'gen', batchSize: 37 });
    const first = await runPipeline({
      source: source(),
      sink,
      groupId: 'g',
      preparer: preparerOf(prepare),
      stopAfter: 200,
      // One chunk between the stages, one chunk per transaction: the stop lands mid-stream.
      maxInFlightBatches: 1,
      maxBatchMessages: 37,
      maxTransactionMessages: 37,
      progressIntervalMs: 0,
    }).done;
    expect(first.consumed).toBeGreaterThanOrEqual(200);
    expect(first.consumed).toBeLessThan(500);
    const second = await runPipeline({
      source: source(),
      sink,
      groupId: 'g',
      preparer: preparerOf(prepare),
      progressIntervalMs: 0,
    }).done;
    expect(first.consumed + second.consumed).toBe(500);
    expect(second.duplicates).toBe(0);
    const model = modelOf(events.map((e) => ({ id: e.id, cdc_operation: e.op, cdc_sequence: e.seq })));
    expect(diffModel(await tableSnapshot(driver), model)).toEqual([]);
  });
});

describe('parse + enrich on PGlite', () => {
  test('enriched columns equal the hand-labelled reference (not the enricher), over several transactions', async () => {
    const events = [...generateLabelledEvents(3000, 11)];
    const totals = await runPipeline({
      source: createGeneratorSource({ messages: () => events, topic: 'gen', batchSize: 500 }),
      sink,
      groupId: 'g',
      preparer: createInlinePreparer(),
      maxBatchMessages: 250,
      maxTransactionMessages: 500,
      progressIntervalMs: 0,
    }).done;
    expect(totals).toMatchObject({ consumed: 3000, applied: 3000, deadLettered: 0 });
    expect(totals.batches).toBeGreaterThan(5);
    const model = modelOf(events);
    expect(diffModel(await tableSnapshot(driver), model)).toEqual([]);
    const winners = new Map(
      events.filter((e) => model.get(String(e.id)) === e.cdc_sequence).map((e) => [String(e.id), e]),
    );
    const rows = await driver.query(`SELECT id::text AS id, ${REFERENCE_COLUMNS.join(', ')} FROM users_enriched`);
    const mismatches: string[] = [];
    for (const row of rows.rows) {
      for (const [column, value] of Object.entries(referenceColumns(winners.get(String(row['id']))!))) {
        if (row[column] !== value)
          mismatches.push(`id ${row['id']} ${column}: ${String(row[column])} != ${String(value)}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(rows.rows.length).toBe(model.size);
  }, 120_000);
});

// Any delivery order, any batching, any redelivery of already-written offsets: final table == model. The runs are
// longer than a transaction (up to 400 changes over up to 20 ids, writes of up to 60 messages), and counters
// check that the redelivery and the multi-write branches ran.
const changeArb = fc.record({
  id: fc.integer({ min: 1, max: 20 }),
  op: fc.constantFrom('INSERT' as const, 'UPDATE' as const, 'DELETE' as const),
});
const ran = { redelivered: 0, multiWrite: 0, pipelineTransactions: 0 };
afterAll(() => {
  expect(ran.redelivered).toBeGreaterThan(0);
  expect(ran.multiWrite).toBeGreaterThan(0);
  expect(ran.pipelineTransactions).toBeGreaterThan(0);
});

/** Sequences in generation order; delivery order a seeded shuffle (as if merged from several sources). */
function shuffled(changes: { id: number; op: 'INSERT' | 'UPDATE' | 'DELETE' }[], seed: number) {
  const events = changes.map((c, i) => ({ ...c, seq: i + 1 }));
  const order = events.map((_, i) => i);
  let s = seed;
  for (let i = order.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { events, delivered: order.map((index, offset) => preparedChange(0, offset, events[index]!)) };
}

const modelOfChanges = (events: { id: number; op: string; seq: number }[]) =>
  modelOf(events.map((e) => ({ id: e.id, cdc_operation: e.op as 'INSERT', cdc_sequence: e.seq })));

propTest.prop(
  [
    fc.array(changeArb, { minLength: 20, maxLength: 400 }),
    fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 }),
    fc.integer({ min: 0, max: 2 ** 31 }),
  ],
  { numRuns: 40 },
)(
  'final table equals the newest-event-per-id model under reordering, batching and redelivery',
  async (changes, sizes, seed) => {
    await driver.exec('TRUNCATE users_enriched, users_enriched_tombstones, cdc_dead_letters, cdc_offsets; SELECT 1;');
    const { events, delivered } = shuffled(changes, seed);
    let position = 0;
    let k = 0;
    while (position < delivered.length) {
      const size = sizes[k++ % sizes.length]!;
      // Redeliver up to `size` already-written messages before new ones (a crash before the commit was seen).
      const from = Math.max(0, position - (k % 2 === 0 ? size : 0));
      const result = await sink.write('g', delivered.slice(from, position + size));
      if (result.duplicates > 0) ran.redelivered++;
      position += size;
    }
    if (k > 1) ran.multiWrite++;
    expect(diffModel(await tableSnapshot(driver), modelOfChanges(events))).toEqual([]);
  },
);

propTest.prop(
  [
    fc.array(changeArb, { minLength: 50, maxLength: 400 }),
    fc.integer({ min: 1, max: 50 }),
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 0, max: 2 ** 31 }),
  ],
  { numRuns: 20 },
)(
  'through the stage pipeline (small chunks, merged transactions, bounded queue): table == model',
  async (changes, chunk, inFlight, seed) => {
    await driver.exec('TRUNCATE users_enriched, users_enriched_tombstones, cdc_dead_letters, cdc_offsets; SELECT 1;');
    const { events, delivered } = shuffled(changes, seed);
    const totals = await runPipeline({
      source: createGeneratorSource({ messages: () => delivered.map((_, i) => String(i)), topic: 't', batchSize: 97 }),
      sink,
      groupId: 'g',
      preparer: preparerOf((m) => delivered[Number(m.offset)]!),
      maxBatchMessages: chunk,
      maxTransactionMessages: chunk * 2,
      maxInFlightBatches: inFlight,
      progressIntervalMs: 0,
    }).done;
    expect(totals.consumed).toBe(delivered.length);
    if (totals.batches > 1) ran.pipelineTransactions++;
    expect(diffModel(await tableSnapshot(driver), modelOfChanges(events))).toEqual([]);
  },
);
