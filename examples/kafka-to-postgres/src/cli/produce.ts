/** `npm run produce -- [options]`: the seed's cdc_producer.py, on @platformatic/kafka. `--help` for the options. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Synthetic events come from the corpus generator (@cdc-enrich/corpus: realistic profile, 70/25/5 ops).
import { generateSeedEvents } from '@cdc-enrich/corpus';
import { DEFAULT_TOPIC, kafkaBrokersFromEnv } from '../config.js';
import { produceEvents } from '../demo/producer.js';
import { describeError } from '../errors.js';
import type { EnvelopeFormat, SeedEvent } from '../events.js';
import { ensureTopic } from '../kafka.js';
import { parseFlags, usageError } from './flags.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const FORMATS: readonly EnvelopeFormat[] = ['seed', 'debezium', 'maxwell', 'canal'];

const HELP = `npm run produce -- [options]

Sends change events to a Kafka topic, keyed by id (like the seed's cdc_producer.py): the data file's events, or
generated ones, in one of four CDC envelopes. Creates the topic (4 partitions, 10 MiB max message) if missing.

Options:
  --bootstrap-servers HOSTS  brokers, comma-separated (env KAFKA_BOOTSTRAP_SERVERS, default localhost:9092)
  --topic NAME               topic (env KAFKA_TOPIC, default ${DEFAULT_TOPIC})
  --data-file PATH           JSON array or NDJSON of seed events (default data/sample_events.json)
  --count N                  N generated events (realistic corpus) instead of the data file
  --seed N                   generator seed (default 1)
  --continuous               keep sending: the data file again and again with new sequences (or endless --count)
  --interval SECONDS         pause between events (default 0; 1 with --continuous, as the seed)
  --rate N                   events per second
  --format FORMAT            seed | debezium | maxwell | canal (default seed)
  --partitions N             partitions when the topic is created (default 4)
  -h, --help                 this text

Examples:
  npm run produce -- --count 100000 --rate 5000 --format debezium
  npm run produce -- --data-file data/sample_events.json --continuous
`;

const usage = (message: string): never => usageError('produce', message);

function loadDataFile(path: string): SeedEvent[] {
  const text = readFileSync(path, 'utf8').trim();
  if (text.startsWith('[')) return JSON.parse(text) as SeedEvent[];
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SeedEvent);
}

async function main(): Promise<void> {
  const values = parseFlags('produce', HELP, {
    'bootstrap-servers': { type: 'string' },
    topic: { type: 'string' },
    'data-file': { type: 'string' },
    continuous: { type: 'boolean', default: false },
    interval: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string', default: '1' },
    format: { type: 'string', default: 'seed' },
    rate: { type: 'string' },
    partitions: { type: 'string', default: '4' },
  });
  const brokers = values['bootstrap-servers']?.split(',').map((s) => s.trim()) ??
    kafkaBrokersFromEnv() ?? ['localhost:9092'];
  const topic = values.topic ?? process.env['KAFKA_TOPIC'] ?? DEFAULT_TOPIC;
  const format = values.format as EnvelopeFormat;
  if (!FORMATS.includes(format)) usage(`--format must be one of ${FORMATS.join(', ')}`);
  const interval = Number(values.interval ?? (values.continuous ? 1 : 0));
  if (!Number.isFinite(interval) || interval < 0) usage('--interval must be a non-negative number of seconds');
  const rateFromInterval = interval > 0 ? 1 / interval : undefined;
  const rate = values.rate !== undefined ? Number(values.rate) : rateFromInterval;
  if (rate !== undefined && !(rate > 0)) usage('--rate must be a positive number of events per second');
  const count = values.count !== undefined ? Number(values.count) : undefined;
  if (count !== undefined && !(Number.isSafeInteger(count) && count >= 0)) usage('--count must be an integer >= 0');
  const seed = Number(values.seed);

  let events: Iterable<SeedEvent>;
  if (count !== undefined) {
    events = generateSeedEvents(values.continuous ? Number.MAX_SAFE_INTEGER : count, seed);
  } else {
    const path = resolve(values['data-file'] ?? resolve(REPO_ROOT, 'data/sample_events.json'));
    const data = loadDataFile(path);
    events = values.continuous ? replayForever(data) : data;
  }

  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  const partitions = Number(values.partitions);
  if (!(Number.isSafeInteger(partitions) && partitions >= 1)) usage('--partitions must be an integer >= 1');
  await ensureTopic(brokers, topic, partitions);
  const started = Date.now();
  let lastLog = started;
  const sent = await produceEvents(brokers, topic, events, {
    format,
    ...(rate !== undefined ? { rate } : {}),
    signal: controller.signal,
    onProgress: (n) => {
      if (Date.now() - lastLog >= 5000) {
        lastLog = Date.now();
        process.stderr.write(`produced ${n} events to ${topic}\n`);
      }
    },
  });
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(
    `produced ${sent} ${format} events to ${topic} in ${seconds.toFixed(1)} s (${Math.round(sent / Math.max(seconds, 0.001))}/s)\n`,
  );
}

/** The data file again and again, with sequences and timestamps moved forward each round (seed --continuous). */
function* replayForever(data: readonly SeedEvent[]): Generator<SeedEvent> {
  if (data.length === 0) return;
  const maxSequence = Math.max(0, ...data.map((e) => Number(e.cdc_sequence) || 0));
  for (let round = 0; ; round++) {
    for (const event of data) {
      const now = new Date().toISOString();
      yield {
        ...event,
        cdc_sequence: (Number(event.cdc_sequence) || 0) + round * maxSequence,
        cdc_timestamp: now,
        updated_at: now,
      };
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`produce failed: ${describeError(error)}\n`);
  process.exit(1);
});
