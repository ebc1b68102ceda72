/** Shared kafkajs setup: client, quiet logger, topic creation. */
import { Kafka, type KafkaConfig, logLevel } from 'kafkajs';

/** Largest message the example's topics accept (the poison test sends 5 MB): topic `max.message.bytes`. */
export const TOPIC_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * A kafkajs client whose own log lines (warnings and errors only; they carry no payloads) go to `log`.
 *
 * @example
 * ```ts
 * const kafka = createKafka(['127.0.0.1:9092'], 'my-client');
 * ```
 */
export function createKafka(brokers: string[], clientId: string, log: (line: string) => void = () => {}): Kafka {
  const config: KafkaConfig = {
    clientId,
    brokers,
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    // Broker restarts: keep retrying for about a minute before the consumer restarts itself (restartOnFailure).
    retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 15 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, label, log: entry }) => {
        if (level > logLevel.WARN) return;
        log(`kafkajs ${label}: ${String(entry.message)}${entry['error'] ? ` (${String(entry['error'])})` : ''}`);
      },
  };
  return new Kafka(config);
}

/**
 * Creates a topic if it does not exist, with `max.message.bytes` raised so large (poison) messages reach the
 * consumer instead of being refused by the broker. Returns false when it already existed.
 *
 * @example
 * ```ts
 * await ensureTopic(kafka, 'cdc-events', 4);
 * ```
 */
export async function ensureTopic(kafka: Kafka, topic: string, partitions = 4): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (existing.includes(topic)) return false;
    return await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: partitions,
          replicationFactor: 1,
          configEntries: [{ name: 'max.message.bytes', value: String(TOPIC_MAX_MESSAGE_BYTES) }],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}
