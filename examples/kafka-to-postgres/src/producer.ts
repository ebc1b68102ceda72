/** Producing change events into Kafka, keyed by `id` so each key's events stay in order on one partition. */
import type { Kafka, Message } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import { type EnvelopeFormat, type SeedEvent, toEnvelope } from './events.js';

/** Options of {@link produceEvents}. */
export interface ProduceOptions {
  format?: EnvelopeFormat;
  /** Events per second (token bucket); unset = as fast as the broker takes them. */
  rate?: number;
  /** Messages per produce request (default 1000). */
  batchSize?: number;
  /**
   * Concurrent produce requests (default 1). One keeps each key's order even when a request is retried; more are
   * faster, and safe for formats with an integer position (the sink orders by it, not by arrival).
   */
  inFlight?: number;
  signal?: AbortSignal;
  /** Called after each acknowledged request with the running count. */
  onProgress?: (sent: number) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Kafka message of a change event: key = id (decimal text), value = the envelope as JSON. */
export function toKafkaMessage(event: SeedEvent | Record<string, unknown>, format: EnvelopeFormat = 'seed'): Message {
  const id = (event as { id?: unknown }).id;
  const value = format === 'seed' ? event : toEnvelope(event as SeedEvent, format);
  return { key: id === undefined || id === null ? null : String(id), value: JSON.stringify(value) };
}

/**
 * Sends events (or pre-built messages) to `topic`. Returns the number sent.
 *
 * @example
 * ```ts
 * await produceEvents(kafka, 'cdc-events', generateSeedEvents(10_000), { rate: 1000 });
 * ```
 */
export async function produceEvents(
  kafka: Kafka,
  topic: string,
  events: Iterable<SeedEvent | Record<string, unknown> | Message>,
  options: ProduceOptions = {},
): Promise<number> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    maxInFlightRequests: options.inFlight ?? 1,
    idempotent: false,
  });
  await producer.connect();
  const batchSize = Math.max(
    1,
    options.rate ? Math.min(options.batchSize ?? 1000, Math.ceil(options.rate / 20)) : (options.batchSize ?? 1000),
  );
  const inFlight = new Set<Promise<unknown>>();
  const maxInFlight = options.inFlight ?? 1;
  const started = Date.now();
  let sent = 0;
  let queued = 0;
  let batch: Message[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const messages = batch;
    batch = [];
    if (options.rate) {
      // Pace: message n is due at started + n / rate.
      const due = started + (queued * 1000) / options.rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
    }
    queued += messages.length;
    // Stamp the producer time when the request is actually sent (event-to-row latency starts here).
    const now = String(Date.now());
    for (const m of messages) m.timestamp = now;
    const request = producer.send({ topic, messages, acks: -1 }).then(() => {
      sent += messages.length;
      options.onProgress?.(sent);
    });
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request)).catch(() => {});
    if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
  };
  try {
    for (const event of events) {
      if (options.signal?.aborted) break;
      const message =
        'value' in event && (typeof event.value === 'string' || event.value instanceof Buffer || event.value === null)
          ? (event as Message)
          : toKafkaMessage(event as SeedEvent, options.format ?? 'seed');
      batch.push(message);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await Promise.all(inFlight);
  } finally {
    await producer.disconnect();
  }
  return sent;
}
