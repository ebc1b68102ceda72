import type { ChangeEvent, ParseErrorCode, ParseResult, SkipReason } from './types.js';

/**
 * Every error code with its meaning. The codes are stable: consumers may switch on them.
 *
 * @example
 * PARSE_ERROR_CODES.too_large; // 'the input is larger than maxMessageBytes; it was not parsed'
 */
export const PARSE_ERROR_CODES: Readonly<Record<ParseErrorCode, string>> = Object.freeze({
  too_large: 'the input is larger than maxMessageBytes; it was not parsed',
  invalid_json: 'the input is not valid JSON (or not valid UTF-8 text)',
  unknown_format: 'the message is JSON but matches no supported envelope (or not an object)',
  missing_field: 'a field the envelope requires is absent or null',
  invalid_field: 'a field has the wrong type or a value that cannot be decoded',
  invalid_op: 'the operation code is not one the format defines',
});

/**
 * Every skip reason with its meaning.
 *
 * @example
 * SKIP_REASONS.tombstone;
 */
export const SKIP_REASONS: Readonly<Record<SkipReason, string>> = Object.freeze({
  tombstone: 'Kafka tombstone (null/empty value) or a Debezium envelope with a null payload',
  message: 'logical decoding message (Debezium op "m", wal2json kind "message" / action "M")',
  ddl: 'schema change (Maxwell table-*/database-* types, Canal isDdl)',
  bootstrap_control: 'Maxwell bootstrap-start / bootstrap-complete marker',
  control: 'AWS DMS control record',
  transaction_boundary: 'wal2json v2 begin (B) or commit (C) record',
  empty_transaction: 'wal2json v1 transaction with no changes',
  filtered: 'database/table did not match ParseOptions.filter',
});

/** Builds a failed result. `message` must never contain payload values. */
export function fail(code: ParseErrorCode, message: string, path?: string): ParseResult {
  return path === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, path } };
}

/** Builds a skipped (successful, empty) result. */
export function skip(reason: SkipReason): ParseResult {
  return { ok: true, events: [], skipped: reason };
}

/** Builds a successful result. */
export function done(events: ChangeEvent[]): ParseResult {
  return { ok: true, events };
}

/** Describes a value's JSON type for error messages, without its content (no PII). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
