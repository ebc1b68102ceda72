/**
 * The contract of the pipeline, in one file: the three plug points and what flows between them.
 *
 * - A {@link Source} is an async iterable of {@link SourceBatch}es (sources/: kafka, generator, ndjson). It
 *   fetches the next batch only when the pipeline pulls it; the pipeline's queues are bounded, so a slow sink
 *   slows the source down and memory stays bounded.
 * - A {@link Preparer} turns source messages into {@link PreparedMessage}s (parse + enrich + encode), inline
 *   or on worker threads (preparers.ts).
 * - A {@link Sink} writes prepared messages, their rows AND the source offsets they consumed, atomically
 *   (sinks/: postgres, pglite). Offsets live in the sink: it is the single source of truth for "applied".
 *
 * A custom sink is one object with four methods: see custom-sink.ts.
 */
import type { SqlType } from './table.js';

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
  /** Starts reading; the next batch is fetched only when the pipeline pulls it (its queues are bounded). */
  batches(context: SourceContext): AsyncIterable<SourceBatch>;
  /**
   * Told after each sink commit: next offset per `topic/partition` now stored in the sink. Optional (the Kafka
   * source mirrors them to the broker as a hint for lag tools; the sink's offsets stay the record).
   */
  committed?(offsets: ReadonlyMap<string, string>): void;
  /** Releases connections; idempotent. */
  close(): Promise<void>;
}

/**
 * A message's effect after parse + enrich, still tagged with where it came from. Rows are COPY text lines in the
 * target table's column order (see table.ts), so the sink only concatenates them; `key` is the collapse identity
 * of the primary key (one string, also for composite keys).
 */
export type PreparedEffect =
  | {
      kind: 'upsert';
      key: string;
      sequence: string | null;
      line: string;
      /** Columns in `line`, when not the table's full column list (mapped tables always list them). */
      columns: readonly string[] | null;
      /** True when columns the source did not send (Debezium TOAST) were left out: their stored values survive. */
      partial: boolean;
      /** SQL types of `columns` (mapped tables: the sink adds columns it has not seen yet). */
      types?: readonly SqlType[];
    }
  | {
      kind: 'delete';
      key: string;
      sequence: string | null;
      keyValues: string[];
      /** Mapped tables: the columns of the row image and their SQL types (the sink learns key types from them). */
      columns?: readonly string[];
      types?: readonly SqlType[];
    }
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

/** A chunk after preparation, with the CPU time it took (for the per-stage time split). */
export interface PreparedBatch {
  messages: PreparedMessage[];
  cpuMs: number;
}

/**
 * Parse + enrich + encode, for a chunk of source messages, in order. Inline (same thread) or on worker threads;
 * a preparer is total: a bad message becomes a dead-letter effect, never a rejection.
 */
export interface Preparer {
  readonly description: string;
  prepare(messages: readonly SourceMessage[]): Promise<PreparedBatch>;
  close(): Promise<void>;
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
  /** Next offset stored per `topic/partition` by this write. */
  offsets: Map<string, string>;
}

/** A {@link WriteResult} with nothing counted yet (a sink's starting point). */
export function emptyWriteResult(): WriteResult {
  return {
    consumed: 0,
    applied: 0,
    deadLettered: 0,
    skipped: 0,
    duplicates: 0,
    rowsUpserted: 0,
    rowsDeleted: 0,
    deadLetterCodes: new Map(),
    skipReasons: new Map(),
    appliedTimestamps: [],
    offsets: new Map(),
  };
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
