/** Producing change events into Kafka, keyed by `id` so each key's events stay in order on one partition. */
import { compatibilityPartitioner, type MessageToProduce, Producer } from '@platformatic/kafka';
import { type EnvelopeFormat, type SeedEvent, toEnvelope } from '../events.js';
import { kafkaClientOptions } from '../kafka.js';

/** A message to produce: key and value as text or bytes; `value: null` is a Kafka tombstone. */
export interface OutgoingMessage {
  key: string | Uint8Array | null;
  value: string | Uint8Array | null;
}

/** Options of {@link produceEvents}. */
export interface ProduceOptions {
  format?: EnvelopeFormat;
  /** Events per second (paced per request); unset = as fast as the broker takes them. */
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

/**
 * Kafka message of a change event: key = id (decimal text), value = the envelope as JSON.
 *
 * @example
 * ```ts
 * toKafkaMessage({ id: 7, cdc_operation: 'INSERT', cdc_sequence: 1 }); // { key: '7', value: '{"id":7,...}' }
 * ```
 */
export function toKafkaMessage(
  event: SeedEvent | Record<string, unknown>,
  format: EnvelopeFormat = 'seed',
): OutgoingMessage {
  const id = (event as { id?: unknown }).id;
  const value = format === 'seed' ? event : toEnvelope(event as SeedEvent, format);
  return { key: id === undefined || id === null ? null : String(id), value: JSON.stringify(value) };
}

function isOutgoing(item: unknown): item is OutgoingMessage {
  if (typeof item !== 'object' || item === null || !('value' in item) || !('key' in item)) return false;
  const value = (item as { value: unknown }).value;
  return value === null || typeof value === 'string' || value instanceof Uint8Array;
}

const toBuffer = (data: string | Uint8Array): Buffer =>
  typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);

/** The client's message: an absent key is partitioned round-robin, an absent value is a tombstone. */
function toProducerMessage(topic: string, message: OutgoingMessage, timestamp: bigint): MessageToProduce {
  const out: MessageToProduce = { topic, timestamp };
  if (message.key !== null) out.key = toBuffer(message.key);
  if (message.value !== null) out.value = toBuffer(message.value);
  return out;
}

/**
 * Sends events (or pre-built messages) to `topic` with acks from all in-sync replicas. Keys are partitioned like
 * the Java client (murmur2), so a Debezium connector and this producer put one key on the same partition.
 * Returns the number sent.
 *
 * @example
 * ```ts
 * await produceEvents(['127.0.0.1:9092'], 'cdc-events', generateSeedEvents(10_000), { rate: 1000 });
 * ```
 */
export async function produceEvents(
  brokers: readonly string[],
  topic: string,
  events: Iterable<SeedEvent | Record<string, unknown> | OutgoingMessage>,
  options: ProduceOptions = {},
): Promise<number> {
  const producer = new Producer({
    ...kafkaClientOptions(brokers, 'cdc-enrich-producer'),
    partitioner: compatibilityPartitioner,
    acks: -1,
    idempotent: false,
    autocreateTopics: false,
  });
  const batchSize = Math.max(
    1,
    options.rate ? Math.min(options.batchSize ?? 1000, Math.ceil(options.rate / 20)) : (options.batchSize ?? 1000),
  );
  const inFlight = new Set<Promise<unknown>>();
  const maxInFlight = options.inFlight ?? 1;
  const started = Date.now();
  let sent = 0;
  let queued = 0;
  let failure: unknown = null;
  let batch: OutgoingMessage[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const messages = batch;
    batch = [];
    if (options.rate) {
      // Pace: message n is due at started + n / rate.
      const wait = started + (queued * 1000) / options.rate - Date.now();
      if (wait > 0) await sleep(wait);
    }
    queued += messages.length;
    // Stamp the producer time when the request is actually sent (event-to-row latency starts here).
    const timestamp = BigInt(Date.now());
    const request = producer
      .send({
        messages: messages.map((m) => toProducerMessage(topic, m, timestamp)),
      })
      .then(
        () => {
          sent += messages.length;
          options.onProgress?.(sent);
        },
        (error: unknown) => {
          failure ??= error;
        },
      );
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
    if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
  };
  try {
    for (const event of events) {
      if (options.signal?.aborted || failure) break;
      batch.push(isOutgoing(event) ? event : toKafkaMessage(event, options.format ?? 'seed'));
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await Promise.all(inFlight);
    if (failure) throw failure;
  } finally {
    await producer.close();
  }
  return sent;
}
