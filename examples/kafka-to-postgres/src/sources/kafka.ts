/**
 * Kafka consumer-group source on @platformatic/kafka.
 *
 * The client keeps the group membership (join, sync, heartbeats on its own timer, rejoin after a rebalance or a
 * broker restart); this file runs the fetch loop itself over `consumer.fetch`, because the offsets of record live
 * in the sink (PostgreSQL), not in Kafka:
 * - on every assignment (`consumer:group:join`, after each rebalance) the fetch positions of the assigned
 *   partitions are read from the sink before anything is fetched for them; a fetch that was in flight during the
 *   rebalance is discarded (generation check);
 * - the sink still fences by offset inside its transaction, so a batch fetched by a worker that has just lost the
 *   partition is applied at most once;
 * - after a commit in the sink the same offsets are committed to Kafka, only as a hint for lag tools.
 *
 * Backpressure: the next fetch is sent only when the pipeline pulls the next batch (its stage queues are bounded).
 * Raw fetches cost ~3.6 µs of CPU per message here, the client's per-message stream ~13-18 µs (docs/benchmarks.md).
 */
import { Consumer } from '@platformatic/kafka';
import { describeError } from '../errors.js';
import { closeConsumer, hasKafkaError, kafkaClientOptions } from '../kafka.js';
import type { Source, SourceBatch, SourceContext, SourceMessage } from '../types.js';

type FetchResponse = Awaited<ReturnType<Consumer['fetch']>>;

/** Options of {@link createKafkaSource}. */
export interface KafkaSourceOptions {
  brokers: string[];
  topic: string;
  clientId?: string;
  /** Where to start a partition that has no stored offset (default true: the whole topic). */
  fromBeginning?: boolean;
  /** Max bytes fetched per partition per request (default 4 MiB; a larger single message still arrives). */
  maxBytesPerPartition?: number;
  /** Max bytes per fetch response (default 16 MiB). */
  maxBytes?: number;
  /** Longest a fetch waits on the broker for new data (default 100 ms: the latency floor when idle). */
  maxWaitMs?: number;
  /** Group session timeout (default 30 s; a killed worker's partitions move after this). */
  sessionTimeoutMs?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** Fetch positions of the current assignment; replaced (never mutated across generations) on a rebalance. */
interface Assignment {
  generation: number;
  partitions: number[];
  /** Next offset to fetch per partition; filled once the stored offsets were read. */
  positions: Map<number, bigint>;
  ready: Promise<void>;
}

/** One fetch response → source messages, advancing the positions; control batches are skipped. */
function collectMessages(
  topic: string,
  response: FetchResponse,
  assignment: Assignment,
  lag: Map<string, number>,
): SourceMessage[] {
  const messages: SourceMessage[] = [];
  for (const topicResponse of response.responses) {
    for (const partitionResponse of topicResponse.partitions) {
      const partition = partitionResponse.partitionIndex;
      const requested = assignment.positions.get(partition);
      if (requested === undefined) continue;
      let next = requested;
      for (const batch of partitionResponse.records ?? []) {
        const last = batch.firstOffset + BigInt(batch.lastOffsetDelta);
        if (last + 1n > next) next = last + 1n;
        // Transaction markers (attribute bit 5) carry no data but occupy an offset.
        if (batch.attributes & 0x20) continue;
        for (const record of batch.records) {
          const offset = batch.firstOffset + BigInt(record.offsetDelta);
          // A compressed batch is returned whole, so it can start before the requested offset.
          if (offset < requested) continue;
          messages.push({
            topic,
            partition,
            offset: offset.toString(),
            key: record.key,
            value: record.value,
            timestampMs: Number(batch.firstTimestamp + record.timestampDelta) || null,
          });
        }
      }
      assignment.positions.set(partition, next);
      lag.set(`${topic}/${partition}`, Math.max(0, Number(partitionResponse.highWatermark - next)));
    }
  }
  return messages;
}

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
  const maxBytesPerPartition = options.maxBytesPerPartition ?? 4 * 1024 * 1024;
  const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
  const groupOptions = {
    sessionTimeout,
    rebalanceTimeout: Math.max(sessionTimeout, 60_000),
    heartbeatInterval: Math.max(500, Math.min(3_000, Math.floor(sessionTimeout / 3))),
  };
  let consumer: Consumer | null = null;
  let lastHint = 0;

  return {
    description: `kafka ${options.brokers.join(',')} topic ${topic}`,

    async *batches(context: SourceContext): AsyncGenerator<SourceBatch> {
      const { signal } = context;
      if (signal.aborted) return; // stopped during start-up: no member to create, nothing to leave
      const c = new Consumer({
        ...kafkaClientOptions(options.brokers, options.clientId ?? `cdc-enrich-${process.pid}`),
        groupId: context.groupId,
        ...groupOptions,
        maxWaitTime: options.maxWaitMs ?? 100,
        maxBytes: options.maxBytes ?? 16 * 1024 * 1024,
        minBytes: 1,
      });
      consumer = c;
      let assignment: Assignment = { generation: 0, partitions: [], positions: new Map(), ready: Promise.resolve() };
      let membershipLost = false;

      /** Reads the stored offsets of a new assignment (retrying while the sink is down); Kafka's start otherwise. */
      const loadPositions = async (target: Assignment): Promise<void> => {
        for (let delay = 200; !signal.aborted && target === assignment; delay = Math.min(delay * 2, 5_000)) {
          try {
            const stored = await context.loadOffsets(topic, target.partitions);
            const fallback = await c.listOffsets({
              topics: [topic],
              timestamp: options.fromBeginning === false ? -1n : -2n,
            });
            for (const partition of target.partitions) {
              const text = stored.get(partition);
              target.positions.set(
                partition,
                text === undefined ? (fallback.get(topic)?.[partition] ?? 0n) : BigInt(text),
              );
            }
            log(
              `assigned ${topic} partitions [${target.partitions.join(',')}], seeking to ${stored.size} stored offsets`,
            );
            return;
          } catch (error) {
            log(`cannot read the start offsets (${describeError(error)}); retrying in ${delay} ms`);
            await sleep(delay, signal);
          }
        }
      };
      c.on('consumer:group:join', (payload) => {
        const partitions = (payload.assignments?.find((a) => a.topic === topic)?.partitions ?? [])
          .slice()
          .sort((a, b) => a - b);
        const next: Assignment = {
          generation: assignment.generation + 1,
          partitions,
          positions: new Map(),
          ready: Promise.resolve(),
        };
        assignment = next;
        next.ready = partitions.length > 0 ? loadPositions(next) : Promise.resolve();
        if (partitions.length === 0) log(`assigned no partition of ${topic}`);
      });
      // The client emits 'error' when a rejoin failed after its retries (e.g. the broker is down for long).
      c.on('error', (error: unknown) => {
        log(`kafka group membership lost (${describeError(error)}); rejoining`);
        membershipLost = true;
      });

      const join = async (): Promise<void> => {
        for (let delay = 300; !signal.aborted; delay = Math.min(delay * 2, 5_000)) {
          try {
            await c.joinGroup(groupOptions);
            membershipLost = false;
            return;
          } catch (error) {
            log(`cannot join group ${context.groupId} (${describeError(error)}); retrying in ${delay} ms`);
            await sleep(delay, signal);
          }
        }
      };

      try {
        c.topics.track(topic);
        await join();
        let delay = 200;
        while (!signal.aborted) {
          if (membershipLost) await join();
          const current = assignment;
          await current.ready;
          if (signal.aborted) break;
          if (current !== assignment) continue;
          if (current.partitions.length === 0) {
            await sleep(200, signal);
            continue;
          }
          let response: FetchResponse;
          try {
            response = await fetchAssigned(c, topic, current, maxBytesPerPartition);
            delay = 200;
          } catch (error) {
            if (signal.aborted) break;
            if (hasKafkaError(error, 'OFFSET_OUT_OF_RANGE')) await resetOutOfRange(c, topic, current, log);
            else {
              log(`kafka fetch failed (${describeError(error)}); retrying in ${delay} ms`);
              c.clearMetadata();
              await sleep(delay, signal);
              delay = Math.min(delay * 2, 5_000);
            }
            continue;
          }
          // A rebalance happened while the fetch was in flight: its positions are no longer ours.
          if (current !== assignment) continue;
          const lag = new Map<string, number>();
          const messages = collectMessages(topic, response, current, lag);
          if (messages.length > 0 || lag.size > 0) yield { messages, lag };
        }
      } finally {
        consumer = null;
        await new Promise<void>((resolve) => c.leaveGroup(false, () => resolve()));
        await closeConsumer(c);
      }
    },

    committed(offsets) {
      // A hint for lag tools only (the sink holds the offsets of record): at most once a second, never awaited.
      const now = Date.now();
      if (!consumer || now - lastHint < 1_000) return;
      lastHint = now;
      const list = [...offsets].filter(([key]) => key.startsWith(`${topic}/`));
      if (list.length === 0) return;
      void consumer
        .commit({
          offsets: list.map(([key, offset]) => ({
            topic,
            partition: Number(key.slice(topic.length + 1)),
            offset: BigInt(offset),
            leaderEpoch: -1,
          })),
        })
        .catch(() => {});
    },

    async close() {
      if (consumer) await closeConsumer(consumer);
    },
  };
}

/** One fetch of every assigned partition (one request per partition leader). */
async function fetchAssigned(
  c: Consumer,
  topic: string,
  assignment: Assignment,
  partitionMaxBytes: number,
): Promise<FetchResponse> {
  const metadata = await c.metadata({ topics: [topic] });
  const topicMetadata = metadata.topics.get(topic);
  if (!topicMetadata) throw new Error(`topic ${topic} has no metadata`);
  const byLeader = new Map<number, { partition: number; fetchOffset: bigint }[]>();
  for (const partition of assignment.partitions) {
    const leader = topicMetadata.partitions[partition]?.leader;
    const fetchOffset = assignment.positions.get(partition);
    if (leader === undefined || leader < 0 || fetchOffset === undefined) continue;
    const list = byLeader.get(leader) ?? [];
    list.push({ partition, fetchOffset });
    byLeader.set(leader, list);
  }
  const responses = await Promise.all(
    [...byLeader].map(([node, partitions]) =>
      c.fetch({
        node,
        topics: [
          {
            topicId: topicMetadata.id,
            partitions: partitions.map(({ partition, fetchOffset }) => ({
              partition,
              fetchOffset,
              partitionMaxBytes,
              currentLeaderEpoch: -1,
              lastFetchedEpoch: -1,
            })),
          },
        ],
      }),
    ),
  );
  const [first, ...rest] = responses;
  if (!first) return { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: [] } as unknown as FetchResponse;
  for (const response of rest) first.responses.push(...response.responses);
  return first;
}

/** Retention removed the data at a stored position: restart the partition at the earliest offset still kept. */
async function resetOutOfRange(
  c: Consumer,
  topic: string,
  assignment: Assignment,
  log: (line: string) => void,
): Promise<void> {
  const earliest = (await c.listOffsets({ topics: [topic], timestamp: -2n }).catch(() => null))?.get(topic) ?? [];
  const latest = (await c.listOffsets({ topics: [topic], timestamp: -1n }).catch(() => null))?.get(topic) ?? [];
  for (const [partition, position] of assignment.positions) {
    const low = earliest[partition];
    const high = latest[partition];
    if (low !== undefined && position < low) assignment.positions.set(partition, low);
    else if (high !== undefined && position > high) assignment.positions.set(partition, high);
  }
  log(`kafka offsets of ${topic} out of range (retention?): moved to the nearest offsets still kept`);
}
