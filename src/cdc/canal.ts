/**
 * Canal FlatMessage (https://github.com/alibaba/canal, `canal.mq.flatMessage=true`): `{id, database, table,
 * pkNames, isDdl, type, es, ts, sql, sqlType, mysqlType, data, old, gtid?}`.
 *
 * - `data` and `old` are arrays: one message gives one event per `data` row;
 * - values are strings (or JSON null); integer and floating-point columns are coerced to numbers using
 *   `mysqlType` (preferred, e.g. `int(11)`, `bigint(20) unsigned`) or `sqlType` (java.sql.Types codes); DECIMAL,
 *   BIT, dates and texts stay strings; integers beyond 2^53 stay strings (exact);
 * - `INSERT` and `INIT` (Alibaba Cloud DTS initial load, as Flink) → insert; `UPDATE` → update with before =
 *   `data[i]` with the columns of `old[i]` replaced — a JSON null in `old` means the old value was null;
 *   `DELETE` → delete (before = `data[i]`);
 * - DDL (`isDdl: true`, or a DDL `type`) is skipped, except `TRUNCATE`, which gives one truncate event;
 * - timestamp = `es` (binlog execution time, ms). Canal's flat message has no binlog position: position is null.
 */

import type { FailurePath } from '../shared/errors.js';
import { done, fail, skip, typeName } from './errors.js';
import {
  type Context,
  filteredOut,
  hasOwn,
  isObject,
  isoFromEpoch,
  newRow,
  qualifiedName,
  transactionId,
} from './internal.js';
import { OPERATION_CODES, operationMeaning } from './operations.js';
import type { ChangeEvent, ParseResult, Row } from './types.js';

const DDL_TYPES = new Set(['CREATE', 'ALTER', 'ERASE', 'QUERY', 'TRUNCATE', 'RENAME', 'CINDEX', 'DINDEX']);

/** True when the message looks like a Canal FlatMessage (used by auto-detection). */
export function isCanal(msg: Record<string, unknown>): boolean {
  return (
    typeof msg['type'] === 'string' &&
    (hasOwn(msg, 'isDdl') || Array.isArray(msg['data']) || hasOwn(msg, 'mysqlType') || hasOwn(msg, 'pkNames'))
  );
}

type Coercion = 'int' | 'float' | null;

const INT_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'year']);
const FLOAT_TYPES = new Set(['float', 'double', 'real']);

/** `int(11) unsigned` → 'int'; `double precision` → 'float'; others → null (kept as strings). */
function coercionOfMysqlType(t: unknown): Coercion | undefined {
  if (typeof t !== 'string') return undefined;
  let end = 0;
  while (end < t.length) {
    const c = t.charCodeAt(end);
    if (c === 40 /* ( */ || c === 32 /* space */) break;
    end++;
  }
  const base = t.slice(0, end).toLowerCase();
  if (INT_TYPES.has(base)) return 'int';
  if (FLOAT_TYPES.has(base)) return 'float';
  return null;
}

/** java.sql.Types: TINYINT -6, SMALLINT 5, INTEGER 4, BIGINT -5 → int; FLOAT 6, REAL 7, DOUBLE 8 → float. */
function coercionOfSqlType(code: unknown): Coercion | undefined {
  if (typeof code !== 'number') return undefined;
  if (code === -6 || code === 5 || code === 4 || code === -5) return 'int';
  if (code === 6 || code === 7 || code === 8) return 'float';
  return null;
}

function isIntegerText(s: string): boolean {
  if (s.length === 0 || s.length > 40) return false;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === s.length) return false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isFloatText(s: string): boolean {
  if (s.length === 0 || s.length > 400) return false;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 46 && c !== 101 && c !== 69 && c !== 43 && c !== 45) return false; // . e E + -
  }
  return digits > 0 && !Number.isNaN(Number(s));
}

/** The coerced value, or `undefined` when the text does not fit the declared numeric type. */
function coerce(value: unknown, how: Coercion): unknown {
  if (how === null || typeof value !== 'string') return value;
  if (how === 'int') {
    if (!isIntegerText(value)) return undefined;
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  return isFloatText(value) ? Number(value) : undefined;
}

function coerceRow(
  raw: Record<string, unknown>,
  coercions: Map<string, Coercion>,
  path: FailurePath,
): Row | FailurePath {
  const row: Row = newRow();
  for (const key in raw) {
    if (!hasOwn(raw, key)) continue;
    const how = coercions.get(key) ?? null;
    const value = coerce(raw[key], how);
    if (value === undefined) return [...path, key];
    row[key] = value;
  }
  return row;
}

/** Parses one Canal FlatMessage into one event per row. */
export function parseCanal(msg: Record<string, unknown>, ctx: Context): ParseResult {
  const type = msg['type'];
  if (type === undefined || type === null) return fail('missing_field', 'Canal message has no type', ['type']);
  if (typeof type !== 'string') return fail('invalid_operation', `type is ${typeName(type)}, not a string`, ['type']);
  const database = msg['database'];
  const tableName = msg['table'];
  // Flink applies database/table include filters before converting any row.
  if (filteredOut(ctx, database, tableName)) return skip('filtered');
  const table = qualifiedName(database, tableName);
  const es = msg['es'];
  const timestamp = typeof es === 'number' && es > 0 ? isoFromEpoch(es, 'ms') : null;
  const transaction = transactionId(msg['gtid']);
  const isDdl = msg['isDdl'] === true || msg['isDdl'] === 'true';
  if (type === 'TRUNCATE') {
    return done([
      {
        op: 'truncate',
        before: null,
        after: null,
        table,
        format: 'canal',
        position: null,
        timestamp,
        transaction,
        beforeImage: 'none',
      },
    ]);
  }
  if (isDdl || DDL_TYPES.has(type)) return skip('ddl');
  const op = operationMeaning(OPERATION_CODES.canal, type);
  if (typeof op !== 'string')
    return fail('invalid_operation', 'type is not INSERT, INIT, UPDATE, DELETE or a DDL type', ['type']);
  const data = msg['data'];
  if (data === undefined || data === null) return fail('missing_field', 'Canal row message has no data', ['data']);
  if (!Array.isArray(data)) return fail('invalid_field', `data is ${typeName(data)}, not an array`, ['data']);
  const old = msg['old'];
  if (old !== undefined && old !== null && !Array.isArray(old))
    return fail('invalid_field', `old is ${typeName(old)}, not an array`, ['old']);

  const coercions = new Map<string, Coercion>();
  const mysqlType = msg['mysqlType'];
  const sqlType = msg['sqlType'];
  if (isObject(sqlType)) {
    for (const col in sqlType) {
      const how = coercionOfSqlType(sqlType[col]);
      if (how !== undefined && hasOwn(sqlType, col)) coercions.set(col, how);
    }
  }
  if (isObject(mysqlType)) {
    for (const col in mysqlType) {
      const how = coercionOfMysqlType(mysqlType[col]);
      if (how !== undefined && hasOwn(mysqlType, col)) coercions.set(col, how);
    }
  }

  const events: ChangeEvent[] = [];
  for (let i = 0; i < data.length; i++) {
    const rawRow = data[i];
    if (!isObject(rawRow))
      return fail('invalid_field', `data[${i}] is ${typeName(rawRow)}, not an object`, ['data', i]);
    const row = coerceRow(rawRow, coercions, ['data', i]);
    if (Array.isArray(row)) return fail('invalid_field', 'a value does not fit its declared numeric type', row);
    let before: Row | null = null;
    let after: Row | null = null;
    if (op === 'delete') before = row;
    else after = row;
    if (op === 'update') {
      const rawOld = Array.isArray(old) ? old[i] : undefined;
      if (rawOld !== undefined && rawOld !== null && !isObject(rawOld))
        return fail('invalid_field', `old[${i}] is ${typeName(rawOld)}, not an object`, ['old', i]);
      const merged: Row = newRow();
      for (const key in row) merged[key] = row[key];
      if (isObject(rawOld)) {
        const oldRow = coerceRow(rawOld, coercions, ['old', i]);
        if (Array.isArray(oldRow))
          return fail('invalid_field', 'a value does not fit its declared numeric type', oldRow);
        for (const key in oldRow) merged[key] = oldRow[key];
      }
      before = merged;
    }
    events.push({
      op,
      before,
      after,
      table,
      format: 'canal',
      position: null,
      timestamp,
      transaction,
      beforeImage: before === null ? 'none' : 'full',
    });
  }
  return done(events);
}
