/**
 * `npm run demo [-- options]`: the README's first command. `--help` for the options.
 *
 * - No services configured (or `--embedded`): generated seed-format events → enrich → PGlite in `.pgdata/demo`
 *   at the repo root (created with its parents; wiped at start unless --keep).
 * - With KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL (or POSTGRES_*): produces the events into the topic, consumes
 *   them with a worker into PostgreSQL until caught up, prints the report.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The corpus generator (@cdc-enrich/corpus): realistic seed-format events, 70/25/5 ops.
import { generateSeedEvents, type SeedEvent } from '@cdc-enrich/corpus';
import { DEFAULT_TOPIC, databaseUrlFromEnv, kafkaBrokersFromEnv, redactDatabaseUrl } from '../config.js';
import { createPipelineMetrics } from '../demo/metrics.js';
import { produceEvents } from '../demo/producer.js';
import { formatReport } from '../demo/report.js';
import { describeError } from '../errors.js';
import { toEnvelope } from '../events.js';
import { ensureTopic, remainingMessages } from '../kafka.js';
import { type PipelineTotals, runPipeline } from '../pipeline.js';
import type { PrepareOptions } from '../prepare.js';
import { createInlinePreparer } from '../preparers.js';
import { createPgliteDriver } from '../sinks/pglite.js';
import { createPostgresDriver } from '../sinks/postgres.js';
import { createSqlSink } from '../sinks/sql-sink.js';
import { createGeneratorSource } from '../sources/generator.js';
import { USERS_TABLE } from '../table.js';
import { startKafkaToPostgresWorker } from '../worker.js';
import { parseFlags, usageError } from './flags.js';
import { MAPPING_HELP, mappingFlags, prepareOptionsFromFlags } from './mapping.js';

const HELP = `npm run demo [-- options]

Generated CDC events -> parse -> enrich -> a table, then a report (counts, throughput, top rows by inferred country
and email category). Without services: embedded PostgreSQL (PGlite) in .pgdata/demo. With KAFKA_BOOTSTRAP_SERVERS
and DATABASE_URL set: produces into Kafka and consumes with a worker into PostgreSQL until caught up.

Options:
  --count N          events to generate (default 50000)
  --seed S           generator seed (default 1)
  --embedded         use PGlite even when services are configured
  --data-dir PATH    PGlite folder (default .pgdata/demo at the repository root; created with its parents)
  --keep             keep the PGlite folder from an earlier run (default: start empty)
${MAPPING_HELP}
                     (the demo renames the generated seed columns by the mapping and sends Debezium envelopes)
  -h, --help         this text

Environment: KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL or POSTGRES_HOST/PORT/DB/USER/PASSWORD, KAFKA_TOPIC
(default ${DEFAULT_TOPIC}), METRICS_PORT (default 9464, services mode), CDC_ENRICH_MAP, CDC_ENRICH_TABLE.

Examples:
  npm run demo
  npm run demo -- --count 5000 --embedded
  npm run demo -- --embedded --table customers --map id=customer_id,first_name=given_name,email=email_address
`;

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const DEMO_GROUP_ID = 'cdc-enrich-demo';

/** `port` when it is free, else 0 (any free port): a second demo or a running worker must not make it fail. */
async function freePortOr(port: number): Promise<number> {
  const free = await new Promise<boolean>((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
  if (!free) log(`demo: port ${port} is taken; serving /metrics on a free port instead`);
  return free ? port : 0;
}

/** With a mapping, the seed events renamed by it and sent as Debezium envelopes of the mapped table. */
function demoMessages(events: Iterable<SeedEvent>, prepare: PrepareOptions): Iterable<unknown> {
  const mapping = prepare.enricher?.columns as Record<string, unknown> | undefined;
  if (!mapping) return events;
  if (Array.isArray(mapping['id'])) usageError('demo', 'the demo generates one-column keys: map id to one column');
  const table = prepare.table?.table.replace(/_enriched$/, '') ?? 'mapped';
  const rename = (row: Record<string, unknown> | null) =>
    row &&
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [typeof mapping[k] === 'string' ? (mapping[k] as string) : k, v]),
    );
  return (function* () {
    for (const event of events) {
      const envelope = toEnvelope(event, 'debezium') as {
        before: never;
        after: never;
        source: Record<string, unknown>;
      };
      yield {
        ...envelope,
        before: rename(envelope.before),
        after: rename(envelope.after),
        source: { ...envelope.source, table },
      };
    }
  })();
}

async function main(): Promise<void> {
  const values = parseFlags('demo', HELP, {
    count: { type: 'string', default: '50000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    embedded: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    ...mappingFlags,
  });
  const count = Number(values.count);
  if (!Number.isSafeInteger(count) || count < 0) usageError('demo', '--count must be an integer >= 0');
  const seed = Number(values.seed);
  const prepare = prepareOptionsFromFlags('demo', values);
  const table = prepare.table ?? USERS_TABLE;
  const brokers = values.embedded ? null : kafkaBrokersFromEnv();
  const databaseUrl = values.embedded ? null : databaseUrlFromEnv();

  let stopRequested = false;
  let stopCurrent = () => {};
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopRequested) process.exit(1);
      stopRequested = true;
      log(`${signal}: finishing what was fetched`);
      stopCurrent();
    });
  }

  if (brokers && databaseUrl) {
    const topic = process.env['KAFKA_TOPIC'] ?? DEFAULT_TOPIC;
    log(`demo: real services, kafka ${brokers.join(',')} topic ${topic}, ${redactDatabaseUrl(databaseUrl)}`);
    await ensureTopic(brokers, topic, 4);
    // Continue the sequence past earlier demo runs, so their rows are updated rather than seen as stale.
    const firstSequence = Date.now() * 1000;
    const events = generateSeedEvents(count, seed, { firstSequence });
    const produced = await produceEvents(brokers, topic, demoMessages(events, prepare) as Iterable<SeedEvent>);
    log(`demo: produced ${produced} events`);
    const worker = await startKafkaToPostgresWorker({
      brokers,
      topic,
      groupId: DEMO_GROUP_ID,
      databaseUrl,
      metricsPort: await freePortOr(Number(process.env['METRICS_PORT'] ?? 9464)),
      progressIntervalMs: 2000,
      prepare,
      log,
    });
    stopCurrent = () => void worker.stop();
    const address = worker.server?.address();
    if (address && typeof address === 'object') log(`demo: metrics on http://127.0.0.1:${address.port}/metrics`);
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
    const db = createPostgresDriver(databaseUrl);
    process.stdout.write(`${await formatReport(totals, db, table.table)}\n`);
    await db.close();
    return;
  }

  const dataDir = resolve(values['data-dir'] ?? resolve(REPO_ROOT, '.pgdata/demo'));
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
  if (!values.embedded)
    log('demo: no services configured (set KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL for real ones);');
  log(`demo: ${count} generated events -> enrich -> PGlite in ${dataDir}`);
  const driver = await createPgliteDriver(dataDir);
  const pipeline = runPipeline({
    source: createGeneratorSource({
      messages: () => demoMessages(generateSeedEvents(count, seed), prepare),
      batchSize: 2000,
    }),
    sink: createSqlSink(driver, { table }),
    groupId: DEMO_GROUP_ID,
    preparer: createInlinePreparer(prepare),
    metrics: createPipelineMetrics(),
    log,
    progressIntervalMs: 2000,
  });
  stopCurrent = () => pipeline.stop();
  const totals: PipelineTotals = await pipeline.done;
  process.stdout.write(`${await formatReport(totals, driver, table.table)}\n`);
  await driver.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`demo failed: ${describeError(error)}`);
    process.exit(1);
  },
);
