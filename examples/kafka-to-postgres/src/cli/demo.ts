/**
 * `npm run demo [-- --count N --seed S --keep --embedded --data-dir PATH]`
 *
 * - No services configured (or `--embedded`): generated seed-format events → enrich → PGlite in `.pgdata/demo` at
 *   the repo root (created with its parents; wiped at start unless --keep).
 * - With KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL (or POSTGRES_*): produces the events into the topic
 *   (KAFKA_TOPIC, default cdc-events), consumes them with a worker into PostgreSQL until caught up.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// The bench corpus generator: realistic seed-format events (Zipf-like domains, many countries, 70/25/5 ops).
import { generateSeedEvents } from '../../../../bench/corpus.js';
import { DEFAULT_TOPIC, databaseUrlFromEnv, kafkaBrokersFromEnv, redactDatabaseUrl } from '../config.js';
import { describeError } from '../errors.js';
import { ensureTopic, remainingMessages } from '../kafka.js';
import { createPipelineMetrics } from '../metrics.js';
import { type PipelineTotals, runPipeline } from '../pipeline.js';
import { produceEvents } from '../producer.js';
import { formatReport } from '../report.js';
import { createPgliteDriver } from '../sinks/pglite.js';
import { createPostgresDriver } from '../sinks/postgres.js';
import { createSqlSink } from '../sinks/sql-sink.js';
import { createGeneratorSource } from '../sources/generator.js';
import { startKafkaToPostgresWorker } from '../worker.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const DEMO_GROUP_ID = 'cdc-enrich-demo';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '50000' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      embedded: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const brokers = values.embedded ? null : kafkaBrokersFromEnv();
  const databaseUrl = values.embedded ? null : databaseUrlFromEnv();

  let stopRequested = false;
  let stopCurrent = () => {};
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopRequested) process.exit(1);
      stopRequested = true;
      log(`${signal}: finishing the batch in flight`);
      stopCurrent();
    });
  }

  if (brokers && databaseUrl) {
    const topic = process.env['KAFKA_TOPIC'] ?? DEFAULT_TOPIC;
    log(`demo: real services, kafka ${brokers.join(',')} topic ${topic}, ${redactDatabaseUrl(databaseUrl)}`);
    await ensureTopic(brokers, topic, 4);
    // Continue the sequence past earlier demo runs, so their rows are updated rather than seen as stale.
    const firstSequence = Date.now() * 1000;
    const produced = await produceEvents(brokers, topic, generateSeedEvents(count, seed, { firstSequence }));
    log(`demo: produced ${produced} events`);
    const worker = await startKafkaToPostgresWorker({
      brokers,
      topic,
      groupId: DEMO_GROUP_ID,
      databaseUrl,
      metricsPort: Number(process.env['METRICS_PORT'] ?? 9464),
      progressIntervalMs: 2000,
      log,
    });
    stopCurrent = () => void worker.stop();
    const db = createPostgresDriver(databaseUrl);
    // Caught up = the offsets stored with the rows reach the topic's end offsets.
    while (!stopRequested) {
      const left = await remainingMessages(brokers, topic, (partitions) =>
        worker.sink.loadOffsets(DEMO_GROUP_ID, topic, partitions),
      ).catch(() => -1n);
      if (left === 0n) break;
      await sleep(500);
    }
    await worker.stop();
    const totals = await worker.pipeline.done;
    process.stdout.write(`${await formatReport(totals, db)}\n`);
    await db.close();
    return;
  }

  const dataDir = resolve(values['data-dir'] ?? resolve(REPO_ROOT, '.pgdata/demo'));
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
  if (!values.embedded) {
    log('demo: no services configured (set KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL for real ones);');
  }
  log(`demo: ${count} generated events -> enrich -> PGlite in ${dataDir}`);
  const driver = await createPgliteDriver(dataDir);
  const sink = createSqlSink(driver);
  const pipeline = runPipeline({
    source: createGeneratorSource({ messages: () => generateSeedEvents(count, seed), batchSize: 2000 }),
    sink,
    groupId: DEMO_GROUP_ID,
    metrics: createPipelineMetrics(),
    log,
    progressIntervalMs: 2000,
  });
  stopCurrent = () => pipeline.stop();
  const totals: PipelineTotals = await pipeline.done;
  process.stdout.write(`${await formatReport(totals, driver)}\n`);
  await driver.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`demo failed: ${describeError(error)}`);
    process.exit(1);
  },
);
