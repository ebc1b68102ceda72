/** In-memory source: any iterable of change messages (objects or strings), e.g. the corpus generator. */
import type { Source, SourceBatch, SourceMessage } from '../types.js';

/** Options of {@link createGeneratorSource}. */
export interface GeneratorSourceOptions {
  /** The messages; objects are JSON-encoded, strings/bytes are passed as they are. Called once per run. */
  messages: () => Iterable<unknown>;
  /** Pseudo-topic name used for offsets and dead letters (default `generator`). */
  topic?: string;
  /** Messages per batch (default 1000). */
  batchSize?: number;
}

const encoder = new TextEncoder();

function encode(message: unknown): Uint8Array | null {
  if (message === null || message === undefined) return null;
  if (message instanceof Uint8Array) return message;
  return encoder.encode(typeof message === 'string' ? message : JSON.stringify(message));
}

/**
 * A single-partition source over an iterable. Offsets are the message indexes, so a restarted run resumes
 * after the last committed one (the iterable must then yield the same sequence, e.g. a seeded generator).
 *
 * @example
 * ```ts
 * const source = createGeneratorSource({ messages: () => [{ id: 1, cdc_operation: 'INSERT', cdc_sequence: 1 }] });
 * ```
 */
export function createGeneratorSource(options: GeneratorSourceOptions): Source {
  const topic = options.topic ?? 'generator';
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  return {
    description: `generator ${topic}`,
    async *batches(context): AsyncGenerator<SourceBatch> {
      const stored = await context.loadOffsets(topic, [0]);
      const start = BigInt(stored.get(0) ?? '0');
      let offset = 0n;
      let batch: SourceMessage[] = [];
      for (const message of options.messages()) {
        if (context.signal.aborted) return;
        if (offset >= start) {
          batch.push({
            topic,
            partition: 0,
            offset: offset.toString(),
            key: null,
            value: encode(message),
            timestampMs: Date.now(),
          });
        }
        offset++;
        if (batch.length >= batchSize) {
          yield { messages: batch };
          batch = [];
        }
      }
      if (batch.length > 0 && !context.signal.aborted) yield { messages: batch };
    },
    async close() {},
  };
}
