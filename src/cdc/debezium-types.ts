/**
 * Decoders for the Debezium / Kafka Connect logical types that a JSON message carries in its schema
 * (https://debezium.io/documentation/reference/stable/connectors/postgresql.html#postgresql-temporal-types,
 * Kafka Connect `org.apache.kafka.connect.data.*`). Only used when the `{schema, payload}` wrapper is present.
 *
 * Outputs: dates `YYYY-MM-DD`; times `HH:MM:SS.fff[fff[fff]]`; timestamps without zone
 * `YYYY-MM-DDTHH:MM:SS.fff[fff[fff]]` (Debezium's `Timestamp` types carry no zone: they are the column's
 * wall-clock value); zoned types are ISO strings already and kept; decimals become exact decimal strings.
 * A value of an unexpected JSON type is kept as it is (the decoder returns `undefined`).
 */
import { isObject } from './internal.js';
import type { ColumnType } from './types.js';

/** Decodes one column value; `undefined` = leave the value as it is. */
export type LogicalDecoder = (value: unknown, parameters: Record<string, unknown> | null) => unknown;

const DAY_MS = 86_400_000;

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function dateFromDays(days: unknown): string | undefined {
  if (typeof days !== 'number' || !Number.isInteger(days) || Math.abs(days) > 100_000_000) return undefined;
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Time of day from an integer count of `unitsPerSecond` units past midnight (may exceed 24h for MySQL TIME). */
function timeOfDay(value: unknown, unitsPerSecond: number, digits: number): string | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return undefined;
  const seconds = Math.floor(value / unitsPerSecond);
  const fraction = value - seconds * unitsPerSecond;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(fraction, digits)}`;
}

/** Wall-clock timestamp (no zone) from an epoch count in `unitsPerMs` units per millisecond. */
function localTimestamp(value: unknown, unitsPerMs: number, extraDigits: number): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) return undefined;
  const ms = Math.floor(value / unitsPerMs);
  if (Math.abs(ms) > 8.64e15) return undefined;
  const iso = new Date(ms).toISOString().slice(0, -1);
  if (extraDigits === 0) return iso;
  const rest = Math.round(value - ms * unitsPerMs);
  return `${iso}${pad(Math.min(rest, unitsPerMs - 1), extraDigits)}`;
}

/** An unscaled two's-complement big-endian integer with a scale, as a decimal string. */
export function formatScaled(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  } else if (scale < 0 && digits !== '0') {
    digits += '0'.repeat(-scale);
  }
  return negative ? `-${digits}` : digits;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Kafka Connect `Decimal` bytes (base64 in JSON) → decimal string: the bytes are the unscaled value as a
 * big-endian two's-complement integer (java.math.BigInteger#toByteArray).
 *
 * @example
 * decimalFromBase64('AOc=', 2); // '2.31' (0x00E7 = 231)
 */
export function decimalFromBase64(b64: string, scale: number): string | undefined {
  if (b64.length > 4096 || b64.length % 4 !== 0 || !BASE64.test(b64)) return undefined;
  if (!Number.isInteger(scale) || Math.abs(scale) > 1000) return undefined;
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) return undefined;
  let n = BigInt(`0x${bytes.toString('hex')}`);
  if ((bytes[0]! & 0x80) !== 0) n -= 1n << BigInt(bytes.length * 8);
  return formatScaled(n, scale);
}

function decimal(value: unknown, parameters: Record<string, unknown> | null): unknown {
  const rawScale = parameters?.['scale'];
  const scale = typeof rawScale === 'string' ? Number(rawScale) : typeof rawScale === 'number' ? rawScale : 0;
  if (typeof value === 'string') return decimalFromBase64(value, scale);
  // JsonConverter `decimal.format=NUMERIC` writes a JSON number; keep it exact as text.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function variableScaleDecimal(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  const scale = value['scale'];
  const bytes = value['value'];
  if (typeof scale !== 'number' || typeof bytes !== 'string') return undefined;
  return decimalFromBase64(bytes, scale);
}

/** Logical type name → decoder. Types not listed (ZonedTimestamp, Json, Uuid, Enum, ...) pass through. */
export const LOGICAL_DECODERS: ReadonlyMap<string, LogicalDecoder> = new Map<string, LogicalDecoder>([
  ['io.debezium.time.Date', (v) => dateFromDays(v)],
  ['org.apache.kafka.connect.data.Date', (v) => dateFromDays(v)],
  ['io.debezium.time.Time', (v) => timeOfDay(v, 1000, 3)],
  ['org.apache.kafka.connect.data.Time', (v) => timeOfDay(v, 1000, 3)],
  ['io.debezium.time.MicroTime', (v) => timeOfDay(v, 1_000_000, 6)],
  ['io.debezium.time.NanoTime', (v) => timeOfDay(v, 1_000_000_000, 9)],
  ['io.debezium.time.Timestamp', (v) => localTimestamp(v, 1, 0)],
  ['org.apache.kafka.connect.data.Timestamp', (v) => localTimestamp(v, 1, 0)],
  ['io.debezium.time.MicroTimestamp', (v) => localTimestamp(v, 1000, 3)],
  ['io.debezium.time.NanoTimestamp', (v) => localTimestamp(v, 1_000_000, 6)],
  ['org.apache.kafka.connect.data.Decimal', decimal],
  ['io.debezium.data.VariableScaleDecimal', (v) => variableScaleDecimal(v)],
]);

/** A column to decode: its name, decoder and the schema's `parameters`. */
export interface ColumnDecoder {
  column: string;
  decode: LogicalDecoder;
  parameters: Record<string, unknown> | null;
}

/**
 * From a Debezium value schema (`{type: 'struct', fields: [{field: 'before', ...}, {field: 'after', ...}]}`),
 * the logical-type columns of the `before`/`after` structs. Empty when nothing needs decoding.
 */
export function columnDecoders(schema: unknown): ColumnDecoder[] {
  const out: ColumnDecoder[] = [];
  for (const fields of rowStructFields(schema)) {
    for (const f of fields) {
      if (!isObject(f) || typeof f['field'] !== 'string' || typeof f['name'] !== 'string') continue;
      const decode = LOGICAL_DECODERS.get(f['name']);
      if (decode === undefined) continue;
      const column = f['field'];
      if (out.some((d) => d.column === column)) continue; // before and after share one table schema
      const parameters = isObject(f['parameters']) ? f['parameters'] : null;
      out.push({ column, decode, parameters });
    }
  }
  return out;
}

/** The row struct schemas (`after`, then `before`) of a Debezium value schema. */
function rowStructFields(schema: unknown): unknown[][] {
  if (!isObject(schema) || !Array.isArray(schema['fields'])) return [];
  const out: unknown[][] = [];
  for (const envelopeField of schema['fields']) {
    if (!isObject(envelopeField)) continue;
    const name = envelopeField['field'];
    if ((name === 'after' || name === 'before') && Array.isArray(envelopeField['fields'])) {
      out.push(envelopeField['fields']);
    }
  }
  return out;
}

/**
 * Column name → `{ type, optional, logical? }` from a Debezium value schema's row structs (`after` / `before`
 * share the table schema); null when the schema names no columns. A null-prototype record.
 *
 * @example
 * columnTypes({ type: 'struct', fields: [{ field: 'after', type: 'struct', fields: [
 *   { field: 'id', type: 'int64', optional: false }] }] }); // { id: { type: 'int64', optional: false } }
 */
export function columnTypes(schema: unknown): Record<string, ColumnType> | null {
  let types: Record<string, ColumnType> | null = null;
  for (const fields of rowStructFields(schema)) {
    for (const f of fields) {
      if (!isObject(f) || typeof f['field'] !== 'string' || typeof f['type'] !== 'string') continue;
      types ??= Object.create(null) as Record<string, ColumnType>;
      if (Object.hasOwn(types, f['field'])) continue;
      const type: ColumnType = { type: f['type'], optional: f['optional'] === true };
      if (typeof f['name'] === 'string') type.logical = f['name'];
      types[f['field']] = type;
    }
  }
  return types;
}
