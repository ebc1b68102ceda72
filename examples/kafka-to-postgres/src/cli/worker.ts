/**
 * `tsx src/cli/worker.ts [--topic T] [--group-id G] [--metrics-port P] [--max-batch N] [--progress-ms MS]
 *   [--session-timeout-ms MS]`
 * Env: KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL (or POSTGRES_HOST/PORT/DB/USER/PASSWORD), KAFKA_TOPIC.
 * SIGINT/SIGTERM: finish the in-flight batch, commit, exit 0 (a second signal exits 1 at once; nothing
 * uncommitted is lost, the next start resumes from the stored offsets). Prints the totals as JSON at exit.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_GROUP_ID, DEFAULT_TOPIC, databaseUrlFromEnv, kafkaBrokersFromEnv } from '../config.js';
import { describeError } from '../errors.js';
import { startKafkaToPostgresWorker } from '../worker.js';

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      topic: { type: 'string' },
      'group-id': { type: 'string' },
      'metrics-port': { type: 'string' },
      'max-batch': { type: 'string' },
      'progress-ms': { type: 'string' },
      'session-timeout-ms': { type: 'string' },
    },
    strict: true,
  });
  const brokers = kafkaBrokersFromEnv();
  const databaseUrl = databaseUrlFromEnv();
  if (!brokers || !databaseUrl) {
    log('worker: set KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL (or POSTGRES_HOST/...)');
    process.exit(2);
  }
  const worker = await startKafkaToPostgresWorker({
    brokers,
    databaseUrl,
    topic: values.topic ?? process.env['KAFKA_TOPIC'] ?? DEFAULT_TOPIC,
    groupId: values['group-id'] ?? DEFAULT_GROUP_ID,
    ...(values['metrics-port'] !== undefined ? { metricsPort: Number(values['metrics-port']) } : {}),
    ...(values['max-batch'] !== undefined ? { maxBatchMessages: Number(values['max-batch']) } : {}),
    ...(values['progress-ms'] !== undefined ? { progressIntervalMs: Number(values['progress-ms']) } : {}),
    ...(values['session-timeout-ms'] !== undefined ? { sessionTimeoutMs: Number(values['session-timeout-ms']) } : {}),
    log,
  });
  if (worker.server) {
    const address = worker.server.address();
    if (address && typeof address === 'object') log(`metrics on http://127.0.0.1:${address.port}/metrics`);
  }
  let signals = 0;
  const onSignal = (signal: string) => {
    signals++;
    if (signals > 1) {
      log(`${signal} again: exiting without waiting (uncommitted work will be redone on restart)`);
      process.exit(1);
    }
    log(`${signal}: finishing the batch in flight, then exiting`);
    void worker.stop();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  const totals = await worker.pipeline.done;
  await worker.stop();
  process.stdout.write(`${JSON.stringify({ totals })}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  log(`worker failed: ${describeError(error)}`);
  process.exit(1);
});
