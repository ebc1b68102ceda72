/**
 * `npm run bench:e2e [-- --events 1000000 --latency-seconds 30 --rate 10000]`
 *
 * Real Kafka → enrich → real PostgreSQL (needs `bash scripts/services.sh up` and its env):
 * 1. sustained: 1M seed-format events are produced into a fresh 4-partition topic, then one worker drains
 *    the backlog; events/s = events / drain time. The pipeline's time split (waiting for Kafka, parse + enrich,
 *    PostgreSQL) says where the time goes.
 * 2. latency: a fresh topic, the worker running, events produced at a fixed rate; event-to-row latency is
 *    commit time minus the Kafka message timestamp (set when the producer sends), exact per event.
 * Prints Markdown for docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { databaseUrlFromEnv, kafkaBrokersFromEnv } from '../config.js';
import { describeError } from '../errors.js';
import { generateSeedEvents } from '../events.js';
import { createKafka, ensureTopic } from '../kafka.js';
import { produceEvents } from '../producer.js';
import { createPostgresDriver } from '../sinks/postgres.js';
import { startKafkaToPostgresWorker } from '../worker.js';

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      'latency-seconds': { type: 'string', default: '30' },
      rate: { type: 'string', default: '10000' },
      'max-batch': { type: 'string', default: '2000' },
    },
    strict: true,
  });
  const brokers = kafkaBrokersFromEnv();
  const databaseUrl = databaseUrlFromEnv();
  if (!brokers || !databaseUrl) {
    log(
      'bench:e2e needs KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL: bash scripts/services.sh up; eval "$(bash scripts/services.sh env)"',
    );
    process.exit(2);
  }
  const total = Number(values.events);
  const rate = Number(values.rate);
  const latencySeconds = Number(values['latency-seconds']);
  const maxBatchMessages = Number(values['max-batch']);
  const run = Date.now().toString(36);
  const kafka = createKafka(brokers, 'cdc-enrich-bench', log);
  const db = createPostgresDriver(databaseUrl);
  const schema = `bench_${run}`;
  await db.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);

  // 1. Sustained throughput: drain a 1M backlog.
  const topic = `cdc-bench-${run}`;
  await ensureTopic(kafka, topic, 4);
  log(`producing ${total} events into ${topic}`);
  const produceStart = Date.now();
  await produceEvents(kafka, topic, generateSeedEvents(total, 42), { batchSize: 2000, inFlight: 4 });
  const produceSeconds = (Date.now() - produceStart) / 1000;
  log(`produced in ${produceSeconds.toFixed(1)} s; draining with one worker`);
  let done = 0;
  let firstCommit = 0;
  const drainStart = Date.now();
  const worker = await startKafkaToPostgresWorker({
    brokers,
    topic,
    groupId: `bench-${run}`,
    databaseUrl: url.toString(),
    maxBatchMessages,
    progressIntervalMs: 5000,
    log,
    onCommit: (result) => {
      if (!firstCommit) firstCommit = Date.now();
      done += result.consumed;
    },
  });
  while (done < total) await sleep(100);
  const drainEnd = Date.now();
  await worker.stop();
  const totals = await worker.pipeline.done;
  const drainSeconds = (drainEnd - drainStart) / 1000;
  const steadySeconds = (drainEnd - firstCommit) / 1000;
  const busy = totals.sourceWaitMs + totals.prepareMs + totals.sinkMs;

  // 2. Latency at a fixed rate.
  const latencyTopic = `cdc-bench-latency-${run}`;
  await ensureTopic(kafka, latencyTopic, 4);
  const latencies: number[] = [];
  const latencyWorker = await startKafkaToPostgresWorker({
    brokers,
    topic: latencyTopic,
    groupId: `bench-latency-${run}`,
    databaseUrl: url.toString(),
    maxBatchMessages,
    progressIntervalMs: 5000,
    log,
    onCommit: (result, committedAt) => {
      for (const ts of result.appliedTimestamps) latencies.push(committedAt - ts);
    },
  });
  await sleep(3000); // group join
  const count = Math.round(rate * latencySeconds);
  log(`latency run: ${count} events at ${rate}/s`);
  const latencyStart = Date.now();
  await produceEvents(kafka, latencyTopic, generateSeedEvents(count, 43), { rate, batchSize: 100 });
  const achievedRate = count / ((Date.now() - latencyStart) / 1000);
  while (latencies.length < count) await sleep(100);
  await latencyWorker.stop();
  latencies.sort((a, b) => a - b);

  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic, latencyTopic] }).catch(() => {});
  await admin.disconnect();
  await db.query(`DROP SCHEMA ${schema} CASCADE`);
  await db.close();

  const pct = (ms: number) => `${((ms / busy) * 100).toFixed(0)}%`;
  process.stdout.write(
    [
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; Kafka and PostgreSQL on the same machine.`,
      `Command: \`npm run bench:e2e\` (events=${total}, max batch ${maxBatchMessages}, 1 worker, 4 partitions).`,
      '',
      '| measure | value |',
      '| --- | --- |',
      `| produce ${total} events (kafkajs, acks=all) | ${Math.round(total / produceSeconds)} events/s |`,
      `| sustained drain, Kafka → enrich → PostgreSQL | **${Math.round(total / drainSeconds)} events/s** (${drainSeconds.toFixed(1)} s incl. group join; ${Math.round(total / steadySeconds)} events/s from first commit) |`,
      `| time split: waiting for Kafka / parse + enrich / PostgreSQL | ${pct(totals.sourceWaitMs)} / ${pct(totals.prepareMs)} / ${pct(totals.sinkMs)} |`,
      `| latency run | ${count} events at ${Math.round(achievedRate)} events/s achieved |`,
      `| event-to-row latency p50 / p99 / max | **${percentile(latencies, 50)} ms / ${percentile(latencies, 99)} ms** / ${latencies.at(-1)} ms |`,
      '',
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`bench failed: ${describeError(error)}`);
    process.exit(1);
  },
);
