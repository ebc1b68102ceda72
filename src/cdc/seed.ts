/**
 * The seed's flat event (data/sample_events.json): the row's fields plus `cdc_operation`
 * (INSERT/UPDATE/DELETE), `cdc_timestamp` (ISO-8601), `cdc_sequence` (integer) and `cdc_source`.
 *
 * Mapping: INSERT → insert (after = row), UPDATE → update (after = row, no before image), DELETE → delete
 * (before = row). The row is every field except the `cdc_*` ones. `position` = `cdc_sequence`.
 */
import { done, fail } from './errors.js';
import { type Context, hasOwn, isoFromDateTimeText, isoFromEpoch, newRow } from './internal.js';
import type { ChangeEvent, ChangeOp, ParseResult, Row } from './types.js';

const OPS: Readonly<Record<string, ChangeOp>> = { INSERT: 'insert', UPDATE: 'update', DELETE: 'delete' };

/** True when the message looks like a seed event (used by auto-detection). */
export function isSeed(msg: Record<string, unknown>): boolean {
  return hasOwn(msg, 'cdc_operation');
}

function sequence(value: unknown): number | string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.length === 0 || t.length > 40) return undefined;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
    }
    const n = Number(t);
    return Number.isSafeInteger(n) ? n : t;
  }
  return undefined;
}

/** Parses one seed event. */
export function parseSeed(msg: Record<string, unknown>, ctx: Context): ParseResult {
  const rawOp = msg['cdc_operation'];
  if (rawOp === undefined || rawOp === null)
    return fail('missing_field', 'seed event has no cdc_operation', ['cdc_operation']);
  if (typeof rawOp !== 'string') return fail('invalid_operation', 'cdc_operation is not a string', ['cdc_operation']);
  const op = OPS[rawOp.trim().toUpperCase()];
  if (op === undefined)
    return fail('invalid_operation', 'cdc_operation is not INSERT, UPDATE or DELETE', ['cdc_operation']);
  const position = sequence(msg['cdc_sequence']);
  if (position === undefined)
    return fail('invalid_field', 'cdc_sequence is not a non-negative integer', ['cdc_sequence']);
  const rawTs = msg['cdc_timestamp'];
  let timestamp: string | null = null;
  if (typeof rawTs === 'string') {
    timestamp = isoFromDateTimeText(rawTs.trim());
    if (timestamp === null)
      return fail('invalid_field', 'cdc_timestamp is not an ISO-8601 date-time', ['cdc_timestamp']);
  } else if (typeof rawTs === 'number') {
    timestamp = isoFromEpoch(rawTs, 'ms');
    if (timestamp === null) return fail('invalid_field', 'cdc_timestamp is out of range', ['cdc_timestamp']);
  } else if (rawTs !== undefined && rawTs !== null) {
    return fail('invalid_field', 'cdc_timestamp is not a string', ['cdc_timestamp']);
  }
  const row: Row = newRow();
  for (const key in msg) {
    if (!hasOwn(msg, key)) continue;
    // The four envelope fields; every other field is row data.
    if (key === 'cdc_operation' || key === 'cdc_timestamp' || key === 'cdc_sequence' || key === 'cdc_source') continue;
    row[key] = msg[key];
  }
  // `cdc_source` names the producing system, not a table, so the seed event has no table name.
  const table = null;
  if (ctx.accept !== null && !ctx.accept(null, table)) return { ok: true, events: [], skipped: 'filtered' };
  const event: ChangeEvent = {
    op,
    before: op === 'delete' ? row : null,
    after: op === 'delete' ? null : row,
    table,
    format: 'seed',
    position,
    timestamp,
    transaction: null,
    beforeImage: op === 'delete' ? 'full' : 'none',
  };
  return done([event]);
}
