/**
 * Shared Kafka setup on @platformatic/kafka (pure TypeScript, maintained; 1.x runs on Node 20, 22 and 24):
 * client options, topic creation, end offsets. Why this client: docs/benchmarks.md, "Kafka client".
 */
import { Admin, Consumer } from '@platformatic/kafka';

/** Largest message the example's topics accept (the poison test sends 5 MB): topic `max.message.bytes`. */
export const TOPIC_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Connection options shared by every client of the example (retries are the pipeline's job, see sources/kafka). */
export function kafkaClientOptions(brokers: readonly string[], clientId: string) {
  return {
    clientId,
    bootstrapBrokers: [...brokers],
    // Broker restarts: a request waits at most 5 s, is retried 3 times; after that the caller backs off.
    timeout: 5_000,
    retries: 3,
    retryDelay: 300,
  };
}

/** Closes a consumer without waiting for in-flight requests (`close(true)` only has a callback form). */
export function closeConsumer(consumer: Consumer): Promise<void> {
  return new Promise<void>((resolve) => consumer.close(true, () => resolve()));
}

/** True when a client error carries the Kafka protocol error `id` (e.g. `TOPIC_ALREADY_EXISTS`). */
export function hasKafkaError(error: unknown, id: string): boolean {
  const e = error as { findBy?: (key: string, value: unknown) => unknown; apiId?: unknown } | null;
  return e?.apiId === id || Boolean(e?.findBy?.('apiId', id));
}

/**
 * Creates a topic if it does not exist, with `max.message.bytes` raised so large (poison) messages reach the
 * consumer instead of being refused by the broker. Returns false when it already existed.
 *
 * @example
 * ```ts
 * await ensureTopic(['127.0.0.1:9092'], 'cdc-events', 4);
 * ```
 */
export async function ensureTopic(brokers: readonly string[], topic: string, partitions = 4): Promise<boolean> {
  const admin = new Admin(kafkaClientOptions(brokers, 'cdc-enrich-admin'));
  try {
    if ((await admin.listTopics()).includes(topic)) return false;
    await admin.createTopics({
      topics: [topic],
      partitions,
      replicas: 1,
      configs: [{ name: 'max.message.bytes', value: String(TOPIC_MAX_MESSAGE_BYTES) }],
    });
    await waitForLeaders(brokers, topic);
    return true;
  } catch (error) {
    // Two callers raced to create it: the other one won, which is what we wanted.
    if (hasKafkaError(error, 'TOPIC_ALREADY_EXISTS')) return false;
    throw error;
  } finally {
    await admin.close();
  }
}

/** Waits (bounded) until every partition of a new topic has a leader, so the first produce does not fail. */
async function waitForLeaders(brokers: readonly string[], topic: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await endOffsets(brokers, topic);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * The end (high watermark) offset of every partition of a topic, as partition → next offset to be written.
 *
 * @example
 * ```ts
 * const ends = await endOffsets(['127.0.0.1:9092'], 'cdc-events'); // Map { 0 => 1200n, 1 => 1187n, ... }
 * ```
 */
export async function endOffsets(brokers: readonly string[], topic: string): Promise<Map<number, bigint>> {
  const consumer = new Consumer({
    ...kafkaClientOptions(brokers, 'cdc-enrich-offsets'),
    groupId: 'cdc-enrich-offsets',
  });
  try {
    const offsets = await consumer.listOffsets({ topics: [topic], timestamp: -1n });
    return new Map((offsets.get(topic) ?? []).map((offset, partition) => [partition, offset]));
  } finally {
    await closeConsumer(consumer);
  }
}

/**
 * Deletes topics, ignoring ones that do not exist (test and benchmark cleanup).
 *
 * @example
 * ```ts
 * await deleteTopics(['127.0.0.1:9092'], ['cdc-bench-1']);
 * ```
 */
export async function deleteTopics(brokers: readonly string[], topics: readonly string[]): Promise<void> {
  const admin = new Admin(kafkaClientOptions(brokers, 'cdc-enrich-admin'));
  try {
    await admin.deleteTopics({ topics: [...topics] }).catch(() => {});
  } finally {
    await admin.close();
  }
}

/**
 * Messages of `topic` not yet applied by a consumer group: the sum over partitions of (end offset − next offset
 * stored in the sink). 0 means caught up. `storedOffsets` reads the sink's offsets (e.g. `sink.loadOffsets`).
 *
 * @example
 * ```ts
 * const left = await remainingMessages(brokers, 'cdc-events', (ps) => sink.loadOffsets('demo', 'cdc-events', ps));
 * ```
 */
export async function remainingMessages(
  brokers: readonly string[],
  topic: string,
  storedOffsets: (partitions: number[]) => Promise<ReadonlyMap<number, string>>,
): Promise<bigint> {
  const ends = await endOffsets(brokers, topic);
  const stored = await storedOffsets([...ends.keys()]);
  let left = 0n;
  for (const [partition, end] of ends) {
    const behind = end - BigInt(stored.get(partition) ?? '0');
    if (behind > 0n) left += behind;
  }
  return left;
}
