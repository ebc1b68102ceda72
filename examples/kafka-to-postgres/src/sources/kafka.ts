/**
 * Kafka consumer-group source on kafkajs.
 *
 * Offsets of record live in the sink (PostgreSQL), not in Kafka:
 * - on every partition assignment (the GROUP_JOIN event, after each rebalance) the assigned partitions are
 *   paused synchronously, their stored offsets are read from the sink, the consumer seeks to them, and only
 *   then are they resumed, so no fetch can start from a stale position;
 * - the sink still fences by offset inside its transaction, so even a batch fetched before a seek is
 *   applied at most once;
 * - after a commit in the sink the same offsets are committed to Kafka, only as a hint for lag tooling.
 *
 * Backpressure: `eachBatch` does not return until the pipeline has committed the batch.
 */
import type { Consumer, EachBatchPayload } from 'kafkajs';
import { createKafka } from '../kafka.js';
import type { Source, SourceBatch, SourceContext, SourceMessage } from '../types.js';

/** Options of {@link createKafkaSource}. */
export interface KafkaSourceOptions {
  brokers: string[];
  topic: string;
  clientId?: string;
  /** Where to start a partition that has no stored offset (default true: the whole topic). */
  fromBeginning?: boolean;
  /** Max bytes fetched per partition per request (default 4 MiB; a larger single message still arrives). */
  maxBytesPerPartition?: number;
  sessionTimeoutMs?: number;
  log?: (line: string) => void;
}

interface Pending {
  batch: SourceBatch;
  ack: () => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A consumer-group source. Several workers with the same group id split the topic's partitions.
 *
 * @example
 * ```ts
 * const source = createKafkaSource({ brokers: ['127.0.0.1:9092'], topic: 'cdc-events' });
 * ```
 */
export function createKafkaSource(options: KafkaSourceOptions): Source {
  const log = options.log ?? (() => {});
  const { topic } = options;
  let consumer: Consumer | null = null;
  let closed = false;

  return {
    description: `kafka ${options.brokers.join(',')} topic ${topic}`,

    async *batches(context: SourceContext): AsyncGenerator<SourceBatch> {
      const kafka = createKafka(options.brokers, options.clientId ?? `cdc-enrich-${process.pid}`, log);
      const c = kafka.consumer({
        groupId: context.groupId,
        sessionTimeout: options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: 3_000,
        maxBytesPerPartition: options.maxBytesPerPartition ?? 4 * 1024 * 1024,
        maxBytes: 16 * 1024 * 1024,
        maxWaitTimeInMs: 250,
        allowAutoTopicCreation: false,
        retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 15 },
      });
      consumer = c;

      let pending: Pending | null = null;
      let wake: (() => void) | null = null;
      let fatal: Error | null = null;
      const notify = () => {
        const w = wake;
        wake = null;
        w?.();
      };
      context.signal.addEventListener('abort', notify, { once: true });

      // Each assignment gets a generation number; a stale seek task must not resume newer partitions.
      let generation = 0;
      const seekAssigned = async (partitions: number[], gen: number): Promise<void> => {
        let delay = 200;
        while (!closed && gen === generation) {
          try {
            const stored = await context.loadOffsets(topic, partitions);
            if (gen !== generation || closed) return;
            for (const [partition, offset] of stored) c.seek({ topic, partition, offset });
            c.resume([{ topic, partitions }]);
            log(`assigned ${topic} partitions [${partitions.join(',')}], seeking to ${stored.size} stored offsets`);
            return;
          } catch (error) {
            log(`cannot read stored offsets (${(error as { code?: string }).code ?? 'error'}); retrying`);
            await sleep(delay);
            delay = Math.min(delay * 2, 5_000);
          }
        }
      };
      c.on(c.events.GROUP_JOIN, (event) => {
        const partitions = (event.payload.memberAssignment[topic] ?? []).slice().sort((a, b) => a - b);
        generation++;
        if (partitions.length === 0) return;
        // Synchronous: the runner has not fetched yet for this assignment.
        c.pause([{ topic, partitions }]);
        void seekAssigned(partitions, generation);
      });
      c.on(c.events.CRASH, (event) => {
        const { error, restart } = event.payload;
        log(`kafka consumer crashed (${error.name}); ${restart ? 'restarting' : 'giving up'}`);
        if (!restart) {
          fatal = error;
          notify();
        }
      });

      const eachBatch = async ({ batch, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> => {
        if (closed || !isRunning() || isStale() || batch.messages.length === 0) return;
        const messages: SourceMessage[] = batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key ?? null,
          value: m.value ?? null,
          timestampMs: Number(m.timestamp) || null,
        }));
        const lag = new Map([[`${batch.topic}/${batch.partition}`, Math.max(0, Number(batch.offsetLag()))]]);
        await new Promise<void>((ack) => {
          pending = { batch: { messages, lag, heartbeat }, ack };
          notify();
        });
        if (closed) return;
        const next = (BigInt(batch.lastOffset()) + 1n).toString();
        await c.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]).catch(() => {});
      };

      let current: Pending | null = null;
      try {
        await c.connect();
        await c.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
        await c.run({ autoCommit: false, eachBatchAutoResolve: true, partitionsConsumedConcurrently: 1, eachBatch });
        for (;;) {
          while (!pending && !fatal && !context.signal.aborted) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          }
          if (fatal) throw fatal;
          if (context.signal.aborted || !pending) return;
          current = pending;
          pending = null;
          yield (current as Pending).batch;
          (current as Pending).ack();
          current = null;
        }
      } finally {
        closed = true;
        // The batch being processed when the pipeline stopped was committed (the pipeline breaks after a
        // commit); a batch that was never handed out is released unprocessed, nothing is committed for it.
        (current as Pending | null)?.ack();
        (pending as Pending | null)?.ack();
        await c.disconnect().catch(() => {});
        consumer = null;
      }
    },

    async close() {
      closed = true;
      await consumer?.disconnect().catch(() => {});
    },
  };
}
