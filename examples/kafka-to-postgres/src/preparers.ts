/**
 * Where parse + enrich + encode runs: inline on the pipeline's thread, or on worker threads so that a host with a
 * spare core prepares chunk n+1 while the main thread fetches and commits (measured in docs/benchmarks.md).
 *
 * Messages cross to a worker packed (one transferred buffer of values, typed arrays for partitions and
 * timestamps), never as Buffer views: cloning a view would copy the whole fetch response behind it.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createMessagePreparer, type PrepareOptions } from './prepare.js';
import type { PreparedBatch, PreparedMessage, Preparer, SourceMessage } from './types.js';

/**
 * Prepares on the calling thread (the default; deterministic, no serialization cost).
 *
 * @example
 * ```ts
 * const preparer = createInlinePreparer({ enricher: { defaultCountry: 'US' } });
 * ```
 */
export function createInlinePreparer(options: PrepareOptions = {}): Preparer {
  const prepare = createMessagePreparer(options);
  return {
    description: 'inline',
    async prepare(messages) {
      const t0 = performance.now();
      const prepared = messages.map(prepare);
      return { messages: prepared, cpuMs: performance.now() - t0 };
    },
    close: async () => {},
  };
}

/** Source messages packed for a worker: one buffer of values plus per-message metadata. */
export interface PackedMessages {
  topics: string[];
  partitions: Int32Array;
  offsets: string[];
  /** NaN = unknown. */
  timestamps: Float64Array;
  /** Value byte length per message, -1 for a null value (Kafka tombstone). */
  lengths: Int32Array;
  data: Uint8Array;
}

/** Packs messages (keys are not needed to prepare). */
export function packMessages(messages: readonly SourceMessage[]): PackedMessages {
  const n = messages.length;
  const lengths = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = messages[i]!.value;
    lengths[i] = value === null ? -1 : value.byteLength;
    total += value === null ? 0 : value.byteLength;
  }
  const data = new Uint8Array(total);
  const partitions = new Int32Array(n);
  const timestamps = new Float64Array(n);
  const offsets: string[] = new Array(n);
  const topics: string[] = new Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const m = messages[i]!;
    if (m.value !== null) {
      data.set(m.value, at);
      at += m.value.byteLength;
    }
    partitions[i] = m.partition;
    timestamps[i] = m.timestampMs ?? Number.NaN;
    offsets[i] = m.offset;
    topics[i] = m.topic;
  }
  return { topics, partitions, offsets, timestamps, lengths, data };
}

/** The inverse of {@link packMessages} (values are views into `data`). */
export function unpackMessages(packed: PackedMessages): SourceMessage[] {
  const out: SourceMessage[] = new Array(packed.offsets.length);
  let at = 0;
  for (let i = 0; i < out.length; i++) {
    const length = packed.lengths[i]!;
    const ts = packed.timestamps[i]!;
    out[i] = {
      topic: packed.topics[i]!,
      partition: packed.partitions[i]!,
      offset: packed.offsets[i]!,
      key: null,
      value: length < 0 ? null : packed.data.subarray(at, at + length),
      timestampMs: Number.isNaN(ts) ? null : ts,
    };
    if (length > 0) at += length;
  }
  return out;
}

/** Options of {@link createThreadedPreparer}. */
export interface ThreadedPreparerOptions {
  /** Worker threads (default: available cores − 1, at least 1). */
  threads?: number;
  /** Passed to each worker's preparer; must be structured-cloneable (no functions). */
  prepare?: PrepareOptions;
  /**
   * Heap limits of each thread (default old generation 128 MB, young 8 MB). V8 grows an isolate's heap far past
   * its live data when allocation is fast; a cap keeps the worker's RSS bounded at a small GC cost.
   */
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number };
}

interface Pending {
  resolve: (batch: PreparedBatch) => void;
  reject: (error: Error) => void;
}

/** The worker module next to this one, in the same form (TypeScript under tsx, JavaScript when built). */
function workerUrl(): URL {
  // From sources (tsx), a small JavaScript entry registers tsx in the worker first; tsx's hooks are per thread.
  const fromSources = extname(fileURLToPath(import.meta.url)) === '.ts';
  return new URL(fromSources ? './prepare-worker-entry.mjs' : './prepare-worker.js', import.meta.url);
}

/**
 * Prepares on worker threads, chunks round-robin; results come back in request order per chunk.
 *
 * @example
 * ```ts
 * const preparer = createThreadedPreparer({ threads: 1 });
 * ```
 */
export function createThreadedPreparer(options: ThreadedPreparerOptions = {}): Preparer {
  const threads = Math.max(1, options.threads ?? availableParallelism() - 1);
  const url = workerUrl();
  let failure: Error | null = null;
  const pools = Array.from({ length: threads }, () => {
    const worker = new Worker(url, {
      workerData: { prepare: options.prepare ?? {} },
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8, ...options.resourceLimits },
    });
    const pending = new Map<number, Pending>();
    worker.on('message', (reply: { id: number; messages: PreparedMessage[]; cpuMs: number }) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      p?.resolve({ messages: reply.messages, cpuMs: reply.cpuMs });
    });
    const fail = (error: Error) => {
      failure ??= error;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`prepare worker exited with code ${code}`));
    });
    return { worker, pending };
  });
  let nextId = 0;
  return {
    description: `${threads} worker thread${threads > 1 ? 's' : ''}`,
    prepare(messages) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const pool = pools[id % pools.length]!;
      const packed = packMessages(messages);
      return new Promise<PreparedBatch>((resolve, reject) => {
        pool.pending.set(id, { resolve, reject });
        pool.worker.postMessage({ id, packed }, [packed.data.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(pools.map((p) => p.worker.terminate()));
    },
  };
}
