/**
 * One failure model for every module (issue 12): a failure is `{ code, message, path }`, where `code` comes from
 * one registry ({@link FAILURE_CODES}), `message` says what is wrong without ever quoting the data (no PII), and
 * `path` points at the offending part of the input as an array of keys and indexes (`[]` = the input as a
 * whole). The CDC parser, the enricher, the CLI (stderr lines) and the example's dead letters all use it.
 * Reference: docs/errors.md.
 */

/** Where a failure is, from the root of the input: object keys and array indexes. `[]` = the whole input. */
export type FailurePath = (string | number)[];

/** The modules that emit failures. */
export type FailureModule = 'cdc' | 'enrich' | 'cli' | 'example';

/** One registry entry: what the code means and which modules emit it. */
export interface FailureCodeInfo {
  readonly meaning: string;
  readonly modules: readonly FailureModule[];
}

/**
 * Every failure code with its meaning and the modules that emit it. Codes are stable: consumers may switch on
 * them. A new code is added here first (and to docs/errors.md).
 *
 * @example
 * FAILURE_CODES.missing_id.meaning; // 'the row has no value in a key column (see the column mapping)'
 * FAILURE_CODES.invalid_json.modules; // ['cdc', 'cli']
 */
export const FAILURE_CODES = Object.freeze({
  invalid_json: {
    meaning: 'the input is not valid JSON (or not valid UTF-8 text)',
    modules: ['cdc', 'cli'],
  },
  too_large: {
    meaning: 'the input, or the field at path, is larger than its limit; it was not processed',
    modules: ['cdc', 'enrich', 'cli', 'example'],
  },
  unknown_format: {
    meaning: 'the message is JSON but matches no supported envelope (or is not an object)',
    modules: ['cdc', 'cli'],
  },
  missing_field: {
    meaning: 'a field the envelope requires is absent or null',
    modules: ['cdc'],
  },
  invalid_field: {
    meaning: 'the field at path has the wrong type or a value that cannot be decoded',
    modules: ['cdc', 'enrich'],
  },
  invalid_operation: {
    meaning: 'the operation is not one the format defines, or one that makes no row (truncate)',
    modules: ['cdc', 'enrich'],
  },
  invalid_record: {
    meaning: 'the record is not an object, or a change event lacks the row image it needs',
    modules: ['enrich'],
  },
  missing_id: {
    meaning: 'the row has no value in a key column (see the column mapping)',
    modules: ['enrich'],
  },
  invalid_id: {
    meaning: 'a key column holds neither an exact integer nor a non-empty string',
    modules: ['enrich', 'example'],
  },
  invalid_sequence: {
    meaning: 'the sequence / source position is neither an integer nor a position string',
    modules: ['enrich'],
  },
  invalid_column: {
    meaning: 'an enriched value does not fit its SQL column type',
    modules: ['example'],
  },
  parse_threw: {
    meaning: 'the parser threw (a bug): the message was dead-lettered',
    modules: ['example'],
  },
  enrich_threw: {
    meaning: 'the enricher threw (a bug): the message was dead-lettered',
    modules: ['example'],
  },
  sink_rejected: {
    meaning: 'the database rejected the row',
    modules: ['example'],
  },
} as const satisfies Record<string, FailureCodeInfo>);

/** A registered failure code. */
export type FailureCode = keyof typeof FAILURE_CODES;

/**
 * Codes used before the one vocabulary, and the code that replaced each. Nothing emits them any more; the map
 * helps consumers migrate stored dead letters or switch statements.
 *
 * @example
 * DEPRECATED_FAILURE_CODES.invalid_op; // 'invalid_operation'
 */
export const DEPRECATED_FAILURE_CODES: Readonly<Record<string, FailureCode>> = Object.freeze({
  invalid_op: 'invalid_operation',
  field_too_large: 'too_large',
  message_too_large: 'too_large',
});

/**
 * A failure: a registered code, a message without data, and the path of the offending part.
 *
 * @example
 * const f: Failure = { code: 'missing_field', message: 'Debezium envelope has no op', path: ['payload', 'op'] };
 */
export interface Failure<C extends FailureCode = FailureCode> {
  code: C;
  message: string;
  path: FailurePath;
}

/**
 * Builds a failure. `message` must never contain payload values.
 *
 * @example
 * failure('invalid_field', 'after is string, not an object', ['payload', 'after']);
 */
export function failure<C extends FailureCode>(code: C, message: string, path: FailurePath = []): Failure<C> {
  return { code, message, path };
}

/**
 * A path as text for logs: `payload.before`, `[3].data[0].id`, `` for the whole input.
 *
 * @example
 * formatFailurePath(['payload', 'op']); // 'payload.op'
 * formatFailurePath([0, 'data', 2]); // '[0].data[2]'
 */
export function formatFailurePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out.length === 0 ? key : `.${key}`;
  }
  return out;
}

/**
 * True when `code` is in the registry.
 *
 * @example
 * isFailureCode('missing_id'); // true
 * isFailureCode('invalid_op'); // false (deprecated)
 */
export function isFailureCode(code: unknown): code is FailureCode {
  return typeof code === 'string' && Object.hasOwn(FAILURE_CODES, code);
}
