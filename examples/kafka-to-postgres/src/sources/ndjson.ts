/** NDJSON file source: one change message per line; the line index is the offset. */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Source, SourceBatch, SourceMessage } from '../types.js';

/** Options of {@link createNdjsonSource}. */
export interface NdjsonSourceOptions {
  path: string;
  /** Pseudo-topic for offsets and dead letters (default `file:<basename>`). */
  topic?: string;
  /** Lines per batch (default 1000). */
  batchSize?: number;
}

const encoder = new TextEncoder();

/**
 * Streams a file line by line (constant memory), resuming after the last committed line.
 * Blank lines are delivered as empty messages, so they are counted as skipped and offsets stay line numbers.
 *
 * @example
 * ```ts
 * const source = createNdjsonSource({ path: 'events.ndjson' });
 * ```
 */
export function createNdjsonSource(options: NdjsonSourceOptions): Source {
  const topic = options.topic ?? `file:${basename(options.path)}`;
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  let stream: ReturnType<typeof createReadStream> | null = null;
  return {
    description: `ndjson ${topic}`,
    async *batches(context): AsyncGenerator<SourceBatch> {
      const stored = await context.loadOffsets(topic, [0]);
      const start = BigInt(stored.get(0) ?? '0');
      stream = createReadStream(options.path);
      const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      let offset = 0n;
      let batch: SourceMessage[] = [];
      try {
        for await (const line of lines) {
          if (context.signal.aborted) return;
          if (offset >= start) {
            batch.push({
              topic,
              partition: 0,
              offset: offset.toString(),
              key: null,
              value: encoder.encode(line),
              timestampMs: null,
            });
          }
          offset++;
          if (batch.length >= batchSize) {
            yield { messages: batch };
            batch = [];
          }
        }
        if (batch.length > 0 && !context.signal.aborted) yield { messages: batch };
      } finally {
        lines.close();
        stream.destroy();
      }
    },
    async close() {
      stream?.destroy();
    },
  };
}
