/**
 * The stage pipeline: fetch → prepare (parse + enrich + COPY encoding) → commit (rows + offsets in one
 * transaction), with the three stages in flight at the same time.
 *
 * - Fetch: the source is pulled for the next batch as soon as the prepare queue has room; a batch is cut into
 *   chunks of at most `maxBatchMessages` and each chunk is handed to the preparer (inline, or worker threads).
 * - Bounded: at most `maxInFlightBatches` chunks are fetched but not yet committed. When the queue is full the
 *   fetch stage waits, so the source does not fetch (backpressure to the consumer) and memory stays bounded.
 * - Commit: chunks are committed strictly in fetch order (so offsets only move forward, per partition), one
 *   transaction at a time; chunks already prepared when a transaction starts are merged into it (up to
 *   `maxTransactionMessages`), so a backlog is drained in large transactions and a trickle in small ones.
 * - Database failures are retried with exponential backoff; nothing is acknowledged until a commit succeeds.
 *   A row the database rejects as data (SQLSTATE 22/23/54) is isolated by bisection and dead-lettered.
 * - `stop()` ends the source; chunks already fetched are prepared and committed, then `done` resolves.
 */

import { performance } from 'node:perf_hooks';
import type { PipelineMetrics } from './demo/metrics.js';
import { describeError } from './errors.js';
import { createInlinePreparer } from './preparers.js';
import { isDataError } from './sinks/sql-sink.js';
import type { PreparedBatch, PreparedMessage, Preparer, Sink, Source, WriteResult } from './types.js';

/** Running totals of a pipeline. consumed = applied + deadLettered + skipped always holds. */
export interface PipelineTotals {
  consumed: number;
  applied: number;
  deadLettered: number;
  skipped: number;
  duplicates: number;
  rowsUpserted: number;
  rowsDeleted: number;
  /** Transactions committed. */
  batches: number;
  sinkRetries: number;
  /** Wall time the fetch stage waited for the source (nothing to read, or the broker's round trip). */
  sourceWaitMs: number;
  /** Wall time the fetch stage waited for room in the queue (backpressure from prepare/commit). */
  backpressureMs: number;
  /** CPU time of parse + enrich + encoding, summed over the preparer's threads. */
  prepareMs: number;
  /** Wall time the commit stage waited for a prepared chunk. */
  commitWaitMs: number;
  /** Wall time inside sink transactions (including retries). */
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
  /** Parse + enrich + encode; defaults to an inline preparer on the seed table. The pipeline closes it. */
  preparer?: Preparer;
  /** Messages per prepared chunk (default 2000). */
  maxBatchMessages?: number;
  /** Upper bound of messages per sink transaction when several chunks are ready (default 10000). */
  maxTransactionMessages?: number;
  /** Chunks fetched but not yet committed, at most (default 4): the bound between the stages. */
  maxInFlightBatches?: number;
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
  /** Graceful stop: what was fetched is committed first. */
  stop(): void;
  /** A snapshot of the totals. */
  totals(): PipelineTotals;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/** A chunk between the stages: its prepare promise, settled flag, and size. */
interface InFlight {
  size: number;
  prepared: Promise<PreparedBatch>;
  settled: boolean;
  fetchedAt: number;
}

/** A FIFO with a capacity: `push` waits while full, `shift` waits while empty (until closed). */
class BoundedQueue<T> {
  readonly items: T[] = [];
  #waiters: (() => void)[] = [];
  #closed = false;
  constructor(readonly capacity: number) {}
  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }
  /** Adds an item, waiting while full; dropped once the queue is closed (the consumer side has stopped). */
  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.#closed) await new Promise<void>((r) => this.#waiters.push(r));
    if (this.#closed) return;
    this.items.push(item);
    this.#wake();
  }
  async shift(): Promise<T | undefined> {
    while (this.items.length === 0) {
      if (this.#closed) return undefined;
      await new Promise<void>((r) => this.#waiters.push(r));
    }
    const item = this.items.shift();
    this.#wake();
    return item;
  }
  close(): void {
    this.#closed = true;
    this.#wake();
  }
}

function emptyTotals(): PipelineTotals {
  return {
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
    backpressureMs: 0,
    prepareMs: 0,
    commitWaitMs: 0,
    sinkMs: 0,
    startedAt: Date.now(),
    endedAt: 0,
  };
}

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
  for (const ts of source.appliedTimestamps) target.appliedTimestamps.push(ts);
  for (const [k, v] of source.offsets) target.offsets.set(k, v);
}

/** The one message of a rejected write, replaced by a `sink_rejected` dead letter. */
function rejected(only: PreparedMessage, error: unknown): PreparedMessage {
  return {
    ...only,
    effects: [
      {
        kind: 'dead-letter',
        code: 'sink_rejected',
        message: `database rejected the row: ${describeError(error)}`,
        raw: null,
      },
    ],
  };
}

/**
 * Starts a pipeline.
 *
 * @example
 * ```ts
 * const run = runPipeline({ source: createGeneratorSource({ messages: () => events }), sink, groupId: 'demo' });
 * const totals = await run.done;
 * ```
 */
export function runPipeline(options: PipelineOptions): PipelineHandle {
  const { source, sink, groupId, metrics } = options;
  const preparer = options.preparer ?? createInlinePreparer();
  const maxBatch = Math.max(1, options.maxBatchMessages ?? 2000);
  const maxTransaction = Math.max(maxBatch, options.maxTransactionMessages ?? 10_000);
  const queue = new BoundedQueue<InFlight>(Math.max(1, options.maxInFlightBatches ?? 4));
  const log = options.log ?? (() => {});
  const initialDelay = options.retry?.initialMs ?? 100;
  const maxDelay = options.retry?.maxMs ?? 5000;
  const controller = new AbortController();
  const totals = emptyTotals();
  const lag = new Map<string, number>();

  async function writeWithRetry(prepared: PreparedMessage[]): Promise<WriteResult> {
    let delay = initialDelay;
    for (;;) {
      try {
        return await sink.write(groupId, prepared);
      } catch (error) {
        if (isDataError(error)) {
          if (prepared.length > 1) {
            // Find the rejected message by bisection; halves are written in offset order.
            const mid = prepared.length >> 1;
            const first = await writeWithRetry(prepared.slice(0, mid));
            mergeInto(first, await writeWithRetry(prepared.slice(mid)));
            return first;
          }
          const only = prepared[0]!;
          log(
            `sink rejected ${only.topic}/${only.partition}@${only.offset} (${describeError(error)}): dead-lettering it`,
          );
          prepared = [rejected(only, error)];
          continue;
        }
        totals.sinkRetries++;
        metrics?.sinkRetries.inc();
        log(`sink write failed (${describeError(error)}); retrying in ${delay} ms, offsets not committed`);
        await sleep(delay);
        delay = Math.min(delay * 2, maxDelay);
      }
    }
  }

  function account(result: WriteResult, oldestFetchedAt: number, committedAt: number): void {
    totals.consumed += result.consumed;
    totals.applied += result.applied;
    totals.deadLettered += result.deadLettered;
    totals.skipped += result.skipped;
    totals.duplicates += result.duplicates;
    totals.rowsUpserted += result.rowsUpserted;
    totals.rowsDeleted += result.rowsDeleted;
    totals.batches++;
    if (!metrics) return;
    metrics.consumed.inc(result.consumed);
    metrics.applied.inc(result.applied);
    for (const [code, n] of result.deadLetterCodes) metrics.deadLettered.inc({ code }, n);
    for (const [reason, n] of result.skipReasons) metrics.skipped.inc({ reason }, n);
    metrics.duplicates.inc(result.duplicates);
    metrics.rowsUpserted.inc(result.rowsUpserted);
    metrics.rowsDeleted.inc(result.rowsDeleted);
    metrics.batchDuration.observe((committedAt - oldestFetchedAt) / 1000);
    metrics.transactionMessages.observe(result.consumed + result.duplicates);
    for (const ts of result.appliedTimestamps) metrics.eventToRowLatency.observe(Math.max(0, committedAt - ts) / 1000);
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
        `skipped=${totals.skipped} duplicates=${totals.duplicates} rate=${Math.round(rate)}/s lag=${totalLag} ` +
        `in_flight=${queue.items.length}`,
    );
  };
  const progressMs = options.progressIntervalMs ?? 5000;
  const timer = progressMs > 0 ? setInterval(progress, progressMs) : null;
  timer?.unref();

  async function initSink(): Promise<void> {
    // The database may still be starting: retry the schema creation like any transient write.
    for (let delay = initialDelay; ; delay = Math.min(delay * 2, maxDelay)) {
      try {
        await sink.init();
        return;
      } catch (error) {
        if (controller.signal.aborted) throw error;
        log(`sink init failed (${describeError(error)}); retrying in ${delay} ms`);
        await sleep(delay);
      }
    }
  }

  function recordLag(batchLag: ReadonlyMap<string, number>): void {
    for (const [key, value] of batchLag) {
      lag.set(key, value);
      const cut = key.lastIndexOf('/');
      metrics?.consumerLag.set({ topic: key.slice(0, cut), partition: key.slice(cut + 1) }, value);
    }
  }

  /** Stage 1: pull batches, cut them into chunks, start their preparation, queue them (bounded). */
  async function fetchStage(): Promise<void> {
    const context = {
      groupId,
      signal: controller.signal,
      loadOffsets: (topic: string, partitions: readonly number[]) => sink.loadOffsets(groupId, topic, partitions),
    };
    let waitStarted = performance.now();
    try {
      for await (const batch of source.batches(context)) {
        totals.sourceWaitMs += performance.now() - waitStarted;
        if (batch.lag) recordLag(batch.lag);
        for (let i = 0; i < batch.messages.length; i += maxBatch) {
          const chunk = batch.messages.slice(i, i + maxBatch);
          const item: InFlight = {
            size: chunk.length,
            prepared: preparer.prepare(chunk),
            settled: false,
            fetchedAt: Date.now(),
          };
          item.prepared.then(
            () => {
              item.settled = true;
            },
            () => {
              item.settled = true;
            },
          );
          const t0 = performance.now();
          await queue.push(item);
          totals.backpressureMs += performance.now() - t0;
          metrics?.inFlightBatches.set(queue.items.length);
        }
        if (controller.signal.aborted) break;
        waitStarted = performance.now();
      }
    } finally {
      queue.close();
    }
  }

  /** Stage 3: commit chunks in order, merging the ones already prepared into one transaction. */
  async function commitStage(): Promise<void> {
    for (;;) {
      const t0 = performance.now();
      const first = await queue.shift();
      if (!first) return;
      const batches = [await first.prepared];
      totals.commitWaitMs += performance.now() - t0;
      let size = first.size;
      let oldest = first.fetchedAt;
      while (queue.items[0]?.settled && size + queue.items[0].size <= maxTransaction) {
        const next = (await queue.shift())!;
        batches.push(await next.prepared);
        size += next.size;
        oldest = Math.min(oldest, next.fetchedAt);
      }
      metrics?.inFlightBatches.set(queue.items.length);
      const prepared = batches.length === 1 ? batches[0]!.messages : batches.flatMap((b) => b.messages);
      for (const b of batches) {
        totals.prepareMs += b.cpuMs;
        metrics?.stageSeconds.inc({ stage: 'prepare' }, b.cpuMs / 1000);
      }
      const t1 = performance.now();
      const result = await writeWithRetry(prepared);
      const sinkMs = performance.now() - t1;
      totals.sinkMs += sinkMs;
      metrics?.stageSeconds.inc({ stage: 'commit' }, sinkMs / 1000);
      const committedAt = Date.now();
      account(result, oldest, committedAt);
      source.committed?.(result.offsets);
      options.onCommit?.(result, committedAt);
      if (options.stopAfter !== undefined && totals.consumed >= options.stopAfter) controller.abort();
    }
  }

  const done = (async () => {
    try {
      await initSink();
      const fetching = fetchStage();
      // If committing fails for good (not retried: a programming error), stop fetching too.
      await commitStage().catch((error: unknown) => {
        controller.abort();
        queue.close();
        throw error;
      });
      await fetching;
    } finally {
      if (timer) clearInterval(timer);
      totals.endedAt = Date.now();
      progress();
      await preparer.close();
    }
    return totals;
  })();

  return {
    done,
    stop: () => controller.abort(),
    totals: () => ({ ...totals }),
  };
}
