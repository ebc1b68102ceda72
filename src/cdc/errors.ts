import { FAILURE_CODES, type FailurePath } from '../shared/errors.js';
import type { ChangeEvent, ParseErrorCode, ParseResult, SkipReason } from './types.js';

/** The codes the parser emits, in documentation order. */
const PARSE_CODES: readonly ParseErrorCode[] = [
  'too_large',
  'invalid_json',
  'unknown_format',
  'missing_field',
  'invalid_field',
  'invalid_operation',
];

/**
 * Every error code the parser emits with its meaning (from the shared registry, `FAILURE_CODES`). The codes are
 * stable: consumers may switch on them.
 *
 * @example
 * PARSE_ERROR_CODES.too_large; // 'the input, or the field at path, is larger than its limit; it was not processed'
 */
export const PARSE_ERROR_CODES: Readonly<Record<ParseErrorCode, string>> = Object.freeze(
  Object.fromEntries(PARSE_CODES.map((code) => [code, FAILURE_CODES[code].meaning])) as Record<ParseErrorCode, string>,
);

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
export function fail(code: ParseErrorCode, message: string, path: FailurePath = []): ParseResult {
  return { ok: false, error: { code, message, path } };
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
