/**
 * Integration tests against a real Kafka broker and a real PostgreSQL (`bash scripts/services.sh up`).
 * In CI a missing service fails the run; on a laptop the tests are skipped with the reason.
 * Each test uses its own topic, consumer group and PostgreSQL schema. Service restarts are in restart.test.ts,
 * on private instances.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { produceEvents, toKafkaMessage } from '../src/demo/producer.js';
import { deleteTopics, ensureTopic } from '../src/kafka.js';
import { startKafkaToPostgresWorker } from '../src/worker.js';
import { generateLabelledEvents, type SeedEvent } from './fixture-events.js';
import { diffModel, modelOf, requireServices, runId, tableSnapshot } from './helpers.js';
import {
  createTestSchema,
  spawnWorker,
  storedProgress,
  testDb,
  waitCaughtUp,
  waitFor,
  waitStopHandlers,
} from './integration-helpers.js';
import { REFERENCE_COLUMNS, referenceColumns } from './reference.js';

const services = await requireServices();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe.runIf(services)('Kafka → enrich → PostgreSQL', () => {
  // The body is collected even when skipped: no non-null assertion here.
  const { brokers, databaseUrl } = services ?? { brokers: [], databaseUrl: '' };
  const id = runId();
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  /** Topic, group and schema of one test. */
  async function scenario(name: string, partitions = 4) {
    const topic = `cdc-test-${name}-${id}`;
    const groupId = `cdc-test-${name}-${id}`;
    await ensureTopic(brokers, topic, partitions);
    const schema = await createTestSchema(databaseUrl, `t_${name}_${id}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase());
    const db = testDb(schema.url);
    cleanups.push(async () => {
      await db.close();
      await schema.drop();
      await deleteTopics(brokers, [topic]);
    });
    return { topic, groupId, url: schema.url, db };
  }

  test('end to end: 100k mixed-op events; rows equal the model, enriched columns equal the hand-labelled reference; /metrics agrees', async () => {
    const { topic, groupId, url, db } = await scenario('e2e');
    const events = [...generateLabelledEvents(100_000, 6)];
    const ops = new Set(events.map((e) => e.cdc_operation));
    expect(ops).toEqual(new Set(['INSERT', 'UPDATE', 'DELETE']));
    const worker = await startKafkaToPostgresWorker({
      brokers,
      topic,
      groupId,
      databaseUrl: url,
      progressIntervalMs: 0,
      metricsPort: 0,
    });
    const produced = await produceEvents(brokers, topic, events, { inFlight: 4 });
    expect(produced).toBe(100_000);
    await waitCaughtUp(brokers, db, groupId, topic, 240_000);
    // Scrape /metrics as Prometheus would, before stopping.
    const address = worker.server?.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const scrape = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(scrape.status).toBe(200);
    const metrics = await scrape.text();
    const counter = (name: string) => Number(metrics.match(new RegExp(`^${name} (\\d+)$`, 'm'))?.[1] ?? Number.NaN);
    expect(counter('cdc_events_consumed_total')).toBe(100_000);
    expect(counter('cdc_events_applied_total')).toBe(100_000);
    expect(metrics).toMatch(/^cdc_event_to_row_latency_seconds_count \d+$/m);
    expect(metrics).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    await worker.stop();
    const totals = await worker.pipeline.done;
    expect(totals.consumed).toBe(100_000);
    expect(totals.consumed).toBe(totals.applied + totals.deadLettered + totals.skipped);
    expect(totals.deadLettered).toBe(0);

    const model = modelOf(events);
    expect(diffModel(await tableSnapshot(db), model)).toEqual([]);
    // Source columns are the winning event's; enriched columns equal the reference, which is not the enricher.
    const winners = new Map<string, SeedEvent>();
    for (const e of events) if (model.get(String(e.id)) === e.cdc_sequence) winners.set(String(e.id), e);
    const rows = await db.query(
      `SELECT id::text AS id, first_name, last_name, email, phone, city, country, postal_code, cdc_operation,
              ${REFERENCE_COLUMNS.join(', ')} FROM users_enriched`,
    );
    const mismatches: string[] = [];
    for (const row of rows.rows) {
      const event = winners.get(String(row['id']))!;
      const expected: Record<string, unknown> = {
        first_name: event.first_name,
        last_name: event.last_name,
        email: event.email,
        phone: event.phone,
        city: event.city,
        country: event.country,
        postal_code: event.postal_code,
        cdc_operation: event.cdc_operation,
        ...referenceColumns(event),
      };
      for (const [column, value] of Object.entries(expected)) {
        if (row[column] !== value)
          mismatches.push(`id ${row['id']} ${column}: ${String(row[column])} != ${String(value)}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(rows.rows.length).toBe(model.size);
  }, 300_000);

  test('crash: kill -9 at random points (3+ times), restart, final table == model', async () => {
    const { topic, groupId, url, db } = await scenario('crash');
    const events = [...generateLabelledEvents(60_000, 7)];
    const env = { KAFKA_BOOTSTRAP_SERVERS: brokers.join(','), DATABASE_URL: url };
    const args = ['--topic', topic, '--group-id', groupId, '--max-batch', '500', '--session-timeout-ms', '6000'];
    // Produce while the workers run, paced, so every kill lands in the middle of the stream.
    const producing = produceEvents(brokers, topic, events, { rate: 6000 });
    let kills = 0;
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    while (kills < 3) {
      const worker = spawnWorker(env, args);
      const before = await storedProgress(db, groupId);
      // Wait for this incarnation to commit something, then kill it at a random moment.
      await waitFor(async () => (await storedProgress(db, groupId)) > before, 90_000, 'progress after restart');
      await sleep(Math.floor(random() * 1500));
      worker.child.kill('SIGKILL');
      await worker.exited;
      kills++;
    }
    await producing;
    const last = spawnWorker(env, args);
    // The stream may be applied already: do not signal the process during Node's own bootstrap.
    await waitStopHandlers(last);
    await waitCaughtUp(brokers, db, groupId, topic, 180_000);
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(diffModel(await tableSnapshot(db), modelOf(events))).toEqual([]);
    const dead = await db.query('SELECT COUNT(*)::int AS n FROM cdc_dead_letters');
    expect(dead.rows[0]?.['n']).toBe(0);
  }, 400_000);

  test('SIGTERM at any phase of start-up (launcher build, loading, joining the group, running): exit 0', async () => {
    const { topic, groupId, url } = await scenario('sigterm', 2);
    const env = { KAFKA_BOOTSTRAP_SERVERS: brokers.join(','), DATABASE_URL: url };
    const args = ['--topic', topic, '--group-id', groupId, '--session-timeout-ms', '6000'];
    // Each phase is reached from the moment the process handles signals (the first two) or by its log lines.
    const phases: { name: string; ready: (w: ReturnType<typeof spawnWorker>) => Promise<void> }[] = [
      { name: 'as soon as it handles signals', ready: (w) => waitStopHandlers(w) },
      { name: 'while building or loading', ready: (w) => waitStopHandlers(w).then(() => sleep(300)) },
      { name: 'once started', ready: (w) => waitFor(() => /worker group=/.test(w.output()), 60_000, 'start') },
      { name: 'once assigned', ready: (w) => waitFor(() => /assigned /.test(w.output()), 60_000, 'assignment') },
    ];
    const exits: Record<string, number | null> = {};
    for (const phase of phases) {
      const worker = spawnWorker(env, args);
      await phase.ready(worker);
      worker.child.kill('SIGTERM');
      exits[phase.name] = await worker.exited;
    }
    expect(exits).toEqual(Object.fromEntries(phases.map((p) => [p.name, 0])));
  }, 180_000);

  test('scale-out: 2 workers share 4 partitions, one leaves, the other takes over; every event once', async () => {
    const { topic, groupId, url, db } = await scenario('scale');
    const events = [...generateLabelledEvents(40_000, 8)];
    const env = { KAFKA_BOOTSTRAP_SERVERS: brokers.join(','), DATABASE_URL: url };
    const args = ['--topic', topic, '--group-id', groupId, '--max-batch', '500', '--session-timeout-ms', '6000'];
    const a = spawnWorker(env, args);
    const b = spawnWorker(env, args);
    // Both members own partitions once the group has balanced (2 + 2).
    const assigned = (w: typeof a) => [...w.output().matchAll(/assigned \S+ partitions \[([\d,]*)\]/g)].at(-1)?.[1];
    await waitFor(
      () => assigned(a)?.split(',').length === 2 && assigned(b)?.split(',').length === 2,
      90_000,
      'a 2+2 assignment',
    );
    const producing = produceEvents(brokers, topic, events, { rate: 8000 });
    await waitFor(async () => (await storedProgress(db, groupId)) > 8_000n, 60_000, 'progress of both workers');
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    const bTotals = JSON.parse(b.output().match(/\{"totals":.*\}/)?.[0] ?? '{}') as { totals?: { consumed: number } };
    expect(bTotals.totals?.consumed).toBeGreaterThan(0);
    await waitFor(() => assigned(a)?.split(',').length === 4, 60_000, 'worker A taking all 4 partitions');
    await producing;
    await waitCaughtUp(brokers, db, groupId, topic, 120_000);
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    const aTotals = JSON.parse(a.output().match(/\{"totals":.*\}/)?.[0] ?? '{}') as { totals?: { consumed: number } };
    // Exactly once across both workers: the consumed counts add up to the events (no duplicate was applied).
    expect((aTotals.totals?.consumed ?? 0) + (bTotals.totals?.consumed ?? 0)).toBe(events.length);
    expect(diffModel(await tableSnapshot(db), modelOf(events))).toEqual([]);
  }, 300_000);

  test('poison messages are dead-lettered with their raw bytes; counts balance', async () => {
    const { topic, groupId, url, db } = await scenario('poison', 1);
    const good = [...generateLabelledEvents(200, 9)].map((e) => toKafkaMessage(e));
    const big = `{"id": 1, "first_name": "${'x'.repeat(5 * 1024 * 1024)}", "cdc_operation": "INSERT", "cdc_sequence": 1}`;
    const poison = [
      { key: 'p1', value: '{"id": 1, "cdc_operation": "INSERT", ' },
      { key: 'p2', value: JSON.stringify({ hello: 'world', nothing: ['cdc'] }) },
      { key: 'p3', value: JSON.stringify({ id: { nested: true }, cdc_operation: 'INSERT', cdc_sequence: 'soon' }) },
      { key: 'p4', value: big },
      { key: 'p5', value: null },
    ];
    const messages = [...good.slice(0, 100), ...poison, ...good.slice(100)];
    await produceEvents(brokers, topic, messages, { batchSize: 50 });
    const worker = await startKafkaToPostgresWorker({
      brokers,
      topic,
      groupId,
      databaseUrl: url,
      progressIntervalMs: 0,
    });
    await waitCaughtUp(brokers, db, groupId, topic, 120_000);
    await worker.stop();
    const totals = await worker.pipeline.done;
    expect(totals.consumed).toBe(messages.length);
    expect(totals.consumed).toBe(totals.applied + totals.deadLettered + totals.skipped);
    expect(totals.applied).toBe(200);
    expect(totals.deadLettered).toBe(4);
    expect(totals.skipped).toBe(1);
    const dl = await db.query(
      `SELECT kafka_offset::int AS o, error_code, octet_length(raw_value) AS bytes FROM cdc_dead_letters ORDER BY kafka_offset`,
    );
    expect(dl.rows.map((r) => r['o'])).toEqual([100, 101, 102, 103]);
    expect(dl.rows.every((r) => typeof r['error_code'] === 'string' && r['error_code'] !== '')).toBe(true);
    expect(dl.rows[3]?.['bytes']).toBe(Buffer.byteLength(big));
    expect(dl.rows[0]?.['bytes']).toBe(Buffer.byteLength(String(poison[0]!.value)));
    expect(diffModel(await tableSnapshot(db), modelOf([...generateLabelledEvents(200, 9)]))).toEqual([]);
  }, 180_000);
});
