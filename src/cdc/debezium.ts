/**
 * Debezium JSON (https://debezium.io/documentation/reference/stable/connectors/): the change envelope
 * `{before, after, source, op, ts_ms|ts_us|ts_ns, transaction}`, bare or wrapped by the JsonConverter as
 * `{schema, payload}` (`value.converter.schemas.enable=true`).
 *
 * - ops: `c` → insert (or snapshot when `source.snapshot` says so), `r` → snapshot, `u` → update,
 *   `d` → delete, `t` → truncate; `m` (logical decoding message) is skipped;
 * - tombstones (null value, or `payload: null`) are skipped;
 * - `source.snapshot` may be a boolean or a string (`true`, `first`, `last`, `incremental`, ...);
 * - timestamp: the source commit time (`source.ts_us`, `ts_ms`, `ts_ns`) when positive, else the envelope's
 *   `ts_*` (the time Debezium processed the change; snapshot rows often have `source.ts_ms: 0`);
 * - the TOAST placeholder (`__debezium_unavailable_value`, or its base64 for binary columns) removes the
 *   column from the row and lists it in `unavailable`;
 * - logical types are decoded when the schema is included (see debezium-types.ts).
 */

import { type ColumnDecoder, columnDecoders, columnTypes } from './debezium-types.js';
import { done, fail, skip, typeName } from './errors.js';
import {
  type Context,
  filteredOut,
  hasOwn,
  isObject,
  isoFromEpoch,
  lsnToPosition,
  newRow,
  plainPosition,
  qualifiedName,
  transactionId,
} from './internal.js';
import { OPERATION_CODES, operationMeaning } from './operations.js';
import type { ChangeEvent, ChangeOp, ParseResult, Row } from './types.js';

/** True when the message looks like a Debezium envelope (used by auto-detection). */
export function isDebezium(msg: Record<string, unknown>): boolean {
  if (hasOwn(msg, 'payload') && hasOwn(msg, 'schema')) return true;
  const op = msg['op'];
  return (
    typeof op === 'string' &&
    op.length === 1 &&
    (hasOwn(msg, 'source') || hasOwn(msg, 'before') || hasOwn(msg, 'after'))
  );
}

function isSnapshotFlag(value: unknown): boolean {
  if (value === true) return true;
  // Debezium's `snapshot` enum: true, first, first_in_data_collection, last_in_data_collection, last,
  // incremental (and false). Anything but "false" marks a snapshot read.
  return typeof value === 'string' && value.length > 0 && value !== 'false';
}

function commitTime(source: Record<string, unknown> | null, envelope: Record<string, unknown>): string | null {
  if (source !== null) {
    // Prefer microseconds (exact in a double), then milliseconds, then nanoseconds (beyond 2^53: lossy).
    const fromSource = firstEpochField(source);
    if (fromSource !== null) return fromSource;
  }
  return firstEpochField(envelope);
}

/** Debezium's timestamp fields, most precise first that a double holds exactly (`ts_ns` exceeds 2^53). */
const EPOCH_FIELDS = [
  ['ts_us', 'us'],
  ['ts_ms', 'ms'],
  ['ts_ns', 'ns'],
] as const;

/** ISO time of the first positive epoch field of `record` in {@link EPOCH_FIELDS} order, or null. */
function firstEpochField(record: Record<string, unknown>): string | null {
  for (const [field, unit] of EPOCH_FIELDS) {
    const value = record[field];
    if (typeof value === 'number' && value > 0) return isoFromEpoch(value, unit);
  }
  return null;
}

const HEX_LSN = /^[0-9A-Fa-f]{1,16}(?::[0-9A-Fa-f]{1,16}){0,3}$/;

/**
 * The source position, per connector: Postgres `lsn`; MySQL `file:pos:row`; SQL Server / Db2 `change_lsn`
 * (hex parts converted to decimal parts so that natural ordering is numeric); Oracle `scn`; MongoDB
 * `ts_ms:ord`.
 */
function position(source: Record<string, unknown> | null): string | number | null {
  if (source === null) return null;
  const lsn = source['lsn'];
  if (lsn !== undefined && lsn !== null) return lsnToPosition(lsn);
  const file = source['file'];
  const pos = source['pos'];
  if (typeof file === 'string' && typeof pos === 'number') {
    const row = source['row'];
    return `${file}:${pos}:${typeof row === 'number' ? row : 0}`;
  }
  const changeLsn = source['change_lsn'] ?? source['commit_lsn'];
  if (typeof changeLsn === 'string' && HEX_LSN.test(changeLsn)) {
    return changeLsn
      .split(':')
      .map((part) => BigInt(`0x${part}`).toString())
      .join(':');
  }
  const scn = source['scn'] ?? source['commit_scn'];
  if (scn !== undefined && scn !== null) return plainPosition(scn);
  const ord = source['ord'];
  const ts = source['ts_ms'];
  if (typeof ord === 'number' && typeof ts === 'number') return `${ts}:${ord}`;
  return null;
}

function transaction(payload: Record<string, unknown>, source: Record<string, unknown> | null): string | null {
  const tx = payload['transaction'];
  if (isObject(tx)) {
    const id = transactionId(tx['id']);
    if (id !== null) return id;
  }
  if (source === null) return null;
  return transactionId(source['txId']) ?? transactionId(source['gtid']) ?? transactionId(source['xid']);
}

interface RowState {
  decoders: ColumnDecoder[];
  unavailable: string[] | null;
  /** Placeholders dropped so far (to tell whether the before image lost columns). */
  dropped: number;
}

/**
 * Copies a row image into a null-prototype row, dropping TOAST placeholders and decoding logical types.
 * Returns the row, or a column name when a logical value cannot be decoded.
 */
function normalizeRow(raw: Record<string, unknown>, ctx: Context, state: RowState): Row {
  const row: Row = newRow();
  const placeholder = ctx.placeholder;
  for (const key in raw) {
    if (!hasOwn(raw, key)) continue;
    const value = raw[key];
    if (
      typeof value === 'string'
        ? value === placeholder || value === ctx.placeholderBase64
        : Array.isArray(value) && value.length === 1 && value[0] === placeholder
    ) {
      state.dropped++;
      if (state.unavailable === null) state.unavailable = [key];
      else if (!state.unavailable.includes(key)) state.unavailable.push(key);
      continue;
    }
    row[key] = value;
  }
  for (const d of state.decoders) {
    if (!hasOwn(row, d.column)) continue;
    const value = row[d.column];
    if (value === null) continue;
    const decoded = d.decode(value, d.parameters);
    if (decoded !== undefined) row[d.column] = decoded;
  }
  return row;
}

function rowImage(
  payload: Record<string, unknown>,
  field: 'before' | 'after',
  base: readonly string[],
  ctx: Context,
  state: RowState,
): Row | null | string {
  const raw = payload[field];
  if (raw === null || raw === undefined) return null;
  if (!isObject(raw)) return `${[...base, field].join('.')} is ${typeName(raw)}, not an object`;
  return normalizeRow(raw, ctx, state);
}

/** Parses one Debezium message (bare envelope or `{schema, payload}`). */
export function parseDebezium(msg: Record<string, unknown>, ctx: Context): ParseResult {
  let payload: Record<string, unknown> = msg;
  let schema: unknown = null;
  let base: string[] = [];
  if (hasOwn(msg, 'payload') && hasOwn(msg, 'schema')) {
    const p = msg['payload'];
    if (p === null || p === undefined) return skip('tombstone');
    if (!isObject(p)) return fail('invalid_field', `payload is ${typeName(p)}, not an object`, ['payload']);
    payload = p;
    schema = msg['schema'];
    base = ['payload'];
  }
  const rawOp = payload['op'];
  if (rawOp === undefined || rawOp === null)
    return fail('missing_field', 'Debezium envelope has no op', [...base, 'op']);
  if (typeof rawOp !== 'string')
    return fail('invalid_operation', `op is ${typeName(rawOp)}, not a string`, [...base, 'op']);
  const rawSource = payload['source'];
  const source = isObject(rawSource) ? rawSource : null;
  const meaning = operationMeaning(OPERATION_CODES.debezium, rawOp);
  if (meaning === undefined) return fail('invalid_operation', 'op is not one of c, r, u, d, t, m', [...base, 'op']);
  if (typeof meaning !== 'string') return skip(meaning.skip);
  // An insert read during a snapshot (`source.snapshot` set) is a snapshot read.
  const op: ChangeOp =
    meaning === 'insert' && source !== null && isSnapshotFlag(source['snapshot']) ? 'snapshot' : meaning;
  let database: unknown = null;
  let tableName: unknown = null;
  if (source !== null) {
    database = source['schema'] ?? source['db'];
    tableName = source['table'] ?? source['collection'];
  }
  if (filteredOut(ctx, database, tableName)) return skip('filtered');

  const state: RowState = {
    decoders: schema !== null && ctx.decodeLogicalTypes ? columnDecoders(schema) : [],
    unavailable: null,
    dropped: 0,
  };
  let before: Row | null = null;
  let after: Row | null = null;
  let beforeDropped = false;
  if (op !== 'truncate') {
    const b = rowImage(payload, 'before', base, ctx, state);
    if (typeof b === 'string') return fail('invalid_field', b, [...base, 'before']);
    beforeDropped = state.dropped > 0;
    const a = rowImage(payload, 'after', base, ctx, state);
    if (typeof a === 'string') return fail('invalid_field', a, [...base, 'after']);
    if (op === 'delete') {
      // A delete has no after image; a null before (Postgres without REPLICA IDENTITY FULL on some versions)
      // is passed on as beforeImage 'none' rather than failing as Flink does.
      before = b;
    } else {
      if (a === null) return fail('missing_field', `op ${rawOp} has no after image`, [...base, 'after']);
      after = a;
      if (op === 'update') before = b;
    }
  }
  const event: ChangeEvent = {
    op,
    before,
    after,
    table: qualifiedName(database, tableName),
    format: 'debezium',
    position: position(source),
    timestamp: commitTime(source, payload),
    transaction: transaction(payload, source),
    beforeImage: before === null ? 'none' : beforeDropped ? 'partial' : 'full',
  };
  if (state.unavailable !== null) event.unavailable = state.unavailable;
  if (schema !== null) {
    const types = columnTypes(schema);
    if (types !== null) event.schema = types;
  }
  return done([event]);
}
