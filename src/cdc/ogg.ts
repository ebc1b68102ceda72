/**
 * Oracle GoldenGate for Big Data, JSON formatter (operation mode): `{table, op_type, op_ts, current_ts, pos,
 * primary_keys, tokens?, before?, after?}`.
 *
 * - `op_type` `I` → insert (after), `U` → update (before when the trail has one), `D` → delete (before),
 *   `T` → truncate;
 * - `op_ts` (`YYYY-MM-DD HH:MM:SS.ffffff`, the commit time in the trail, UTC by GoldenGate's default) is the
 *   timestamp; `current_ts` (processing time) is ignored;
 * - position = `pos` (the trail sequence + RBA, zero-padded digits, naturally ordered);
 * - beforeImage: `full` when `before` has every `after` column, `key-only` when it has only `primary_keys`,
 *   `partial` otherwise (compressed updates).
 */

import { done, fail, skip, typeName } from './errors.js';
import {
  type Context,
  classifyBefore,
  copyRow,
  hasOwn,
  isObject,
  isoFromDateTimeText,
  plainPosition,
  stringArray,
  transactionId,
} from './internal.js';
import { OPERATION_CODES, operationMeaning } from './operations.js';
import type { ChangeEvent, ParseResult, Row } from './types.js';

/** True when the message looks like OGG JSON (used by auto-detection). */
export function isOgg(msg: Record<string, unknown>): boolean {
  return hasOwn(msg, 'op_type');
}

function image(msg: Record<string, unknown>, field: 'before' | 'after'): Row | null | string {
  const raw = msg[field];
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) return `${field} is ${typeName(raw)}, not an object`;
  return copyRow(raw);
}

/** Parses one OGG JSON message. */
export function parseOgg(msg: Record<string, unknown>, ctx: Context): ParseResult {
  const opType = msg['op_type'];
  if (opType === undefined || opType === null) return fail('missing_field', 'OGG message has no op_type', ['op_type']);
  if (typeof opType !== 'string')
    return fail('invalid_operation', `op_type is ${typeName(opType)}, not a string`, ['op_type']);
  const op = operationMeaning(OPERATION_CODES.ogg, opType);
  if (typeof op !== 'string') return fail('invalid_operation', 'op_type is not I, U, D or T', ['op_type']);
  const rawTable = msg['table'];
  const table = typeof rawTable === 'string' && rawTable.length > 0 ? rawTable : null;
  if (ctx.accept !== null) {
    const dot = table === null ? -1 : table.lastIndexOf('.');
    const schema = table !== null && dot > 0 ? table.slice(0, dot) : null;
    const name = table !== null ? table.slice(dot + 1) : null;
    if (!ctx.accept(schema, name)) return skip('filtered');
  }
  let before: Row | null = null;
  let after: Row | null = null;
  if (op !== 'truncate') {
    const b = image(msg, 'before');
    if (typeof b === 'string') return fail('invalid_field', b, ['before']);
    const a = image(msg, 'after');
    if (typeof a === 'string') return fail('invalid_field', a, ['after']);
    if (op === 'delete') {
      if (b === null) return fail('missing_field', 'OGG delete has no before image', ['before']);
      before = b;
    } else {
      if (a === null) return fail('missing_field', `OGG op_type ${opType} has no after image`, ['after']);
      after = a;
      if (op === 'update') before = b;
    }
  }
  const keys = stringArray(msg['primary_keys']);
  const event: ChangeEvent = {
    op,
    before,
    after,
    table,
    format: 'ogg',
    position: plainPosition(msg['pos']),
    timestamp: isoFromDateTimeText(msg['op_ts']),
    transaction: transactionId(msg['xid'] ?? msg['txid']),
    beforeImage: classifyBefore(before, after, keys, 'full'),
  };
  return done([event]);
}
