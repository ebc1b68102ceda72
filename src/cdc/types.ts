import type { Failure } from '../shared/errors.js';

/**
 * Public types of the CDC envelope parser (cdc-enrich/cdc). The shapes are fixed by the project's API
 * contract (`ChangeEvent`, `ParseResult`, `ParseOptions`); fields may be added, never renamed.
 */

/**
 * A row image: column name → value. Rows that the parser builds do not inherit from `Object.prototype` (their
 * prototype is an empty frozen object without a prototype), so a column named `__proto__` or `constructor` is
 * an ordinary own property and can never reach `Object.prototype`.
 *
 * @example
 * const row: Row = Object.assign(Object.create(null), { id: 1 });
 */
export type Row = Record<string, unknown>;

/**
 * What happened to the row. `snapshot` is a row read by an initial or incremental snapshot (Debezium `r`,
 * Maxwell `bootstrap-insert`, DMS `load`); sinks treat it as an upsert.
 *
 * @example
 * const op: ChangeOp = 'update';
 */
export type ChangeOp = 'insert' | 'update' | 'delete' | 'snapshot' | 'truncate';

/**
 * The envelope a message came in.
 *
 * @example
 * const f: CdcFormat = 'debezium';
 */
export type CdcFormat = 'seed' | 'debezium' | 'maxwell' | 'canal' | 'ogg' | 'dms' | 'wal2json';

/**
 * What `before` holds:
 * - `full`: every column of the old row (MySQL binlog full images, Postgres `REPLICA IDENTITY FULL`,
 *   Maxwell/Canal `data` merged with `old`);
 * - `key-only`: only the replica identity / primary key columns (wal2json `oldkeys`/`identity`, OGG deletes
 *   carrying only `primary_keys`);
 * - `partial`: some but not all columns (OGG compressed updates, DMS `pk-only`/`non-lob` before images);
 * - `none`: no before image (`before` is `null`).
 *
 * @example
 * const image: BeforeImage = 'none';
 */
export type BeforeImage = 'full' | 'key-only' | 'partial' | 'none';

/**
 * One normalized change.
 *
 * @example
 * const e: ChangeEvent = {
 *   op: 'insert', before: null, after: { id: 1 }, table: 'inventory.products', format: 'debezium',
 *   position: 34078720, timestamp: '2020-07-29T05:38:19.434Z', transaction: '601', beforeImage: 'none',
 * };
 */
export interface ChangeEvent {
  op: ChangeOp;
  /** Old row image (deletes, updates when the source sends one), else `null`. */
  before: Row | null;
  /** New row image (inserts, snapshots, updates), else `null`. */
  after: Row | null;
  /** `"<schema-or-database>.<table>"` as the source names them, or `null`. */
  table: string | null;
  format: CdcFormat;
  /** Source ordering token, comparable with {@link comparePositions} within one source; `null` when unknown. */
  position: string | number | null;
  /** Source commit time as ISO-8601 (UTC, `Z`, with the source's sub-millisecond digits), or `null`. */
  timestamp: string | null;
  /** Source transaction id, or `null`. */
  transaction: string | null;
  beforeImage: BeforeImage;
  /** Columns whose value the source did not send (Debezium TOAST placeholder); they are absent from the rows. */
  unavailable?: string[];
  /**
   * Column types, when the envelope carries them (Debezium `{schema, payload}`): column name → Kafka Connect
   * type (`int64`, `string`, ...), whether it is optional, and its logical type name
   * (`io.debezium.time.MicroTimestamp`, `org.apache.kafka.connect.data.Decimal`, ...). Lets a sink type its
   * `<table>_enriched` columns.
   */
  schema?: Record<string, ColumnType>;
}

/**
 * One column's type, from an envelope schema.
 *
 * @example
 * const t: ColumnType = { type: 'int64', optional: false };
 */
export interface ColumnType {
  /** Kafka Connect schema type: `int8` ... `int64`, `float32`, `float64`, `boolean`, `string`, `bytes`, `struct`, ... */
  type: string;
  optional: boolean;
  /** The logical type name (`name` in the Connect schema), when there is one. */
  logical?: string;
}

/**
 * Why a well-formed message produced no events. Stable, documented in docs/cdc-formats.md.
 *
 * @example
 * const r: SkipReason = 'tombstone';
 */
export type SkipReason =
  /** Kafka tombstone: null value, empty input, or a Debezium `{schema, payload: null}`. */
  | 'tombstone'
  /** Debezium `op: "m"` logical-decoding message, wal2json v1 `kind: "message"` or v2 action `M`. */
  | 'message'
  /** Schema change: Maxwell `table-*`/`database-*`, Canal `isDdl`. */
  | 'ddl'
  /** Maxwell `bootstrap-start` / `bootstrap-complete`. */
  | 'bootstrap_control'
  /** AWS DMS `record-type: "control"` (table definitions, DDL). */
  | 'control'
  /** wal2json v2 `B` (begin) and `C` (commit). */
  | 'transaction_boundary'
  /** wal2json v1 transaction with an empty `change` array. */
  | 'empty_transaction'
  /** Filtered out by {@link ParseOptions.filter}. */
  | 'filtered';

/**
 * Stable error codes (see {@link PARSE_ERROR_CODES} for their meaning).
 *
 * @example
 * const c: ParseErrorCode = 'invalid_json';
 */
export type ParseErrorCode =
  | 'too_large'
  | 'invalid_json'
  | 'unknown_format'
  | 'missing_field'
  | 'invalid_field'
  | 'invalid_operation';

/**
 * A parse failure (the shared failure model, docs/errors.md). `message` never contains payload values (PII);
 * `path` points into the message as keys and indexes (`[]` = the whole message). Before the shared model `path`
 * was a dotted string; `formatFailurePath(path)` gives that text.
 *
 * @example
 * const e: ParseError = { code: 'missing_field', message: 'Debezium envelope has no "op"', path: ['payload', 'op'] };
 */
export type ParseError = Failure<ParseErrorCode>;

/**
 * The result of {@link parseChangeEvents}: events (possibly none, with the reason) or an error.
 *
 * @example
 * const r: ParseResult = { ok: true, events: [], skipped: 'tombstone' };
 */
export type ParseResult = { ok: true; events: ChangeEvent[]; skipped?: SkipReason } | { ok: false; error: ParseError };

/**
 * Keeps only events whose database (or schema) and table names fully match, like Flink's
 * `canal-json.database.include` / `table.include`. A string is a regular expression source that must
 * match the whole name; a RegExp is used as given and must match the whole name too.
 *
 * @example
 * const f: TableFilter = { database: '^my.*', table: 'prod.*' };
 */
export interface TableFilter {
  database?: string | RegExp;
  table?: string | RegExp;
}

/**
 * Options of {@link parseChangeEvents}. Invalid options are programmer errors and throw a `TypeError`.
 *
 * @example
 * const opts: ParseOptions = { format: 'canal', maxMessageBytes: 256 * 1024, filter: { table: 'products' } };
 */
export interface ParseOptions {
  /** Envelope format; `'auto'` (default) detects it per message from its shape. */
  format?: 'auto' | CdcFormat;
  /** Largest accepted message in UTF-8 bytes; larger input fails with `too_large` before parsing. Default 1 MiB. */
  maxMessageBytes?: number;
  /** Database/table include filter; non-matching messages give `skipped: 'filtered'`. */
  filter?: TableFilter;
  /** Decode Debezium logical types (`io.debezium.time.*`, `Decimal`, ...) when the schema is included. Default true. */
  decodeLogicalTypes?: boolean;
  /** Debezium `unavailable.value.placeholder`. Default `__debezium_unavailable_value`. */
  unavailableValuePlaceholder?: string;
  /** AWS DMS `BeforeImageSettings.FieldName`. Default `before-image`. */
  dmsBeforeImageField?: string;
}
