/**
 * Maxwell (https://maxwells-daemon.io/dataformat/): `{database, table, type, ts, xid, xoffset, commit,
 * position?, data, old?, primary_key_columns?}`.
 *
 * - `insert` → insert; `update` → update with before = `data` with the columns of `old` replaced (`old` holds
 *   the previous values of the changed columns only, so the merge is the full old row); `delete` → delete
 *   (before = `data`); `bootstrap-insert` → snapshot;
 * - `bootstrap-start` / `bootstrap-complete` are skipped (`bootstrap_control`), DDL types (`table-create`,
 *   `table-alter`, `table-drop`, `database-create`, `database-alter`, `database-drop`, `ddl`) are skipped (`ddl`);
 * - `ts` is in seconds; position = `position` (`binlog-file:offset`, with `output_binlog_position`), else null.
 */

import { done, fail, skip, typeName } from './errors.js';
import {
  type Context,
  copyRow,
  filteredOut,
  hasOwn,
  isObject,
  isoFromEpoch,
  mergeOld,
  plainPosition,
  qualifiedName,
  transactionId,
} from './internal.js';
import { OPERATION_CODES, operationMeaning } from './operations.js';
import type { ChangeEvent, ParseResult, Row } from './types.js';

const DDL_TYPES = new Set([
  'table-create',
  'table-alter',
  'table-drop',
  'database-create',
  'database-alter',
  'database-drop',
  'ddl',
]);

/** True when the message looks like Maxwell output (used by auto-detection). */
export function isMaxwell(msg: Record<string, unknown>): boolean {
  const type = msg['type'];
  if (typeof type !== 'string' || !hasOwn(msg, 'database')) return false;
  return (
    type === 'insert' || type === 'update' || type === 'delete' || type.startsWith('bootstrap-') || DDL_TYPES.has(type)
  );
}

/** Parses one Maxwell message. */
export function parseMaxwell(msg: Record<string, unknown>, ctx: Context): ParseResult {
  const type = msg['type'];
  if (type === undefined || type === null) return fail('missing_field', 'Maxwell message has no type', ['type']);
  if (typeof type !== 'string') return fail('invalid_operation', `type is ${typeName(type)}, not a string`, ['type']);
  const op = operationMeaning(OPERATION_CODES.maxwell, type);
  if (op === undefined) {
    if (DDL_TYPES.has(type)) return skip('ddl');
    return fail('invalid_operation', 'type is not a Maxwell row or DDL type', ['type']);
  }
  if (typeof op !== 'string') return skip(op.skip);
  const database = msg['database'];
  const tableName = msg['table'];
  if (filteredOut(ctx, database, tableName)) return skip('filtered');
  const data = msg['data'];
  if (data === undefined || data === null) return fail('missing_field', 'Maxwell row event has no data', ['data']);
  if (!isObject(data)) return fail('invalid_field', `data is ${typeName(data)}, not an object`, ['data']);
  let before: Row | null = null;
  let after: Row | null = null;
  if (op === 'delete') before = copyRow(data);
  else after = copyRow(data);
  if (op === 'update') {
    const old = msg['old'];
    if (old !== undefined && old !== null && !isObject(old))
      return fail('invalid_field', `old is ${typeName(old)}, not an object`, ['old']);
    before = isObject(old) ? mergeOld(data, old) : copyRow(data);
  }
  const event: ChangeEvent = {
    op,
    before,
    after,
    table: qualifiedName(database, tableName),
    format: 'maxwell',
    position: plainPosition(msg['position']),
    timestamp: isoFromEpoch(msg['ts'], 's'),
    transaction: transactionId(msg['xid']),
    beforeImage: before === null ? 'none' : 'full',
  };
  return done([event]);
}
