/**
 * AWS DMS with a Kafka or Kinesis target (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Target.Kafka.html,
 * "Message format"): `{data, metadata: {timestamp, record-type, operation, partition-key-type, schema-name,
 * table-name, transaction-id?}, before-image?}`.
 *
 * - `record-type: "data"` with `operation` `load` → snapshot (full load), `insert`, `update`, `delete`;
 * - `record-type: "control"` (table definitions, DDL) is skipped (`control`);
 * - the optional before image (`BeforeImageSettings`, field name `before-image` unless configured with
 *   `ParseOptions.dmsBeforeImageField`) becomes `before` on updates; its `ColumnFilter` (`pk-only`, `non-lob`,
 *   `all`) decides what it holds, so it is classified against `data`; a delete's `data` is the deleted row;
 * - timestamp = `metadata.timestamp`; DMS messages carry no source log position, so position is null.
 */

import { done, fail, skip, typeName } from './errors.js';
import {
  type Context,
  classifyBefore,
  copyRow,
  filteredOut,
  hasOwn,
  isObject,
  isoFromDateTimeText,
  qualifiedName,
  transactionId,
} from './internal.js';
import { OPERATION_CODES, operationMeaning } from './operations.js';
import type { ChangeEvent, ParseResult, Row } from './types.js';

/** True when the message looks like AWS DMS output (used by auto-detection). */
export function isDms(msg: Record<string, unknown>): boolean {
  const meta = msg['metadata'];
  return isObject(meta) && (hasOwn(meta, 'record-type') || hasOwn(meta, 'operation'));
}

/** Parses one AWS DMS message. */
export function parseDms(msg: Record<string, unknown>, ctx: Context): ParseResult {
  const meta = msg['metadata'];
  if (meta === undefined || meta === null) return fail('missing_field', 'DMS message has no metadata', ['metadata']);
  if (!isObject(meta)) return fail('invalid_field', `metadata is ${typeName(meta)}, not an object`, ['metadata']);
  const recordType = meta['record-type'];
  if (recordType === 'control') return skip('control');
  if (recordType !== undefined && recordType !== 'data')
    return fail('invalid_field', 'metadata.record-type is not data or control', ['metadata', 'record-type']);
  const operation = meta['operation'];
  if (operation === undefined || operation === null)
    return fail('missing_field', 'DMS message has no metadata.operation', ['metadata', 'operation']);
  const op = operationMeaning(OPERATION_CODES.dms, operation);
  if (typeof op !== 'string')
    return fail('invalid_operation', 'metadata.operation is not load, insert, update or delete', [
      'metadata',
      'operation',
    ]);
  const schema = meta['schema-name'];
  const tableName = meta['table-name'];
  if (filteredOut(ctx, schema, tableName)) return skip('filtered');
  const data = msg['data'];
  if (data === undefined || data === null) return fail('missing_field', 'DMS data record has no data', ['data']);
  if (!isObject(data)) return fail('invalid_field', `data is ${typeName(data)}, not an object`, ['data']);
  const rawBefore = msg[ctx.dmsBeforeImageField];
  if (rawBefore !== undefined && rawBefore !== null && !isObject(rawBefore))
    return fail('invalid_field', `the before image is ${typeName(rawBefore)}, not an object`, [
      ctx.dmsBeforeImageField,
    ]);
  let before: Row | null = null;
  let after: Row | null = null;
  let beforeImage: ChangeEvent['beforeImage'];
  if (op === 'delete') {
    before = copyRow(data);
    beforeImage = 'full';
  } else {
    after = copyRow(data);
    if (op === 'update' && isObject(rawBefore)) before = copyRow(rawBefore);
    beforeImage = classifyBefore(before, after, null, 'full');
  }
  const rawTs = meta['timestamp'];
  const event: ChangeEvent = {
    op,
    before,
    after,
    table: qualifiedName(schema, tableName),
    format: 'dms',
    position: null,
    timestamp: isoFromDateTimeText(rawTs),
    transaction: transactionId(meta['transaction-id']),
    beforeImage,
  };
  return done([event]);
}
