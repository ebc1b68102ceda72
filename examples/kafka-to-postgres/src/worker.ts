/** A Kafka → PostgreSQL worker: what `npm run demo` runs with services, and what the tests spawn. */
import type { Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { redactDatabaseUrl } from './config.js';
import { createPipelineMetrics, type PipelineMetrics, serveMetrics } from './demo/metrics.js';
import { type PipelineHandle, type PipelineOptions, runPipeline } from './pipeline.js';
import type { PrepareOptions } from './prepare.js';
import { createInlinePreparer, createThreadedPreparer } from './preparers.js';
import { createPostgresSink } from './sinks/postgres.js';
import { createKafkaSource } from './sources/kafka.js';
import type { Sink, Source } from './types.js';

/** Options of {@link startKafkaToPostgresWorker}. */
export interface WorkerOptions {
  brokers: string[];
  topic: string;
  groupId: string;
  databaseUrl: string;
  /** Serve `/metrics` on this port (0 = any free port; undefined = no endpoint). */
  metricsPort?: number;
  maxBatchMessages?: number;
  maxTransactionMessages?: number;
  /** Chunks between fetch and commit, at most (default 4). */
  maxInFlightBatches?: number;
  /** Prepare on this many worker threads (default: 1 when the host has 2+ cores, else 0 = inline). */
  prepareThreads?: number;
  /** Target table and enricher options (default: the seed's users_enriched). */
  prepare?: PrepareOptions;
  /** Tombstone retention (default 7 days; 0 = forever). */
  tombstoneRetentionMs?: number;
  progressIntervalMs?: number;
  /** Kafka group session timeout (default 30 s; a killed worker's partitions move after this). */
  sessionTimeoutMs?: number;
  /** Passed to the pipeline (benchmarks). */
  onCommit?: PipelineOptions['onCommit'];
  log?: (line: string) => void;
}

/** A running worker. */
export interface Worker {
  pipeline: PipelineHandle;
  metrics: PipelineMetrics;
  source: Source;
  sink: Sink;
  /** The `/metrics` server, when one was requested. */
  server: Server | null;
  /** Graceful stop: finish and commit the in-flight batch, disconnect, close the pool. */
  stop(): Promise<void>;
}

/**
 * Starts a worker: Kafka consumer group → enrich → PostgreSQL, offsets stored with the rows.
 *
 * @example
 * ```ts
 * const worker = await startKafkaToPostgresWorker({ brokers: ['127.0.0.1:9092'], topic: 'cdc-events',
 *   groupId: 'users', databaseUrl: process.env.DATABASE_URL! });
 * process.once('SIGTERM', () => void worker.stop());
 * ```
 */
export async function startKafkaToPostgresWorker(options: WorkerOptions): Promise<Worker> {
  const log = options.log ?? (() => {});
  const metrics = createPipelineMetrics();
  const server = options.metricsPort === undefined ? null : await serveMetrics(metrics.registry, options.metricsPort);
  const source = createKafkaSource({
    brokers: options.brokers,
    topic: options.topic,
    log,
    ...(options.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: options.sessionTimeoutMs } : {}),
  });
  const sink = createPostgresSink(options.databaseUrl, {
    log,
    ...(options.prepare?.table ? { table: options.prepare.table } : {}),
    ...(options.tombstoneRetentionMs !== undefined ? { tombstoneRetentionMs: options.tombstoneRetentionMs } : {}),
  });
  const threads = options.prepareThreads ?? (availableParallelism() > 1 ? 1 : 0);
  const preparer =
    threads > 0
      ? createThreadedPreparer({ threads, prepare: options.prepare ?? {} })
      : createInlinePreparer(options.prepare ?? {});
  log(
    `worker group=${options.groupId} source=${source.description} prepare=${preparer.description} sink=postgres ${redactDatabaseUrl(options.databaseUrl)}`,
  );
  const pipeline = runPipeline({
    source,
    sink,
    groupId: options.groupId,
    preparer,
    metrics,
    log,
    ...(options.maxBatchMessages !== undefined ? { maxBatchMessages: options.maxBatchMessages } : {}),
    ...(options.maxTransactionMessages !== undefined ? { maxTransactionMessages: options.maxTransactionMessages } : {}),
    ...(options.maxInFlightBatches !== undefined ? { maxInFlightBatches: options.maxInFlightBatches } : {}),
    ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
    ...(options.onCommit ? { onCommit: options.onCommit } : {}),
  });
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      pipeline.stop();
      try {
        await pipeline.done;
      } finally {
        await source.close();
        await sink.close();
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      }
    })();
    return stopping;
  };
  return { pipeline, metrics, source, sink, server, stop };
}
