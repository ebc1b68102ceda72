/**
 * The pipeline: source batches → prepare (parse + enrich) → sink (rows + offsets in one transaction).
 *
 * - Backpressure: the next batch is requested only after the current one is committed, and a source batch
 *   is split into chunks of at most `maxBatchMessages`, so memory is bounded by one source batch.
 * - Database failures are retried with exponential backoff; nothing is acknowledged until a commit succeeds.
 * - A row the database rejects as data (SQLSTATE 22/23/54) is isolated by bisection and dead-lettered.
 * - `stop()` lets the in-flight batch finish and commit, then ends the source.
 */

import { performance } from 'node:perf_hooks';
import { describeError } from './errors.js';
import type { PipelineMetrics } from './metrics.js';
import { createMessagePreparer } from './prepare.js';
import { isDataError } from './sinks/sql-sink.js';
import type { PreparedMessage, Sink, Source, SourceMessage, WriteResult } from './types.js';

/** Running totals of a pipeline. consumed = applied + deadLettered + skipped always holds. */
export interface PipelineTotals {
  consumed: number;
  applied: number;
  deadLettered: number;
  skipped: number;
  duplicates: number;
  rowsUpserted: number;
  rowsDeleted: number;
  batches: number;
  sinkRetries: number;
  /** Wall time spent waiting for the source, preparing (parse + enrich) and writing (where the time goes). */
  sourceWaitMs: number;
  prepareMs: number;
  sinkMs: number;
  startedAt: number;
  /** Epoch ms when the pipeline ended (0 while running). */
  endedAt: number;
}

/** Options of {@link runPipeline}. */
export interface PipelineOptions {
  source: Source;
  sink: Sink;
  groupId: string;
  /** Message → effects; defaults to {@link createMessagePreparer}(). */
  prepare?: (message: SourceMessage) => PreparedMessage;
  /** Upper bound of messages per sink transaction (default 2000; smaller chunks overlap better). */
  maxBatchMessages?: number;
  metrics?: PipelineMetrics;
  /** One line per call; never given PII or passwords. Default: no logging. */
  log?: (line: string) => void;
  /** Progress line interval (default 5000 ms; 0 disables). */
  progressIntervalMs?: number;
  /** Sink retry backoff (default 100 ms doubling to 5000 ms). */
  retry?: { initialMs?: number; maxMs?: number };
  /** Ends the pipeline after this many consumed messages (demo, tests). */
  stopAfter?: number;
  /** Called after each commit with its result and the commit time (benchmarks: exact latencies). */
  onCommit?: (result: WriteResult, committedAtMs: number) => void;
}

/** A running pipeline. */
export interface PipelineHandle {
  /** Resolves with the totals when the source ends or after `stop()`. */
  done: Promise<PipelineTotals>;
  /** Graceful stop: the batch in flight is finished and committed first. */
  stop(): void;
  /** A snapshot of the totals. */
  totals(): PipelineTotals;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

function mergeInto(target: WriteResult, source: WriteResult): void {
  target.consumed += source.consumed;
  target.applied += source.applied;
  target.deadLettered += source.deadLettered;
  target.skipped += source.skipped;
  target.duplicates += source.duplicates;
  target.rowsUpserted += source.rowsUpserted;
  target.rowsDeleted += source.rowsDeleted;
  for (const [k, v] of source.deadLetterCodes) target.deadLetterCodes.set(k, (target.deadLetterCodes.get(k) ?? 0) + v);
  for (const [k, v] of source.skipReasons) target.skipReasons.set(k, (target.skipReasons.get(k) ?? 0) + v);
  target.appliedTimestamps.push(...source.appliedTimestamps);
}

/**
 * Starts a pipeline.
 *
 * @example
 * ```ts
 * const run = runPipeline({ source: createGeneratorSource({ count: 1000 }), sink, groupId: 'demo' });
 * const totals = await run.done;
 * ```
 */
export function runPipeline(options: PipelineOptions): PipelineHandle {
  const { source, sink, groupId, metrics } = options;
  const prepare = options.prepare ?? createMessagePreparer();
  const maxBatch = Math.max(1, options.maxBatchMessages ?? 2000);
  const log = options.log ?? (() => {});
  const initialDelay = options.retry?.initialMs ?? 100;
  const maxDelay = options.retry?.maxMs ?? 5000;
  const controller = new AbortController();
  const totals: PipelineTotals = {
    consumed: 0,
    applied: 0,
    deadLettered: 0,
    skipped: 0,
    duplicates: 0,
    rowsUpserted: 0,
    rowsDeleted: 0,
    batches: 0,
    sinkRetries: 0,
    sourceWaitMs: 0,
    prepareMs: 0,
    sinkMs: 0,
    startedAt: Date.now(),
    endedAt: 0,
  };
  const lag = new Map<string, number>();

  async function writeWithRetry(prepared: PreparedMessage[], heartbeat?: () => Promise<void>): Promise<WriteResult> {
    let delay = initialDelay;
    for (;;) {
      try {
        return await sink.write(groupId, prepared);
      } catch (error) {
        if (isDataError(error)) {
          if (prepared.length > 1) {
            // Find the rejected message by bisection; halves are written in offset order.
            const mid = prepared.length >> 1;
            const first = await writeWithRetry(prepared.slice(0, mid), heartbeat);
            mergeInto(first, await writeWithRetry(prepared.slice(mid), heartbeat));
            return first;
          }
          const only = prepared[0]!;
          log(
            `sink rejected ${only.topic}/${only.partition}@${only.offset} (${describeError(error)}): dead-lettering it`,
          );
          prepared = [
            {
              ...only,
              effects: [
                {
                  kind: 'dead-letter',
                  code: 'sink_rejected',
                  message: `database rejected the row: ${describeError(error)}`,
                  raw: null,
                },
              ],
            },
          ];
          continue;
        }
        totals.sinkRetries++;
        metrics?.sinkRetries.inc();
        log(`sink write failed (${describeError(error)}); retrying in ${delay} ms, offsets not committed`);
        if (heartbeat) await heartbeat().catch(() => {});
        await sleep(delay);
        delay = Math.min(delay * 2, maxDelay);
      }
    }
  }

  function account(result: WriteResult, started: number): void {
    totals.consumed += result.consumed;
    totals.applied += result.applied;
    totals.deadLettered += result.deadLettered;
    totals.skipped += result.skipped;
    totals.duplicates += result.duplicates;
    totals.rowsUpserted += result.rowsUpserted;
    totals.rowsDeleted += result.rowsDeleted;
    totals.batches++;
    if (!metrics) return;
    const now = Date.now();
    metrics.consumed.inc(result.consumed);
    metrics.applied.inc(result.applied);
    for (const [code, n] of result.deadLetterCodes) metrics.deadLettered.inc({ code }, n);
    for (const [reason, n] of result.skipReasons) metrics.skipped.inc({ reason }, n);
    metrics.duplicates.inc(result.duplicates);
    metrics.rowsUpserted.inc(result.rowsUpserted);
    metrics.rowsDeleted.inc(result.rowsDeleted);
    metrics.batchDuration.observe((now - started) / 1000);
    for (const ts of result.appliedTimestamps) metrics.eventToRowLatency.observe(Math.max(0, now - ts) / 1000);
  }

  let lastProgress = { at: Date.now(), applied: 0 };
  const progress = (): void => {
    const now = Date.now();
    const rate = ((totals.applied - lastProgress.applied) * 1000) / Math.max(1, now - lastProgress.at);
    lastProgress = { at: now, applied: totals.applied };
    metrics?.rowsPerSecond.set(rate);
    let totalLag = 0;
    for (const v of lag.values()) totalLag += v;
    log(
      `progress consumed=${totals.consumed} applied=${totals.applied} dead_lettered=${totals.deadLettered} ` +
        `skipped=${totals.skipped} duplicates=${totals.duplicates} rate=${Math.round(rate)}/s lag=${totalLag}`,
    );
  };
  const progressMs = options.progressIntervalMs ?? 5000;
  const timer = progressMs > 0 ? setInterval(progress, progressMs) : null;
  timer?.unref();

  const done = (async () => {
    try {
      // The database may still be starting: retry the schema creation like any transient write.
      for (let delay = initialDelay; ; delay = Math.min(delay * 2, maxDelay)) {
        try {
          await sink.init();
          break;
        } catch (error) {
          if (controller.signal.aborted) throw error;
          log(`sink init failed (${describeError(error)}); retrying in ${delay} ms`);
          await sleep(delay);
        }
      }
      const context = {
        groupId,
        signal: controller.signal,
        loadOffsets: (topic: string, partitions: readonly number[]) => sink.loadOffsets(groupId, topic, partitions),
      };
      let waitStarted = performance.now();
      for await (const batch of source.batches(context)) {
        totals.sourceWaitMs += performance.now() - waitStarted;
        // Chunks are written strictly in order (offsets only move forward), but chunk n+1 is parsed and
        // enriched while chunk n's transaction is in flight: CPU here overlaps with the database's work.
        let inFlight: Promise<void> | null = null;
        for (let i = 0; i < batch.messages.length; i += maxBatch) {
          const started = Date.now();
          const t0 = performance.now();
          const prepared = batch.messages.slice(i, i + maxBatch).map(prepare);
          totals.prepareMs += performance.now() - t0;
          if (inFlight) await inFlight;
          inFlight = (async () => {
            const t2 = performance.now();
            const result = await writeWithRetry(prepared, batch.heartbeat);
            totals.sinkMs += performance.now() - t2;
            account(result, started);
            options.onCommit?.(result, Date.now());
          })();
          // Avoid an unhandled rejection while the next chunk is prepared; the await below rethrows.
          inFlight.catch(() => {});
        }
        if (inFlight) await inFlight;
        if (batch.lag) {
          for (const [key, value] of batch.lag) {
            lag.set(key, value);
            const [topic, partition] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)];
            metrics?.consumerLag.set({ topic, partition }, value);
          }
        }
        if (options.stopAfter !== undefined && totals.consumed >= options.stopAfter) controller.abort();
        if (controller.signal.aborted) break;
        waitStarted = performance.now();
      }
    } finally {
      if (timer) clearInterval(timer);
      totals.endedAt = Date.now();
      progress();
    }
    return totals;
  })();

  return {
    done,
    stop: () => controller.abort(),
    totals: () => ({ ...totals }),
  };
}
