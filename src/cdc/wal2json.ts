/**
 * wal2json (https://github.com/eulerto/wal2json), PostgreSQL logical decoding to JSON.
 *
 * Format version 1: one message per transaction, `{xid?, nextlsn?, timestamp?, change: [{kind, schema, table,
 * columnnames, columntypes, columnvalues, oldkeys?: {keynames, keytypes, keyvalues}, pk?}]}`. Kinds `insert`,
 * `update`, `delete`, `truncate`; `message` is skipped. An empty `change` array is skipped
 * (`empty_transaction`). Position = `nextlsn` (as decimal LSN) + `:` + the change's index, so changes of one
 * transaction stay ordered.
 *
 * Format version 2: one message per tuple, `{action, xid?, lsn?, timestamp?, schema, table, columns: [{name,
 * type, value}], identity?: [...], pk?: [...]}`. Actions `I`, `U`, `D`, `T`; `B`/`C` (transaction boundaries)
 * and `M` (messages) are skipped. Position = `lsn` as a decimal LSN (same number as Debezium's `source.lsn`).
 *
 * Before images: `oldkeys` / `identity` hold the replica identity (the primary key by default, every column with
 * `REPLICA IDENTITY FULL`); an update without them (key unchanged, default identity) has no before image.
 * beforeImage: `full` when the identity covers every new column (or, for deletes, more columns than the
 * primary key given by `include-pk`), else `key-only`.
 * Timestamps (`include-timestamp`, Postgres text `2018-03-27 12:05:29.914496+01`) become ISO-8601 UTC.
 */

import { done, fail, skip, typeName } from './errors.js';
import {
  type Context,
  classifyBefore,
  filteredOut,
  hasOwn,
  isObject,
  isoFromDateTimeText,
  lsnToPosition,
  newRow,
  stringArray,
  transactionId,
  zipRow,
} from './internal.js';
import { OPERATION_CODES, operationMeaning } from './operations.js';
import type { ChangeEvent, ChangeOp, ParseResult, Row } from './types.js';

/** True when the message looks like wal2json v1 or v2 (used by auto-detection). */
export function isWal2json(msg: Record<string, unknown>): boolean {
  if (Array.isArray(msg['change'])) return true;
  const action = msg['action'];
  return typeof action === 'string' && action.length === 1;
}

function columnsRow(columns: unknown): Row | null {
  if (!Array.isArray(columns)) return null;
  const row: Row = newRow();
  for (const c of columns) {
    if (!isObject(c) || typeof c['name'] !== 'string') return null;
    row[c['name']] = c['value'];
  }
  return row;
}

function keyNames(pk: unknown): string[] | null {
  // v1: {pknames: [...], pktypes: [...]}; v2: [{name, type}].
  if (isObject(pk)) return stringArray(pk['pknames']);
  if (!Array.isArray(pk)) return null;
  const names: string[] = [];
  for (const p of pk) {
    if (!isObject(p) || typeof p['name'] !== 'string') return null;
    names.push(p['name']);
  }
  return names;
}

function makeEvent(
  op: ChangeOp,
  before: Row | null,
  after: Row | null,
  keys: string[] | null,
  table: string | null,
  position: string | number | null,
  timestamp: string | null,
  transaction: string | null,
): ChangeEvent {
  return {
    op,
    before,
    after,
    table,
    format: 'wal2json',
    position,
    timestamp,
    transaction,
    beforeImage: classifyBefore(before, after, keys, 'key-only'),
  };
}

function tableOf(schema: unknown, table: unknown): string | null {
  if (typeof table !== 'string' || table.length === 0) return null;
  return typeof schema === 'string' && schema.length > 0 ? `${schema}.${table}` : table;
}

function parseV1(msg: Record<string, unknown>, changes: unknown[], ctx: Context): ParseResult {
  if (changes.length === 0) return skip('empty_transaction');
  const timestamp = isoFromDateTimeText(msg['timestamp']);
  const transaction = transactionId(msg['xid']);
  const nextLsn = msg['nextlsn'] === undefined ? null : lsnToPosition(msg['nextlsn']);
  const events: ChangeEvent[] = [];
  let filtered = false;
  let messages = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const path = ['change', i];
    if (!isObject(change)) return fail('invalid_field', `change[${i}] is ${typeName(change)}, not an object`, path);
    const kind = change['kind'];
    if (kind === undefined || kind === null)
      return fail('missing_field', 'wal2json change has no kind', [...path, 'kind']);
    const op = operationMeaning(OPERATION_CODES.wal2jsonV1, kind);
    if (op === undefined)
      return fail('invalid_operation', 'kind is not insert, update, delete, truncate or message', [...path, 'kind']);
    if (typeof op !== 'string') {
      messages++;
      continue;
    }
    const schema = change['schema'];
    const tableName = change['table'];
    if (filteredOut(ctx, schema, tableName)) {
      filtered = true;
      continue;
    }
    let after: Row | null = null;
    let before: Row | null = null;
    if (op === 'insert' || op === 'update') {
      if (!hasOwn(change, 'columnnames') || !hasOwn(change, 'columnvalues'))
        return fail('missing_field', `${kind} change has no columnnames/columnvalues`, [...path, 'columnvalues']);
      after = zipRow(change['columnnames'], change['columnvalues']);
      if (after === null)
        return fail('invalid_field', 'columnnames and columnvalues are not matching arrays', [...path, 'columnvalues']);
    }
    if (op === 'update' || op === 'delete') {
      const oldkeys = change['oldkeys'];
      if (isObject(oldkeys)) {
        before = zipRow(oldkeys['keynames'], oldkeys['keyvalues']);
        if (before === null)
          return fail('invalid_field', 'oldkeys.keynames and keyvalues are not matching arrays', [...path, 'oldkeys']);
      } else if (oldkeys !== undefined && oldkeys !== null) {
        return fail('invalid_field', `oldkeys is ${typeName(oldkeys)}, not an object`, [...path, 'oldkeys']);
      } else if (op === 'delete') {
        return fail('missing_field', 'delete change has no oldkeys', [...path, 'oldkeys']);
      }
    }
    const position = nextLsn === null ? null : `${nextLsn}:${i}`;
    events.push(
      makeEvent(
        op,
        before,
        after,
        keyNames(change['pk']),
        tableOf(schema, tableName),
        position,
        timestamp,
        transaction,
      ),
    );
  }
  if (events.length === 0) return skip(filtered ? 'filtered' : messages > 0 ? 'message' : 'empty_transaction');
  return done(events);
}

function parseV2(msg: Record<string, unknown>, action: string, ctx: Context): ParseResult {
  const op = operationMeaning(OPERATION_CODES.wal2jsonV2, action);
  if (op === undefined) return fail('invalid_operation', 'action is not one of B, C, I, U, D, T, M', ['action']);
  if (typeof op !== 'string') return skip(op.skip);
  const schema = msg['schema'];
  const tableName = msg['table'];
  if (filteredOut(ctx, schema, tableName)) return skip('filtered');
  let after: Row | null = null;
  let before: Row | null = null;
  if (op === 'insert' || op === 'update') {
    const columns = msg['columns'];
    if (columns === undefined || columns === null)
      return fail('missing_field', `action ${action} has no columns`, ['columns']);
    after = columnsRow(columns);
    if (after === null) return fail('invalid_field', 'columns is not an array of {name, value}', ['columns']);
  }
  if (op === 'update' || op === 'delete') {
    const identity = msg['identity'];
    if (identity !== undefined && identity !== null) {
      before = columnsRow(identity);
      if (before === null) return fail('invalid_field', 'identity is not an array of {name, value}', ['identity']);
    } else if (op === 'delete') {
      return fail('missing_field', 'action D has no identity', ['identity']);
    }
  }
  const lsn = msg['lsn'];
  return done([
    makeEvent(
      op,
      before,
      after,
      keyNames(msg['pk']),
      tableOf(schema, tableName),
      lsn === undefined ? null : lsnToPosition(lsn),
      isoFromDateTimeText(msg['timestamp']),
      transactionId(msg['xid']),
    ),
  ]);
}

/** Parses one wal2json message (format version 1 or 2, told apart by `change` vs `action`). */
export function parseWal2json(msg: Record<string, unknown>, ctx: Context): ParseResult {
  const changes = msg['change'];
  if (Array.isArray(changes)) return parseV1(msg, changes, ctx);
  if (changes !== undefined) return fail('invalid_field', `change is ${typeName(changes)}, not an array`, ['change']);
  const action = msg['action'];
  if (action === undefined || action === null)
    return fail('missing_field', 'wal2json message has neither change (v1) nor action (v2)', ['action']);
  if (typeof action !== 'string')
    return fail('invalid_operation', `action is ${typeName(action)}, not a string`, ['action']);
  return parseV2(msg, action, ctx);
}
