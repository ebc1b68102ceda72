/**
 * Reliability: a Kafka broker restart and a PostgreSQL restart in the middle of a stream. The worker must resume
 * by itself, and the table must equal the model afterwards.
 *
 * These tests stop and start services, so they run on PRIVATE instances (a second broker on 19092/19093 and a
 * second PostgreSQL cluster on 55432, started by `scripts/services.sh` with PG_CLUSTER/KAFKA_INSTANCE), never on
 * the shared ones other tests use concurrently. Each test leaves its instance up again. In CI a failure to start
 * them fails the run; elsewhere the tests are skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { produceEvents } from '../src/demo/producer.js';
import { ensureTopic } from '../src/kafka.js';
import { startKafkaToPostgresWorker } from '../src/worker.js';
import { generateLabelledEvents } from './fixture-events.js';
import { diffModel, modelOf, runId, tableSnapshot } from './helpers.js';
import { createTestSchema, storedProgress, testDb, waitCaughtUp, waitFor } from './integration-helpers.js';

const SERVICES_SCRIPT = fileURLToPath(new URL('../../../scripts/services.sh', import.meta.url));
/** The private instances: other ports, another Debian cluster, another broker data folder. */
const PRIVATE_ENV = {
  PG_CLUSTER: 'cdc_restart',
  PG_PORT: '55432',
  KAFKA_INSTANCE: 'restart',
  KAFKA_PORT: '19092',
  KAFKA_CONTROLLER_PORT: '19093',
};
const BROKERS = [`127.0.0.1:${PRIVATE_ENV.KAFKA_PORT}`];
const DATABASE_URL = `postgres://cdc:cdc@127.0.0.1:${PRIVATE_ENV.PG_PORT}/cdc_enrich`;

function services(...args: string[]): void {
  execFileSync('bash', [SERVICES_SCRIPT, ...args], {
    env: { ...process.env, ...PRIVATE_ENV },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 240_000,
  });
}

function startPrivateServices(): string | null {
  try {
    services('up');
    return null;
  } catch (error) {
    return `cannot start the private Kafka/PostgreSQL instances: ${String((error as { stderr?: unknown }).stderr ?? error).slice(-400)}`;
  }
}

const unavailable = startPrivateServices();
if (unavailable && process.env['CI']) {
  test('private services for the restart tests start', () => {
    throw new Error(unavailable);
  });
}

describe.skipIf(unavailable !== null)('restarts in the middle of a stream', () => {
  const id = runId();
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(() => {
    // Whatever happened before (an earlier run killed mid-test), start from both instances up.
    services('up');
  }, 240_000);
  afterAll(async () => {
    services('up');
    for (const c of cleanups.reverse()) await c().catch(() => {});
  }, 240_000);

  async function scenario(name: string) {
    const topic = `cdc-restart-${name}-${id}`;
    const groupId = topic;
    await ensureTopic(BROKERS, topic, 4);
    const schema = await createTestSchema(DATABASE_URL, `r_${name}_${id}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase());
    const db = testDb(schema.url);
    cleanups.push(async () => {
      await db.close();
      await schema.drop();
    });
    return { topic, groupId, url: schema.url, db };
  }

  async function restartMidStream(service: 'kafka' | 'postgres', name: string) {
    const { topic, groupId, url, db } = await scenario(name);
    const first = [...generateLabelledEvents(20_000, 21)];
    const second = [...generateLabelledEvents(5_000, 22, { firstId: 1_000_000, firstSequence: 1_000_000 })];
    await produceEvents(BROKERS, topic, first, { inFlight: 4 });
    const lines: string[] = [];
    const worker = await startKafkaToPostgresWorker({
      log: (line) => lines.push(line),
      brokers: BROKERS,
      topic,
      groupId,
      databaseUrl: url,
      progressIntervalMs: 0,
      sessionTimeoutMs: 10_000,
      // Small transactions, so the stream is still running when the service goes away.
      maxBatchMessages: 250,
      maxTransactionMessages: 250,
      maxInFlightBatches: 2,
    });
    try {
      await waitFor(async () => (await storedProgress(db, groupId)) > 2_000n, 120_000, 'progress before the restart');
      services('stop', service);
      // The restart lands in the middle of the stream, not after it.
      expect(await storedProgress(db, groupId)).toBeLessThan(BigInt(first.length));
      await new Promise((r) => setTimeout(r, 3000));
      services('start', service);
      // New events after the restart: the worker must pick them up by itself.
      await produceEvents(BROKERS, topic, second, { inFlight: 4 });
      await waitCaughtUp(BROKERS, db, groupId, topic, 240_000);
    } finally {
      services('up');
      await worker.stop();
    }
    const totals = await worker.pipeline.done;
    const events = [...first, ...second];
    expect(totals.consumed).toBe(events.length);
    expect(totals.consumed).toBe(totals.applied + totals.deadLettered + totals.skipped);
    expect(diffModel(await tableSnapshot(db), modelOf(events))).toEqual([]);
    return { totals, lines };
  }

  test('Kafka broker restart: the consumer rejoins and resumes; table == model', async () => {
    // The stop lands mid-stream (asserted inside), and the events produced after the restart are consumed: the
    // worker came back by itself. (Whether a fetch failed meanwhile depends on timing: with a full queue the
    // worker does not fetch at all while the broker is down.)
    await restartMidStream('kafka', 'kafka');
  }, 600_000);

  test('PostgreSQL restart: writes are retried, offsets not committed early; table == model', async () => {
    const { totals, lines } = await restartMidStream('postgres', 'postgres');
    expect(totals.sinkRetries).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('offsets not committed'))).toBe(true);
  }, 600_000);
});
