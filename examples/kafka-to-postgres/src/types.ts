/**
 * The two small interfaces every adapter implements. A new source or sink is one short file.
 *
 * - A {@link Source} is an async iterable of {@link SourceBatch}es. It must not fetch past the batch it
 *   handed out until the pipeline asks for the next one (that is the backpressure: a slow sink slows the
 *   source down, memory stays bounded by one batch).
 * - A {@link Sink} writes one prepared batch, its rows AND the source offsets it consumed, atomically.
 *   Offsets live in the sink, so the sink is the single source of truth for "what has been applied".
 */

/** One raw message from a source, before parsing. Offsets are decimal strings (Kafka offsets are int64). */
export interface SourceMessage {
  topic: string;
  partition: number;
  /** Decimal int64 offset within (topic, partition). */
  offset: string;
  key: Uint8Array | null;
  /** Raw bytes; `null` is a Kafka tombstone (counted as skipped). */
  value: Uint8Array | null;
  /** Producer/create time in epoch milliseconds, when the source knows it (event-to-row latency). */
  timestampMs: number | null;
}

/** A batch handed out by a source: messages of one or more partitions, in offset order per partition. */
export interface SourceBatch {
  messages: SourceMessage[];
  /** Messages still behind this batch on the source, per `topic/partition`, when known (consumer lag). */
  lag?: ReadonlyMap<string, number>;
  /** Keeps a group membership alive during long sink retries (Kafka heartbeat). */
  heartbeat?: () => Promise<void>;
}

/** Offsets stored in the sink: next offset to read per partition (decimal string). */
export type StoredOffsets = Map<number, string>;

/** What a source may ask the pipeline/sink while it runs. */
export interface SourceContext {
  /** Consumer group name: offsets are stored per (group, topic, partition). */
  groupId: string;
  /** Offsets stored in the sink for these partitions (absent partition = never written). */
  loadOffsets(topic: string, partitions: readonly number[]): Promise<StoredOffsets>;
  /** Aborted when the pipeline stops: the source must end its iteration. */
  signal: AbortSignal;
}

/** A source of raw change messages. */
export interface Source {
  /** Human-readable description for logs (never credentials). */
  readonly description: string;
  /** Starts reading; each batch is handed out only when the previous one has been written. */
  batches(context: SourceContext): AsyncIterable<SourceBatch>;
  /** Releases connections; idempotent. */
  close(): Promise<void>;
}

/** One `users_enriched` row in column order, ready for SQL (see schema.ts for the columns). */
export type SqlRow = readonly (string | boolean | null)[];

/** A message's effect after parse + enrich, still tagged with where it came from. */
export type PreparedEffect =
  | { kind: 'upsert'; id: string; sequence: string | null; row: SqlRow }
  | { kind: 'delete'; id: string; sequence: string | null }
  | { kind: 'dead-letter'; code: string; message: string; raw: Uint8Array | null }
  | { kind: 'skip'; reason: string };

/** One source message with the effects it produces (a message may carry several change events). */
export interface PreparedMessage {
  topic: string;
  partition: number;
  offset: string;
  timestampMs: number | null;
  effects: PreparedEffect[];
}

/** Counts of what one sink write did, after duplicates (already-applied offsets) were filtered out. */
export interface WriteResult {
  /** Messages newly consumed in this write (duplicates excluded). */
  consumed: number;
  applied: number;
  deadLettered: number;
  skipped: number;
  /** Messages dropped because their offsets were already stored (a replay after a crash or rebalance). */
  duplicates: number;
  rowsUpserted: number;
  rowsDeleted: number;
  /** Dead-letter counts by error code, and skip counts by reason (for metrics). */
  deadLetterCodes: Map<string, number>;
  skipReasons: Map<string, number>;
  /** Create timestamps (ms) of the newly applied messages, for the event-to-row latency histogram. */
  appliedTimestamps: number[];
}

/** A sink that applies prepared messages and their offsets in one transaction. */
export interface Sink {
  readonly description: string;
  /** Creates tables/views idempotently. */
  init(): Promise<void>;
  loadOffsets(groupId: string, topic: string, partitions: readonly number[]): Promise<StoredOffsets>;
  /** Writes rows + dead letters + offsets atomically; throws on failure (nothing is written then). */
  write(groupId: string, messages: readonly PreparedMessage[]): Promise<WriteResult>;
  close(): Promise<void>;
}
