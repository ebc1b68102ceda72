/**
 * Reading one value of a row: text columns, key columns, and the seed's change fields. Total: a bad value gives
 * a sentinel or `undefined`, never a throw.
 */
import type { CdcOperation } from './columns.js';

/** Why a text or key value was refused. A class, so that `x instanceof Refusal` tells a failure apart from text. */
export class Refusal {
  constructor(readonly code: 'invalid_field' | 'too_large' | 'invalid_id') {}
}
export const BAD_TYPE = new Refusal('invalid_field');
export const TOO_LARGE = new Refusal('too_large');
export const BAD_KEY = new Refusal('invalid_id');

/**
 * A text column's value: strings as they are, finite numbers and bigints as decimal strings, Dates as ISO-8601;
 * `undefined`, `null` and non-finite numbers as null. Objects, arrays, booleans and strings longer than
 * `maxLength` give a {@link Refusal}.
 *
 * @example
 * textValue(42, 10); // '42'
 * textValue({}, 10) === BAD_TYPE; // true
 */
export function textValue(v: unknown, maxLength: number): string | null | Refusal {
  if (v === undefined || v === null) return null;
  let t: string;
  if (typeof v === 'string') t = v;
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    t = String(v);
  } else if (typeof v === 'bigint') t = v.toString();
  else if (v instanceof Date) return toTimestampText(v);
  else return BAD_TYPE;
  return t.length > maxLength ? TOO_LARGE : t;
}

/** An integer literal as written in JSON (no sign `+`, no leading zeros). */
const INTEGER_TEXT = /^-?(?:0|[1-9]\d*)$/;
const MAX_SAFE_DIGITS = 16;

/**
 * A key column's value: a safe integer as a number; an integer beyond 2^53 (bigint, or the exact decimal string
 * the CDC parser gives) as its decimal string; an integer string within 2^53 as a number (`'42'` → 42); any
 * other non-empty string as it is (UUID and text keys). `undefined` when the value is missing (absent, null,
 * blank), {@link BAD_KEY} for anything else (booleans, objects, fractions, lossy doubles beyond 2^53), and
 * {@link TOO_LARGE} for a string longer than `maxLength`. The sink checks the value against its column type.
 *
 * @example
 * keyValue('9223372036854775807', 4096); // '9223372036854775807'
 * keyValue(' 42 ', 4096); // 42
 * keyValue('5b4f3e0c-6f1e-4c7a-9d3b-1a2b3c4d5e6f', 4096); // the UUID
 * keyValue(1.5, 4096) === BAD_KEY; // true
 */
export function keyValue(v: unknown, maxLength: number): number | string | undefined | Refusal {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : BAD_KEY;
  if (typeof v === 'string') {
    if (v.length > maxLength) return TOO_LARGE;
    const t = v.trim();
    if (t.length === 0) return undefined;
    if (t.length <= MAX_SAFE_DIGITS && INTEGER_TEXT.test(t)) {
      const n = Number(t);
      if (Number.isSafeInteger(n)) return n;
    }
    return t.length === v.length ? v : t;
  }
  if (typeof v === 'bigint') return v >= Number.MIN_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER ? Number(v) : `${v}`;
  if (v === undefined || v === null) return undefined;
  return BAD_KEY;
}

/** The seed's `cdc_operation` spellings (and Debezium / Maxwell one-letter codes) → the output operation. */
const OPERATIONS: Readonly<Record<string, CdcOperation>> = Object.freeze({
  INSERT: 'INSERT',
  I: 'INSERT',
  C: 'INSERT',
  CREATE: 'INSERT',
  SNAPSHOT: 'INSERT',
  R: 'INSERT',
  UPDATE: 'UPDATE',
  U: 'UPDATE',
  DELETE: 'DELETE',
  D: 'DELETE',
});

/** A row's `cdc_operation`: the operation, `undefined` when absent, null when unknown. */
export function toOperation(value: unknown): CdcOperation | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return null;
  const key = value.trim().toUpperCase();
  return Object.hasOwn(OPERATIONS, key) ? OPERATIONS[key]! : null;
}

const SEQUENCE_DIGITS = /^\d{1,15}$/;

/** A sequence / position: integers as numbers (beyond 2^53 as decimal strings), tokens as strings; `undefined` when unusable. */
export function toSequence(value: unknown): number | string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    const t = value.trim();
    if (SEQUENCE_DIGITS.test(t)) return Number(t);
    return t.length > 0 && t.length <= 128 ? t : undefined;
  }
  return undefined;
}

/** A timestamp as ISO-8601 text: strings as they are, epoch milliseconds and Dates formatted; else null. */
export function toTimestampText(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return null;
}
