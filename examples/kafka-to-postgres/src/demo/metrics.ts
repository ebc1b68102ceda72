/** Prometheus metrics (prom-client) and the `/metrics` HTTP endpoint. */
import { createServer, type Server } from 'node:http';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The pipeline's metrics, on their own registry (several pipelines can live in one test process). */
export interface PipelineMetrics {
  registry: Registry;
  consumed: Counter;
  applied: Counter;
  deadLettered: Counter<'code'>;
  skipped: Counter<'reason'>;
  duplicates: Counter;
  rowsUpserted: Counter;
  rowsDeleted: Counter;
  batchDuration: Histogram;
  eventToRowLatency: Histogram;
  consumerLag: Gauge<'topic' | 'partition'>;
  rowsPerSecond: Gauge;
  sinkRetries: Counter;
  transactionMessages: Histogram;
  inFlightBatches: Gauge;
  stageSeconds: Counter<'stage'>;
}

/**
 * Creates the metrics on a fresh registry.
 *
 * @example
 * ```ts
 * const metrics = createPipelineMetrics();
 * console.log(await metrics.registry.metrics());
 * ```
 */
export function createPipelineMetrics(): PipelineMetrics {
  const registry = new Registry();
  const registers = [registry];
  // process_resident_memory_bytes, process_cpu_seconds_total, nodejs_eventloop_lag_seconds... (Grafana "Worker process").
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    consumed: new Counter({
      name: 'cdc_events_consumed_total',
      help: 'Messages consumed (duplicates excluded)',
      registers,
    }),
    applied: new Counter({ name: 'cdc_events_applied_total', help: 'Messages applied to the table', registers }),
    deadLettered: new Counter({
      name: 'cdc_events_dead_lettered_total',
      help: 'Messages written to the dead-letter table, by error code',
      labelNames: ['code'],
      registers,
    }),
    skipped: new Counter({
      name: 'cdc_events_skipped_total',
      help: 'Messages without a row change (tombstones, DDL, markers), by reason',
      labelNames: ['reason'],
      registers,
    }),
    duplicates: new Counter({
      name: 'cdc_events_duplicate_total',
      help: 'Redelivered messages dropped because their offsets were already stored',
      registers,
    }),
    rowsUpserted: new Counter({ name: 'cdc_rows_upserted_total', help: 'Rows inserted or updated', registers }),
    rowsDeleted: new Counter({ name: 'cdc_rows_deleted_total', help: 'Rows deleted', registers }),
    batchDuration: new Histogram({
      name: 'cdc_batch_duration_seconds',
      help: 'Fetch to commit time of one transaction (its oldest chunk)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    eventToRowLatency: new Histogram({
      name: 'cdc_event_to_row_latency_seconds',
      help: 'Producer timestamp to transaction commit',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    consumerLag: new Gauge({
      name: 'cdc_consumer_lag',
      help: 'Messages behind the high watermark, per partition',
      labelNames: ['topic', 'partition'],
      registers,
    }),
    rowsPerSecond: new Gauge({
      name: 'cdc_rows_per_second',
      help: 'Applied messages per second, last interval',
      registers,
    }),
    sinkRetries: new Counter({
      name: 'cdc_sink_retries_total',
      help: 'Failed sink writes that were retried',
      registers,
    }),
    transactionMessages: new Histogram({
      name: 'cdc_transaction_messages',
      help: 'Messages per sink transaction (chunks already prepared are merged into one)',
      buckets: [100, 500, 1000, 2000, 5000, 10000, 20000],
      registers,
    }),
    inFlightBatches: new Gauge({
      name: 'cdc_in_flight_batches',
      help: 'Chunks fetched but not yet committed (bounded by --max-in-flight)',
      registers,
    }),
    stageSeconds: new Counter({
      name: 'cdc_stage_seconds_total',
      help: 'Time spent per pipeline stage: prepare = CPU of parse + enrich + encode (all threads), commit = sink transactions',
      labelNames: ['stage'],
      registers,
    }),
  };
}

/**
 * Serves `GET /metrics` on `port` (0 = a free port) on 127.0.0.1 by default.
 *
 * @example
 * ```ts
 * const server = await serveMetrics(createPipelineMetrics().registry, 9464);
 * ```
 */
export async function serveMetrics(registry: Registry, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
