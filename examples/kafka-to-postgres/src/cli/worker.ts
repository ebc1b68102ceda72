/**
 * `npm run worker -w examples/kafka-to-postgres -- [options]`: a Kafka → PostgreSQL worker. `--help` for options.
 * SIGINT/SIGTERM: finish what was fetched, commit, exit 0 (a second signal exits 1 at once; nothing uncommitted is
 * lost, the next start resumes from the stored offsets). Prints the totals as JSON at exit.
 */
import { createWriteStream } from 'node:fs';
import { DEFAULT_GROUP_ID, DEFAULT_TOPIC, databaseUrlFromEnv, kafkaBrokersFromEnv } from '../config.js';
import { describeError } from '../errors.js';
import type { WriteResult } from '../types.js';
import { startKafkaToPostgresWorker, type Worker } from '../worker.js';
import { parseFlags, usageError } from './flags.js';
import { MAPPING_HELP, mappingFlags, prepareOptionsFromFlags } from './mapping.js';

const HELP = `npm run worker -w examples/kafka-to-postgres -- [options]

Consumes a Kafka topic as a consumer group, enriches every change and applies it to PostgreSQL exactly once
(rows and offsets in one transaction). Several workers with the same --group-id share the partitions.

Options:
  --topic NAME              topic (env KAFKA_TOPIC, default ${DEFAULT_TOPIC})
  --group-id NAME           consumer group; offsets are stored per group (default ${DEFAULT_GROUP_ID})
  --metrics-port PORT       serve Prometheus /metrics on 127.0.0.1:PORT (0 = any free port)
  --threads N               prepare (parse + enrich) on N worker threads (default 1 on a 2+ core host; 0 = inline)
  --max-batch N             messages per prepared chunk (default 2000)
  --max-transaction N       messages per transaction at most (default 10000)
  --max-in-flight N         chunks between fetch and commit, at most (default 4)
  --tombstone-retention-s S keep delete tombstones S seconds (default 604800 = 7 days; 0 = forever)
  --progress-ms MS          progress line interval (default 5000; 0 = none)
  --session-timeout-ms MS   Kafka group session timeout (default 30000)
  --commit-log FILE         append one line per commit: its time, then the Kafka timestamps of the messages it
                            applied (epoch ms, space-separated): exact event-to-row latencies (npm run bench:e2e)
${MAPPING_HELP}
  -h, --help                this text

Environment: KAFKA_BOOTSTRAP_SERVERS (required), DATABASE_URL or POSTGRES_HOST/PORT/DB/USER/PASSWORD (required),
KAFKA_TOPIC, CDC_ENRICH_MAP.

Example:
  eval "$(bash scripts/services.sh env)"
  npm run worker -w examples/kafka-to-postgres -- --topic cdc-events --group-id users --metrics-port 9464
`;

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

function numberFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) usageError('worker', `--${name} must be a number >= 0`);
  return n;
}

async function main(): Promise<void> {
  const values = parseFlags('worker', HELP, {
    topic: { type: 'string' },
    'group-id': { type: 'string' },
    'metrics-port': { type: 'string' },
    threads: { type: 'string' },
    'max-batch': { type: 'string' },
    'max-transaction': { type: 'string' },
    'max-in-flight': { type: 'string' },
    'tombstone-retention-s': { type: 'string' },
    'progress-ms': { type: 'string' },
    'session-timeout-ms': { type: 'string' },
    'commit-log': { type: 'string' },
    ...mappingFlags,
  });
  const brokers = kafkaBrokersFromEnv();
  const databaseUrl = databaseUrlFromEnv();
  if (!brokers || !databaseUrl)
    usageError('worker', 'set KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL (or POSTGRES_HOST/...)');
  const numbers = {
    metricsPort: numberFlag('metrics-port', values['metrics-port']),
    prepareThreads: numberFlag('threads', values.threads),
    maxBatchMessages: numberFlag('max-batch', values['max-batch']),
    maxTransactionMessages: numberFlag('max-transaction', values['max-transaction']),
    maxInFlightBatches: numberFlag('max-in-flight', values['max-in-flight']),
    progressIntervalMs: numberFlag('progress-ms', values['progress-ms']),
    sessionTimeoutMs: numberFlag('session-timeout-ms', values['session-timeout-ms']),
  };
  const retention = numberFlag('tombstone-retention-s', values['tombstone-retention-s']);
  const commitLog = values['commit-log'] ? createWriteStream(values['commit-log'], { flags: 'a' }) : null;
  // Handlers first: a signal during start-up (connecting, joining the group) also ends in a clean stop, exit 0.
  let worker: Worker | null = null;
  let stopRequested = false;
  let signals = 0;
  const onSignal = (signal: string) => {
    signals++;
    if (signals > 1) {
      log(`${signal} again: exiting without waiting (uncommitted work will be redone on restart)`);
      process.exit(1);
    }
    log(`${signal}: finishing what was fetched, then exiting`);
    stopRequested = true;
    if (worker) void worker.stop();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  worker = await startKafkaToPostgresWorker({
    brokers,
    databaseUrl,
    topic: values.topic ?? process.env['KAFKA_TOPIC'] ?? DEFAULT_TOPIC,
    groupId: values['group-id'] ?? DEFAULT_GROUP_ID,
    ...Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined)),
    ...(retention !== undefined ? { tombstoneRetentionMs: retention * 1000 } : {}),
    prepare: prepareOptionsFromFlags('worker', values),
    log,
    ...(commitLog
      ? {
          onCommit: (result: WriteResult, committedAt: number) => {
            commitLog.write(`${committedAt} ${result.appliedTimestamps.join(' ')}\n`);
          },
        }
      : {}),
  });
  if (worker.server) {
    const address = worker.server.address();
    if (address && typeof address === 'object') log(`metrics on http://127.0.0.1:${address.port}/metrics`);
  }
  if (stopRequested) void worker.stop();
  const totals = await worker.pipeline.done;
  await worker.stop();
  if (commitLog) await new Promise<void>((resolve) => commitLog.end(() => resolve()));
  process.stdout.write(`${JSON.stringify({ totals })}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  log(`worker failed: ${describeError(error)}`);
  process.exit(1);
});
