/**
 * `npm run bench:e2e [-- options]`: real Kafka → parse + enrich → real PostgreSQL, one worker process.
 * Run with `--help` for the options. Prints Markdown for docs/benchmarks.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The realistic corpus: every user has their own phone and postcode, email domains repeat (Zipf-like).
import { generateSeedEvents } from '@cdc-enrich/corpus';
import { databaseUrlFromEnv, kafkaBrokersFromEnv } from '../config.js';
import { produceEvents } from '../demo/producer.js';
import { describeError } from '../errors.js';
import { deleteTopics, ensureTopic, remainingMessages } from '../kafka.js';
import type { PipelineTotals } from '../pipeline.js';
import { createMessagePreparer } from '../prepare.js';
import { createPostgresDriver, createPostgresSink } from '../sinks/postgres.js';
import type { WorkerOptions } from '../worker.js';
import { parseFlags } from './flags.js';

const HELP = `npm run bench:e2e [-- options]

Real Kafka -> parse + enrich -> real PostgreSQL with one worker process (started as \`npm run worker\` does), on
the realistic corpus (@cdc-enrich/corpus, realistic profile: distinct phones and postcodes per user, Zipf email
domains, 70/25/5 insert/update/delete).
1. sustained drain: N events are produced into a fresh 4-partition topic, then the worker drains the backlog;
   events/s from 10% to 90% drained (and over the whole drain, start-up and group join included). CPU per
   event of the worker, and of the PostgreSQL and Kafka processes, from /proc.
2. latency: a fresh topic, a new worker process warmed up (5 s at the same rate, not measured), events
   produced at a steady rate; event-to-row latency = commit time - Kafka message timestamp, exact per event
   (the worker writes its commits to a file, --commit-log).
Each run uses its own PostgreSQL schema and topics, dropped at the end.

Options:
  --events N             events for the drain run (default 1000000)
  --rate N               events/s for the latency run (default 10000)
  --latency-seconds S    length of the latency run (default 30; 0 skips it)
  --threads N            prepare worker threads (default: 1 on a 2+ core host, 0 = inline)
  --max-batch N          messages per prepared chunk (default 2000)
  --max-transaction N    messages per transaction at most (default 10000)
  --max-in-flight N      chunks between fetch and commit (default 4)
  --cpu-prof DIR         write V8 CPU profiles of the drain worker (main thread and prepare threads) into DIR
  --sink-only            only time the sink: the events are prepared first (untimed), then written to
                         PostgreSQL in transactions of --max-transaction messages (no Kafka)
  -h, --help             this text

Environment: KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL (or POSTGRES_HOST/PORT/DB/USER/PASSWORD).
  bash scripts/services.sh up && eval "$(bash scripts/services.sh env)"
Where the time goes: npm run bench:e2e -- --events 100000 --latency-seconds 0 --cpu-prof /tmp/prof

Example:
  npm run bench:e2e -- --events 200000 --threads 1
`;

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// The worker as `npm run worker` runs it: compiled JavaScript, no tsx loader threads.
const WORKER_CLI = fileURLToPath(new URL('./run-compiled.mjs', import.meta.url));

/** The drain runs in its own worker process (as in production), so its RSS and CPU are its own. */
function spawnWorker(
  databaseUrl: string,
  topic: string,
  groupId: string,
  values: Record<string, unknown>,
  extra: string[] = [],
): ChildProcess {
  const args = ['--topic', topic, '--group-id', groupId, '--progress-ms', '5000', ...extra];
  for (const flag of ['threads', 'max-batch', 'max-transaction', 'max-in-flight']) {
    if (typeof values[flag] === 'string') args.push(`--${flag}`, values[flag] as string);
  }
  // The same heap flags as `npm run worker` (package.json): V8 would otherwise grow the heap far past live data.
  const heap = ['--max-old-space-size=160', '--max-semi-space-size=4'];
  if (typeof values['cpu-prof'] === 'string') heap.push('--cpu-prof', '--cpu-prof-dir', values['cpu-prof']);
  const child = spawn(process.execPath, [...heap, WORKER_CLI, 'worker', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return child;
}

/** SIGTERM, then the totals the worker prints at exit. */
async function stopWorker(child: ChildProcess): Promise<Partial<PipelineTotals>> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  return (JSON.parse(out.match(/\{"totals":.*\}/)?.[0] ?? '{"totals":{}}') as { totals: Partial<PipelineTotals> })
    .totals;
}

/** CPU time (utime + stime, ms) of one process from /proc, or null once it has exited. */
function processCpuMs(pid: number | string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ = 100 on Linux
  } catch {
    return null;
  }
}

/** CPU (ms) per pid of the PostgreSQL server processes and the Kafka broker(s) on this machine. */
function serviceCpu(): Map<string, { service: 'postgres' | 'kafka'; ms: number }> {
  const out = new Map<string, { service: 'postgres' | 'kafka'; ms: number }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const service =
        comm === 'postgres'
          ? 'postgres'
          : comm === 'java' && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka')
            ? 'kafka'
            : null;
      const ms = service ? processCpuMs(pid) : null;
      if (service && ms !== null) out.set(pid, { service, ms });
    } catch {
      // The process has exited.
    }
  }
  return out;
}

/** CPU (ms) the services used between two {@link serviceCpu} snapshots (other jobs' backends included). */
function serviceCpuBetween(
  before: ReturnType<typeof serviceCpu>,
  after: ReturnType<typeof serviceCpu>,
): { postgres: number; kafka: number } {
  const used = { postgres: 0, kafka: 0 };
  for (const [pid, { service, ms }] of after) used[service] += ms - (before.get(pid)?.ms ?? 0);
  return used;
}

/** Samples a process's RSS (peak) and CPU (utime + stime) from /proc until stopped. */
function procSampler(pid: number): { stop(): { peakRssMb: number; cpuMs: number } } {
  let peak = 0;
  let cpuMs = 0;
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
      peak = Math.max(peak, kb);
      cpuMs = processCpuMs(pid) ?? cpuMs;
    } catch {
      // The process has exited.
    }
  };
  const timer = setInterval(sample, 200);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return { peakRssMb: Math.round(peak / 1024), cpuMs };
    },
  };
}

/** Distinct values of the corpus (the cardinality that decides cache hit rates). */
function profileOf(count: number): string {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const postcodes = new Set<string>();
  for (const e of generateSeedEvents(Math.min(count, 200_000), 42)) {
    if (e.email) emails.add(e.email);
    if (e.phone) phones.add(e.phone);
    if (e.postal_code) postcodes.add(e.postal_code);
  }
  return `${emails.size} distinct emails, ${phones.size} phones, ${postcodes.size} postal codes in the first ${Math.min(count, 200_000)} events`;
}

/** The sink alone: prepared messages (COPY lines) written in transactions of `size`. */
async function sinkOnly(databaseUrl: string, total: number, size: number, load: string): Promise<void> {
  const prepare = createMessagePreparer();
  const encoder = new TextEncoder();
  let offset = 0;
  const prepared = [...generateSeedEvents(total, 42)].map((event) =>
    prepare({
      topic: 'sink-only',
      partition: 0,
      offset: String(offset++),
      key: null,
      value: encoder.encode(JSON.stringify(event)),
      timestampMs: null,
    }),
  );
  const sink = createPostgresSink(databaseUrl);
  await sink.init();
  const started = Date.now();
  for (let i = 0; i < prepared.length; i += size) await sink.write('sink-only', prepared.slice(i, i + size));
  const seconds = (Date.now() - started) / 1000;
  await sink.close();
  process.stdout.write(
    `| sink only (COPY → staging table → merge), ${total} events in transactions of ${size}, load ${load} | **${Math.round(total / seconds)} messages/s** (${((seconds * 1e6) / total).toFixed(1)} µs per message) |\n`,
  );
}

async function main(): Promise<void> {
  const values = parseFlags('bench:e2e', HELP, {
    events: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '10000' },
    'latency-seconds': { type: 'string', default: '30' },
    threads: { type: 'string' },
    'max-batch': { type: 'string', default: '2000' },
    'max-transaction': { type: 'string', default: '10000' },
    'max-in-flight': { type: 'string', default: '4' },
    'cpu-prof': { type: 'string' },
    'sink-only': { type: 'boolean', default: false },
  });
  const brokers = kafkaBrokersFromEnv();
  const databaseUrl = databaseUrlFromEnv();
  if (!brokers || !databaseUrl) {
    log('bench:e2e needs KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL (see --help)');
    process.exit(2);
  }
  const total = Number(values.events);
  const rate = Number(values.rate);
  const latencySeconds = Number(values['latency-seconds']);
  const tuning: Partial<WorkerOptions> = {
    maxBatchMessages: Number(values['max-batch']),
    maxTransactionMessages: Number(values['max-transaction']),
    maxInFlightBatches: Number(values['max-in-flight']),
    ...(values.threads !== undefined ? { prepareThreads: Number(values.threads) } : {}),
  };
  const run = Date.now().toString(36);
  const db = createPostgresDriver(databaseUrl);
  const schema = `bench_${run}`;
  await db.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const load = loadavg()[0]!.toFixed(1);
  if (values['sink-only']) {
    await sinkOnly(url.toString(), total, Number(values['max-transaction']), load);
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
    return;
  }

  // 1. Sustained throughput: drain a backlog.
  const topic = `cdc-bench-${run}`;
  await ensureTopic(brokers, topic, 4);
  log(`producing ${total} events into ${topic}`);
  const produceStart = Date.now();
  await produceEvents(brokers, topic, generateSeedEvents(total, 42), { batchSize: 2000, inFlight: 4 });
  const produceSeconds = (Date.now() - produceStart) / 1000;
  log(`produced in ${produceSeconds.toFixed(1)} s; draining with one worker`);
  const storedOffsets = (group: string, name: string) => async (partitions: number[]) => {
    const r = await db
      .query(
        `SELECT kafka_partition, next_offset::text AS n FROM ${schema}.cdc_offsets WHERE group_id = $1 AND topic = $2 AND kafka_partition = ANY($3::int[])`,
        [group, name, partitions],
      )
      .catch(() => ({ rows: [] as Record<string, unknown>[] }));
    return new Map(r.rows.map((row) => [Number(row['kafka_partition']), String(row['n'])]));
  };
  const servicesBefore = serviceCpu();
  const drainStart = Date.now();
  const child = spawnWorker(url.toString(), topic, `bench-${run}`, values);
  const sampler = procSampler(child.pid ?? 0);
  let firstCommit = 0;
  // The steady rate: from 10% to 90% drained (start-up, the first chunks' JIT warm-up and the tail excluded).
  let tenPercent = 0;
  let ninetyPercent = 0;
  for (;;) {
    const left = Number(await remainingMessages(brokers, topic, storedOffsets(`bench-${run}`, topic)));
    const now = Date.now();
    if (!firstCommit && left < total) firstCommit = now;
    if (!tenPercent && left <= total * 0.9) tenPercent = now;
    if (!ninetyPercent && left <= total * 0.1) ninetyPercent = now;
    if (left === 0) break;
    await sleep(100);
  }
  const drainEnd = Date.now();
  const services = serviceCpuBetween(servicesBefore, serviceCpu());
  const usage = sampler.stop();
  const totals = await stopWorker(child);
  const drainSeconds = (drainEnd - drainStart) / 1000;
  const steadyRate = (total * 0.8) / Math.max(0.001, (ninetyPercent - tenPercent) / 1000);
  const wall = drainEnd - drainStart;
  const share = (ms: number | undefined) => `${(((ms ?? 0) / wall) * 100).toFixed(0)}%`;
  const perEvent = (ms: number) => `${((ms * 1000) / total).toFixed(1)} µs`;

  // 2. Latency at a fixed rate, with a worker process warmed up first (as in production: its own process).
  const latencies: number[] = [];
  let achievedRate = 0;
  let latencyRssMb = 0;
  if (latencySeconds > 0) {
    const latencyTopic = `cdc-bench-latency-${run}`;
    const group = `bench-latency-${run}`;
    await ensureTopic(brokers, latencyTopic, 4);
    const commitLog = join(mkdtempSync(join(tmpdir(), 'cdc-bench-')), 'commits.log');
    const latencyWorker = spawnWorker(url.toString(), latencyTopic, group, values, ['--commit-log', commitLog]);
    const latencySampler = procSampler(latencyWorker.pid ?? 0);
    const caughtUp = async () => {
      while ((await remainingMessages(brokers, latencyTopic, storedOffsets(group, latencyTopic))) > 0n) await sleep(50);
    };
    await sleep(3000); // process start and group join
    // Warm-up (JIT, the enricher's lookups and caches): 5 s at the same rate, not measured.
    await produceEvents(brokers, latencyTopic, generateSeedEvents(Math.round(rate * 5), 44, { firstId: 40_000_000 }), {
      rate,
      batchSize: 100,
    });
    await caughtUp();
    const count = Math.round(rate * latencySeconds);
    log(`latency run: ${count} events at ${rate}/s`);
    const latencyStart = Date.now();
    await produceEvents(brokers, latencyTopic, generateSeedEvents(count, 43, { firstId: 50_000_000 }), {
      rate,
      batchSize: 100,
    });
    achievedRate = count / ((Date.now() - latencyStart) / 1000);
    await caughtUp();
    latencyRssMb = latencySampler.stop().peakRssMb;
    await stopWorker(latencyWorker);
    // One line per commit: the commit time, then the Kafka timestamps of the messages it applied.
    for (const line of readFileSync(commitLog, 'utf8').split('\n')) {
      const [committedAt, ...timestamps] = line.split(' ').map(Number);
      if (committedAt === undefined || !line) continue;
      for (const ts of timestamps) if (ts >= latencyStart) latencies.push(committedAt - ts);
    }
    rmSync(dirname(commitLog), { recursive: true, force: true });
    latencies.sort((a, b) => a - b);
    await deleteTopics(brokers, [latencyTopic]);
  }
  await deleteTopics(brokers, [topic]);
  await db.query(`DROP SCHEMA ${schema} CASCADE`);
  await db.close();

  process.stdout.write(
    [
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${load} at start; Kafka and PostgreSQL on the same machine.`,
      `Command: \`npm run bench:e2e -- --events ${total}\` (prepare ${values.threads ?? 'auto'} threads, chunks of ${tuning.maxBatchMessages}, transactions ≤ ${tuning.maxTransactionMessages}, ${tuning.maxInFlightBatches} in flight; 1 worker process, 4 partitions).`,
      `Corpus: @cdc-enrich/corpus seed 42, ${profileOf(total)}.`,
      '',
      '| measure | value |',
      '| --- | --- |',
      `| produce ${total} events (@platformatic/kafka, acks=all) | ${Math.round(total / produceSeconds)} events/s |`,
      `| sustained drain, Kafka → parse → enrich → PostgreSQL | **${Math.round(steadyRate)} events/s** from 10% to 90% drained (${Math.round(total / drainSeconds)} events/s over ${drainSeconds.toFixed(1)} s incl. start-up, group join and the first commit after ${((firstCommit - drainStart) / 1000).toFixed(1)} s) |`,
      `| CPU per event during the drain: worker process (main + prepare threads) / PostgreSQL / Kafka broker | ${perEvent(usage.cpuMs)} (${(usage.cpuMs / wall).toFixed(2)} cores) / ${perEvent(services.postgres)} / ${perEvent(services.kafka)} (services: every process of theirs, other clients included) |`,
      `| worker process peak RSS | ${usage.peakRssMb} MB |`,
      `| stage time / drain wall time: fetch wait / backpressure / prepare CPU / commit wait / in transactions | ${share(totals.sourceWaitMs)} / ${share(totals.backpressureMs)} / ${share(totals.prepareMs)} / ${share(totals.commitWaitMs)} / ${share(totals.sinkMs)} |`,
      `| transactions | ${totals.batches} (${Math.round(total / Math.max(1, totals.batches ?? 0))} messages each on average) |`,
      ...(latencySeconds > 0
        ? [
            `| latency run | ${latencies.length} events at ${Math.round(achievedRate)} events/s achieved; worker peak RSS ${latencyRssMb} MB |`,
            `| event-to-row latency p50 / p99 / max | **${percentile(latencies, 50)} ms / ${percentile(latencies, 99)} ms** / ${latencies.at(-1)} ms |`,
          ]
        : []),
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
