/**
 * Turns raw source messages into sink effects: parse (cdc-enrich/cdc) → enrich (cdc-enrich/enrich) →
 * a COPY text line typed for the target table. Total: every failure becomes a dead-letter effect with a stable code, never a throw.
 */
import { type ChangeEvent, type ColumnType, parseChangeEvents } from 'cdc-enrich/cdc';
import { CDC_METADATA_COLUMNS, createEnricher, ENRICHMENT_COLUMNS } from 'cdc-enrich/enrich';
import { USERS_ENRICHED_COLUMNS } from './schema.js';
import { type SqlType, type TableColumn, type TableSpec, USERS_TABLE } from './table.js';
import type { PreparedEffect, PreparedMessage, SourceMessage } from './types.js';

/** Dead-letter codes added by this example (parser and enricher codes are passed through unchanged). */
export type SinkPrepareErrorCode =
  | 'message_too_large'
  | 'invalid_id'
  | 'invalid_column'
  | 'enrich_threw'
  | 'parse_threw'
  | 'sink_rejected';

const MAX_BIGINT = 9_223_372_036_854_775_807n;
const MIN_BIGINT = -9_223_372_036_854_775_808n;
const INTEGER = /^-?\d{1,19}$/;

/** A decimal int64 string for an integer-like value, or null. */
export function toInt64(value: unknown): string | null {
  let text: string;
  // Safe integers are always in range: no BigInt needed (the hot path: ids and sequences).
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null;
  if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'string' && INTEGER.test(value.trim())) text = value.trim();
  else return null;
  const big = BigInt(text);
  return big > MAX_BIGINT || big < MIN_BIGINT ? null : big.toString();
}

/** ISO-8601 for a timestamp-like value inside PostgreSQL's and JavaScript's common range, or an error. */
const ISO_UTC = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-6]\d(?:\.\d{1,6})?Z$/;

function toTimestamp(value: unknown): string | null | undefined {
  // Hot path: canonical UTC ISO-8601 (what the enricher emits) goes through as is; PostgreSQL parses it, and an
  // impossible date that slips through (Feb 30) is isolated by the pipeline's bisection.
  if (typeof value === 'string' && ISO_UTC.test(value)) return value;
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'string' || typeof value === 'number') date = new Date(value);
  else return undefined;
  const time = date.getTime();
  if (Number.isNaN(time)) return undefined;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return date.toISOString();
}

const NUMERIC = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const MIN_INT32 = -2_147_483_648;
const MAX_INT32 = 2_147_483_647;

const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined;

/** TEXT also takes booleans, and objects/arrays as JSON (a schema-less mapped table's nested value). */
function toText(v: unknown): string | undefined {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) return TO_SQL_TEXT.JSONB(v);
  return asText(v);
}

const LOCAL_TIMESTAMP = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?::[0-6]\d(?:\.\d{1,9})?)?$/;

/**
 * The text form of one value for a column type (what COPY and array parameters take), `undefined` when the value
 * does not fit the type. A table of converters, one per SQL type.
 */
const TO_SQL_TEXT: Record<SqlType, (v: unknown) => string | undefined> = {
  BIGINT: (v) => toInt64(v) ?? undefined,
  INTEGER: (v) => {
    const n = toInt64(v);
    return n !== null && Number(n) >= MIN_INT32 && Number(n) <= MAX_INT32 ? n : undefined;
  },
  NUMERIC: (v) => {
    const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : undefined) : asText(v)?.trim();
    return text !== undefined && NUMERIC.test(text) ? text : undefined;
  },
  'DOUBLE PRECISION': (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined),
  BOOLEAN: (v) => (typeof v === 'boolean' ? (v ? 't' : 'f') : undefined),
  TIMESTAMPTZ: (v) => toTimestamp(v) ?? undefined,
  DATE: (v) => toTimestamp(v)?.slice(0, 10),
  UUID: (v) => (typeof v === 'string' && UUID.test(v) ? v : undefined),
  JSONB: (v) => {
    try {
      return typeof v === 'string'
        ? JSON.stringify(JSON.parse(v))
        : JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
    } catch {
      return undefined;
    }
  },
  // Debezium sends bytes as base64 text; PostgreSQL's hex input form is `\x` + hex digits.
  BYTEA: (v) => (typeof v === 'string' ? `\\x${Buffer.from(v, 'base64').toString('hex')}` : undefined),
  // Debezium's Timestamp/MicroTimestamp/NanoTimestamp: a local date-time without zone, kept as written.
  TIMESTAMP: (v) => (typeof v === 'string' && LOCAL_TIMESTAMP.test(v) ? v : undefined),
  TEXT: (v) => toText(v),
};

/** COPY text format escapes (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format"). */
const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function copyEscape(text: string): string {
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!) : text;
}

/** Per table spec, once: columns, key flags and converters (encodeRow runs per event). */
interface EncodePlan {
  columns: readonly TableColumn[];
  isKey: boolean[];
  convert: ((v: unknown) => string | undefined)[];
}
const plans = new WeakMap<TableSpec, EncodePlan>();
function planOf(spec: TableSpec): EncodePlan {
  let plan = plans.get(spec);
  if (!plan) {
    plan = {
      columns: spec.columns,
      isKey: spec.columns.map((c) => spec.key.includes(c.name)),
      convert: spec.columns.map((c) => TO_SQL_TEXT[c.type]),
    };
    plans.set(spec, plan);
  }
  return plan;
}

/** An encoded row: its COPY text line (no newline), the key values as text, and the present columns. */
export interface EncodedRow {
  line: string;
  keyValues: string[];
  /** `null` when every table column is present. */
  columns: readonly string[] | null;
}

/**
 * Encodes an enriched row as one COPY text line in the table's column order, checking each value against its SQL
 * type so that a bad value dead-letters one message instead of failing a whole batch in the database.
 * With `partial`, columns absent from the row (a Debezium TOAST column) are left out of the line and listed in
 * `columns`, so the sink does not overwrite their stored values; otherwise an absent column is NULL.
 */
export function encodeRow(
  value: Record<string, unknown>,
  spec: TableSpec,
  partial = false,
): { ok: true; row: EncodedRow } | { ok: false; code: SinkPrepareErrorCode; message: string } {
  const { columns, isKey: keyFlags, convert } = planOf(spec);
  const parts: string[] = new Array(columns.length);
  let count = 0;
  const keyValues: string[] = [];
  let present: string[] | null = null;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const isKey = keyFlags[i]!;
    if (partial && !isKey && !Object.hasOwn(value, column.name)) {
      present ??= columns.slice(0, i).map((c) => c.name);
      continue;
    }
    present?.push(column.name);
    const v = value[column.name];
    if (v === null || v === undefined) {
      if (isKey) return { ok: false, code: 'invalid_id', message: `key column ${column.name} is missing` };
      parts[count++] = '\\N';
      continue;
    }
    let text = convert[i]!(v);
    // A non-integer position (e.g. a binlog file:pos) cannot order rows in SQL: treat it as unknown order.
    if (text === undefined && column.name === spec.sequence) text = '\\N';
    else if (text === undefined) {
      if (isKey) return { ok: false, code: 'invalid_id', message: `key column ${column.name} is not a ${column.type}` };
      return { ok: false, code: 'invalid_column', message: `column ${column.name} is not a ${column.type}` };
    } else {
      // PostgreSQL TEXT cannot hold NUL (U+0000); the batch would fail as a whole.
      if (text.includes('\u0000')) {
        return { ok: false, code: 'invalid_column', message: `column ${column.name} contains a NUL character` };
      }
      if (isKey) keyValues.push(text);
      text = copyEscape(text);
    }
    parts[count++] = text;
  }
  parts.length = count;
  return { ok: true, row: { line: parts.join('\t'), keyValues, columns: present } };
}

/**
 * The seed table's row check, kept for callers of the earlier API: `encodeRow` on `users_enriched`.
 *
 * @example
 * ```ts
 * toSqlRow({ id: 1, email: 'a@b.c' }); // { ok: true, row: { line: '1\t\\N\t\\N\ta@b.c\t...', ... } }
 * ```
 */
export function toSqlRow(value: Record<string, unknown>): ReturnType<typeof encodeRow> {
  return encodeRow(value, USERS_TABLE);
}

/** Options of {@link createMessagePreparer}. Structured-cloneable (they are sent to prepare threads). */
export interface PrepareOptions {
  /** Larger messages are dead-lettered with `message_too_large` (default 1 MiB). */
  maxMessageBytes?: number;
  /**
   * Passed to `createEnricher` (default country, cache sizes, and `columns`: a column mapping makes this a mapped
   * table, whose rows carry their own column list and types; see {@link mappedTableSpec}).
   */
  enricher?: Parameters<typeof createEnricher>[0];
  /** Target table for the default mapping (default: the seed's `users_enriched`). */
  table?: TableSpec;
}

/** Types of the enrichment and CDC metadata columns of a mapped table (the `users_enriched` types). */
const OUTPUT_TYPES: ReadonlyMap<string, SqlType> = new Map([
  ...USERS_ENRICHED_COLUMNS.filter(
    (c) =>
      (ENRICHMENT_COLUMNS as readonly string[]).includes(c.name) ||
      (CDC_METADATA_COLUMNS as readonly string[]).includes(c.name),
  ).map((c) => [c.name, c.type] as const),
  ['email_suggested_domain', 'TEXT'],
]);

/** Kafka Connect logical types → PostgreSQL (https://debezium.io/documentation/reference/stable/connectors/postgresql.html#postgresql-data-types). */
const LOGICAL_TYPES: Readonly<Record<string, SqlType>> = {
  'io.debezium.time.ZonedTimestamp': 'TIMESTAMPTZ',
  'io.debezium.time.Timestamp': 'TIMESTAMP',
  'io.debezium.time.MicroTimestamp': 'TIMESTAMP',
  'io.debezium.time.NanoTimestamp': 'TIMESTAMP',
  'org.apache.kafka.connect.data.Timestamp': 'TIMESTAMP',
  'io.debezium.time.Date': 'DATE',
  'org.apache.kafka.connect.data.Date': 'DATE',
  'io.debezium.data.Uuid': 'UUID',
  'io.debezium.data.Json': 'JSONB',
  'org.apache.kafka.connect.data.Decimal': 'NUMERIC',
  'io.debezium.data.VariableScaleDecimal': 'NUMERIC',
};

/** Kafka Connect schema types → PostgreSQL. */
const CONNECT_TYPES: Readonly<Record<string, SqlType>> = {
  int8: 'INTEGER',
  int16: 'INTEGER',
  int32: 'INTEGER',
  int64: 'BIGINT',
  float32: 'DOUBLE PRECISION',
  float64: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
  bytes: 'BYTEA',
  string: 'TEXT',
  struct: 'JSONB',
  array: 'JSONB',
  map: 'JSONB',
};

/**
 * The SQL type of one output column of a mapped table: enrichment and metadata columns have fixed types; a
 * source column is typed from the envelope's schema (Debezium schema+payload) when there is one, else TEXT.
 *
 * @example
 * ```ts
 * columnSqlType('customer_id', { customer_id: { type: 'int64', optional: false } }); // 'BIGINT'
 * ```
 */
export function columnSqlType(name: string, schema?: Record<string, ColumnType>): SqlType {
  const fixed = OUTPUT_TYPES.get(name);
  if (fixed) return fixed;
  const type = schema?.[name];
  if (!type) return 'TEXT';
  return (type.logical ? LOGICAL_TYPES[type.logical] : undefined) ?? CONNECT_TYPES[type.type] ?? 'TEXT';
}

/**
 * The target of a mapped table before any row was seen: `<table>_enriched`, keyed by the mapped key, columns
 * added by the sink as rows bring them.
 *
 * @example
 * ```ts
 * mappedTableSpec('customers', ['customer_id']); // { table: 'customers_enriched', columns: [], ... }
 * ```
 */
export function mappedTableSpec(table: string, key: readonly string[]): TableSpec {
  return { table: `${table}_enriched`, columns: [], key: [...key], sequence: 'cdc_sequence' };
}

/** Encodes one enriched value for the target: the fixed table, or a mapped table (own columns and types). */
type Encode = (
  value: Record<string, unknown>,
  event: ChangeEvent,
  partial: boolean,
) => ReturnType<typeof encodeRow> & { types?: readonly SqlType[] };

function fixedTableEncoder(spec: TableSpec): Encode {
  return (value, _event, partial) => encodeRow(value, spec, partial);
}

/** Mapped rows: every present output column, typed per column; specs are cached per column signature. */
function mappedTableEncoder(key: readonly string[]): Encode {
  const specs = new Map<string, TableSpec>();
  return (value, event) => {
    const names = Object.keys(value);
    const types = names.map((n) => columnSqlType(n, event.schema));
    const signature = `${names.join('\u0000')}\u0001${types.join(',')}`;
    let spec = specs.get(signature);
    if (!spec) {
      if (specs.size >= 1000) specs.clear();
      spec = { table: '', columns: names.map((name, i) => ({ name, type: types[i]! })), key, sequence: 'cdc_sequence' };
      specs.set(signature, spec);
    }
    const encoded = encodeRow(value, spec, false);
    if (!encoded.ok) return encoded;
    return { ok: true, row: { ...encoded.row, columns: names }, types };
  };
}

/** A metric label for the parser's skip reason (a code string, or an object carrying one). */
function skipReason(skipped: unknown): string {
  if (typeof skipped === 'string' && skipped) return skipped;
  const nested = (skipped as { reason?: unknown; code?: unknown } | null | undefined) ?? null;
  if (typeof nested?.reason === 'string') return nested.reason;
  if (typeof nested?.code === 'string') return nested.code;
  return 'no_events';
}

function deadLetter(code: string, message: string, raw: Uint8Array | null): PreparedEffect[] {
  return [{ kind: 'dead-letter', code, message, raw }];
}

/** The collapse identity of a key (one string, also for composite keys). */
const keyIdentity = (keyValues: readonly string[]): string =>
  keyValues.length === 1 ? keyValues[0]! : JSON.stringify(keyValues);

function eventEffect(
  event: ChangeEvent,
  enrich: (e: ChangeEvent) => ReturnType<ReturnType<typeof createEnricher>['enrichEvent']>,
  encode: Encode,
): PreparedEffect | { error: { code: string; message: string } } {
  if (event.op === 'truncate') return { kind: 'skip', reason: 'truncate' };
  let enriched: ReturnType<typeof enrich>;
  try {
    enriched = enrich(event);
  } catch {
    return { error: { code: 'enrich_threw', message: 'the enricher threw' } };
  }
  if (!enriched.ok) return { error: enriched.error };
  const value = enriched.value as unknown as Record<string, unknown>;
  const partial = event.op !== 'delete' && (event.unavailable?.length ?? 0) > 0;
  const converted = encode(value, event, partial);
  if (!converted.ok) return { error: { code: converted.code, message: converted.message } };
  const { row } = converted;
  const key = keyIdentity(row.keyValues);
  const sequence = toInt64(value['cdc_sequence']) ?? toInt64(event.position);
  const typed = converted.types && row.columns ? { columns: row.columns, types: converted.types } : {};
  if (event.op === 'delete') return { kind: 'delete', key, sequence, keyValues: row.keyValues, ...typed };
  return {
    kind: 'upsert',
    key,
    sequence,
    line: row.line,
    columns: row.columns,
    partial,
    ...(converted.types ? { types: converted.types } : {}),
  };
}

/**
 * Returns a function that prepares one source message. One enricher (with its bounded caches) is reused.
 *
 * @example
 * ```ts
 * const prepare = createMessagePreparer();
 * const prepared = prepare(message); // { topic, partition, offset, effects: [{ kind: 'upsert', ... }] }
 * ```
 */
export function createMessagePreparer(options: PrepareOptions = {}): (message: SourceMessage) => PreparedMessage {
  const maxMessageBytes = options.maxMessageBytes ?? 1024 * 1024;
  const enricher = createEnricher(options.enricher);
  const enrich = (e: ChangeEvent) => enricher.enrichEvent(e);
  const encode = enricher.mapping.isDefault
    ? fixedTableEncoder(options.table ?? USERS_TABLE)
    : mappedTableEncoder(enricher.mapping.key);
  // One options object for every call: the parser validates and resolves options once per object.
  const parseOptions = { format: 'auto', maxMessageBytes } as const;
  return (message) => ({
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    timestampMs: message.timestampMs,
    effects: effectsOf(message.value),
  });

  /** The effects of one raw message: skip, dead letter, or one effect per change event. */
  function effectsOf(raw: Uint8Array | null): PreparedEffect[] {
    if (raw === null) return [{ kind: 'skip', reason: 'tombstone' }];
    if (raw.byteLength === 0) return [{ kind: 'skip', reason: 'empty_message' }];
    if (raw.byteLength > maxMessageBytes) {
      return deadLetter('message_too_large', `message of ${raw.byteLength} bytes exceeds ${maxMessageBytes}`, raw);
    }
    let parsed: ReturnType<typeof parseChangeEvents>;
    try {
      parsed = parseChangeEvents(raw, parseOptions);
    } catch {
      return deadLetter('parse_threw', 'the parser threw', raw);
    }
    if (!parsed.ok) return deadLetter(parsed.error.code, parsed.error.message, raw);
    if (parsed.events.length === 0) return [{ kind: 'skip', reason: skipReason(parsed.skipped) }];
    const effects: PreparedEffect[] = [];
    for (const event of parsed.events) {
      const effect = eventEffect(event, enrich, encode);
      if ('error' in effect) return deadLetter(effect.error.code, effect.error.message, raw);
      effects.push(effect);
    }
    return effects;
  }
}
