/**
 * Turns raw source messages into sink effects: parse (cdc-enrich/cdc) → enrich (cdc-enrich/enrich) →
 * a typed SQL tuple. Total: every failure becomes a dead-letter effect with a stable code, never a throw.
 */
import { type ChangeEvent, parseChangeEvents } from 'cdc-enrich/cdc';
import { createEnricher } from 'cdc-enrich/enrich';
import { USERS_ENRICHED_COLUMNS } from './schema.js';
import type { PreparedEffect, PreparedMessage, SourceMessage, SqlRow } from './types.js';

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
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return null;
    text = String(value);
  } else if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'string' && INTEGER.test(value.trim())) text = value.trim();
  else return null;
  const big = BigInt(text);
  return big > MAX_BIGINT || big < MIN_BIGINT ? null : big.toString();
}

/** ISO-8601 for a timestamp-like value inside PostgreSQL's and JavaScript's common range, or an error. */
const ISO_UTC = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-6]\d(?:\.\d{1,6})?Z$/;

function toTimestamp(value: unknown): { ok: true; value: string | null } | { ok: false } {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  // Hot path: canonical UTC ISO-8601 (what the enricher emits) goes through as is; PostgreSQL parses it, and an
  // impossible date that slips through (Feb 30) is isolated by the pipeline's bisection.
  if (typeof value === 'string' && ISO_UTC.test(value)) return { ok: true, value };
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'string' || typeof value === 'number') date = new Date(value);
  else return { ok: false };
  const time = date.getTime();
  if (Number.isNaN(time)) return { ok: false };
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return { ok: false };
  return { ok: true, value: date.toISOString() };
}

/**
 * Converts an enriched row to a tuple in `USERS_ENRICHED_COLUMNS` order, checking each value against its SQL
 * type so that a bad value dead-letters one message instead of failing a whole batch in the database.
 */
export function toSqlRow(
  value: Record<string, unknown>,
): { ok: true; row: SqlRow } | { ok: false; code: SinkPrepareErrorCode; message: string } {
  const row: (string | boolean | null)[] = [];
  for (const column of USERS_ENRICHED_COLUMNS) {
    const v = value[column.name];
    if (v === null || v === undefined) {
      if (column.name === 'id') return { ok: false, code: 'invalid_id', message: 'id is missing' };
      row.push(null);
      continue;
    }
    switch (column.type) {
      case 'BIGINT': {
        const int = toInt64(v);
        if (int === null) {
          if (column.name === 'id') return { ok: false, code: 'invalid_id', message: 'id is not a 64-bit integer' };
          // A non-integer position (e.g. a binlog file:pos) cannot order rows in SQL: treat as unknown order.
          row.push(null);
        } else row.push(int);
        break;
      }
      case 'BOOLEAN':
        if (typeof v !== 'boolean') {
          return { ok: false, code: 'invalid_column', message: `column ${column.name} is not a boolean` };
        }
        row.push(v);
        break;
      case 'DOUBLE PRECISION':
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          return { ok: false, code: 'invalid_column', message: `column ${column.name} is not a finite number` };
        }
        row.push(String(v));
        break;
      case 'TIMESTAMPTZ': {
        const ts = toTimestamp(v);
        if (!ts.ok) return { ok: false, code: 'invalid_column', message: `column ${column.name} is not a timestamp` };
        row.push(ts.value);
        break;
      }
      default: {
        const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : null;
        if (text === null) return { ok: false, code: 'invalid_column', message: `column ${column.name} is not text` };
        // PostgreSQL TEXT cannot hold NUL (U+0000); the batch would fail as a whole.
        if (text.includes('\u0000')) {
          return { ok: false, code: 'invalid_column', message: `column ${column.name} contains a NUL character` };
        }
        row.push(text);
      }
    }
  }
  return { ok: true, row };
}

/** Options of {@link createMessagePreparer}. */
export interface PrepareOptions {
  /** Larger messages are dead-lettered with `message_too_large` (default 1 MiB). */
  maxMessageBytes?: number;
  /** Passed to `createEnricher` (default country, fixed clock, cache sizes...). */
  enricher?: Parameters<typeof createEnricher>[0];
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

function eventEffect(
  event: ChangeEvent,
  enrich: (e: ChangeEvent) => ReturnType<ReturnType<typeof createEnricher>['enrichEvent']>,
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
  const converted = toSqlRow(value);
  if (!converted.ok) return { error: { code: converted.code, message: converted.message } };
  const id = converted.row[0] as string;
  const sequence = toInt64(value['cdc_sequence']) ?? toInt64(event.position);
  if (event.op === 'delete') return { kind: 'delete', id, sequence };
  return { kind: 'upsert', id, sequence, row: converted.row };
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
  return (message) => {
    const base = {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      timestampMs: message.timestampMs,
    };
    const raw = message.value;
    if (raw === null) return { ...base, effects: [{ kind: 'skip', reason: 'tombstone' }] };
    if (raw.byteLength === 0) return { ...base, effects: [{ kind: 'skip', reason: 'empty_message' }] };
    if (raw.byteLength > maxMessageBytes) {
      return {
        ...base,
        effects: deadLetter('message_too_large', `message of ${raw.byteLength} bytes exceeds ${maxMessageBytes}`, raw),
      };
    }
    let parsed: ReturnType<typeof parseChangeEvents>;
    try {
      parsed = parseChangeEvents(raw, { format: 'auto', maxMessageBytes });
    } catch {
      return { ...base, effects: deadLetter('parse_threw', 'the parser threw', raw) };
    }
    if (!parsed.ok) return { ...base, effects: deadLetter(parsed.error.code, parsed.error.message, raw) };
    if (parsed.events.length === 0) {
      return { ...base, effects: [{ kind: 'skip', reason: skipReason(parsed.skipped) }] };
    }
    const effects: PreparedEffect[] = [];
    for (const event of parsed.events) {
      const effect = eventEffect(event, enrich);
      if ('error' in effect) return { ...base, effects: deadLetter(effect.error.code, effect.error.message, raw) };
      effects.push(effect);
    }
    return { ...base, effects };
  };
}
