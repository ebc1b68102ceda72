/**
 * Shared helpers of the format parsers: resolved options, safe row building, time and position decoding.
 */
import type { BeforeImage, Row } from './types.js';

/** Options after validation, as the format parsers see them. */
export interface Context {
  /** Returns false when the (database-or-schema, table) pair is filtered out. */
  accept: ((database: string | null, table: string | null) => boolean) | null;
  decodeLogicalTypes: boolean;
  placeholder: string;
  placeholderBase64: string;
  dmsBeforeImageField: string;
}

/**
 * True when the options' database/table filter rejects this (database-or-schema, table) pair. Non-string
 * names count as unknown (`null`), as Flink treats missing metadata.
 */
export function filteredOut(ctx: Context, database: unknown, table: unknown): boolean {
  return (
    ctx.accept !== null &&
    !ctx.accept(typeof database === 'string' ? database : null, typeof table === 'string' ? table : null)
  );
}

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The prototype of every row the parser builds: an empty frozen object without a prototype. Nothing in a
 * row's chain has a `__proto__` accessor or an `Object.prototype` member, so columns named `__proto__` or
 * `constructor` are ordinary own properties and can never reach `Object.prototype`. Unlike
 * `Object.create(null)` objects, which V8 keeps in dictionary mode, rows built with `new` stay in fast mode:
 * reading their columns and `JSON.stringify` cost about a quarter less (measured on the seed corpus).
 */
export const ROW_PROTOTYPE: object = Object.freeze(Object.create(null));

function RowObject(): void {}
RowObject.prototype = ROW_PROTOTYPE;
const RowConstructor = RowObject as unknown as new () => Row;

/** A new, empty row (see {@link ROW_PROTOTYPE}). */
export function newRow(): Row {
  return new RowConstructor();
}

/** Own-property check that works on null-prototype objects too. */
export const hasOwn = (o: object, key: string): boolean => Object.hasOwn(o, key);

/**
 * Copies the own enumerable properties of `source` into a fresh row. Plain assignment on a row is safe for
 * `__proto__` (no setter in its chain), unlike `{}`.
 */
export function copyRow(source: Record<string, unknown>): Row {
  const row: Row = newRow();
  for (const key in source) {
    if (hasOwn(source, key)) row[key] = source[key];
  }
  return row;
}

/** `data` with the columns of `old` replaced by their old values (Maxwell, Canal update before image). */
export function mergeOld(data: Record<string, unknown>, old: Record<string, unknown>): Row {
  const row = copyRow(data);
  for (const key in old) {
    if (hasOwn(old, key)) row[key] = old[key];
  }
  return row;
}

/** A row from parallel name/value arrays (wal2json); returns null when the arrays do not line up. */
export function zipRow(names: unknown, values: unknown): Row | null {
  if (!Array.isArray(names) || !Array.isArray(values) || names.length !== values.length) return null;
  const row: Row = newRow();
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (typeof name !== 'string') return null;
    row[name] = values[i];
  }
  return row;
}

/**
 * What a before image holds, judged by its columns: compared with the after image when there is one, else with
 * the key columns when they are known. Without either we cannot tell key-only from full and say `fallback`.
 */
export function classifyBefore(
  before: Row | null,
  after: Row | null,
  keys: readonly string[] | null,
  fallback: BeforeImage,
): BeforeImage {
  if (before === null) return 'none';
  const beforeCols = Object.keys(before);
  if (after !== null) {
    const afterCols = Object.keys(after);
    let covered = 0;
    for (const c of afterCols) if (hasOwn(before, c)) covered++;
    if (covered === afterCols.length) return 'full';
    if (keys !== null && keys.length > 0 && beforeCols.length === keys.length && keys.every((k) => hasOwn(before, k)))
      return 'key-only';
    // Sources whose before image is the replica identity (wal2json) say key-only without key metadata.
    return fallback === 'key-only' ? 'key-only' : 'partial';
  }
  if (keys !== null && keys.length > 0) {
    if (beforeCols.length === keys.length && keys.every((k) => hasOwn(before, k))) return 'key-only';
    if (beforeCols.length > keys.length) return fallback === 'key-only' ? 'full' : fallback;
  }
  return fallback;
}

/** Strings only, e.g. a key-name list; null when the value is not an array of strings. */
export function stringArray(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  for (const v of value) if (typeof v !== 'string') return null;
  return value as string[];
}

/** `a.b` from two optional name parts, as the source names them. */
export function qualifiedName(schema: unknown, table: unknown): string | null {
  const t = typeof table === 'string' && table.length > 0 ? table : null;
  const s = typeof schema === 'string' && schema.length > 0 ? schema : null;
  if (t === null) return s;
  return s === null ? t : `${s}.${t}`;
}

/** A transaction id as text (numbers and strings), else null. */
export function transactionId(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Time. Every timestamp leaves as ISO-8601 UTC: `YYYY-MM-DDTHH:MM:SS.fff[fff[fff]]Z`. Sources that give
// micro- or nanoseconds keep those digits (Date alone stops at milliseconds).

const MAX_EPOCH_MS = 8.64e15; // ECMA-262 time value range

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * ISO-8601 UTC from whole epoch milliseconds plus extra sub-millisecond digits (`''`, 3 or 6 digits).
 * Returns null when out of the Date range.
 */
export function isoFromEpochMs(ms: number, extraDigits = ''): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) return null;
  const iso = new Date(Math.floor(ms)).toISOString();
  return extraDigits === '' ? iso : `${iso.slice(0, -1)}${extraDigits}Z`;
}

/** ISO-8601 UTC from an epoch number in the given unit; microseconds and nanoseconds keep their digits. */
export function isoFromEpoch(value: unknown, unit: 's' | 'ms' | 'us' | 'ns'): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  switch (unit) {
    case 's':
      return isoFromEpochMs(Math.round(value * 1000));
    case 'ms':
      return isoFromEpochMs(value);
    case 'us': {
      const ms = Math.floor(value / 1000);
      return isoFromEpochMs(ms, pad(Math.round(value - ms * 1000), 3));
    }
    case 'ns': {
      // Epoch nanoseconds exceed 2^53, so JSON numbers lose the last digits; we keep what the double holds.
      const ms = Math.floor(value / 1e6);
      return isoFromEpochMs(ms, pad(Math.min(999_999, Math.max(0, Math.round(value - ms * 1e6))), 6));
    }
  }
}

/**
 * Parses `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH[:MM]|±HHMM]` (ISO-8601, Postgres text output, OGG `op_ts`)
 * into ISO-8601 UTC keeping up to 9 fraction digits. Without a zone the time is taken as UTC (`assumeUtc`).
 */
export function isoFromDateTimeText(text: unknown): string | null {
  if (typeof text !== 'string' || text.length < 19 || text.length > 40) return null;
  if (isCanonicalIso(text)) return text;
  const m = DATE_TIME.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac = '', zone = ''] = m;
  let offsetMin = 0;
  if (zone !== '' && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(Number(y), month - 1, day, hour, minute, second) - offsetMin * 60_000;
  if (Number.isNaN(ms)) return null;
  const fraction = frac.slice(0, 9);
  const base = isoFromEpochMs(ms);
  if (base === null) return null;
  const millis = `${fraction}000`.slice(0, 3);
  const extra = fraction.length > 3 ? fraction.slice(3) : '';
  return `${base.slice(0, -4)}${millis}${extra}Z`;
}

/** Two decimal digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * True for text already in the output form `YYYY-MM-DDTHH:MM:SS.sssZ` (what the seed and most producers write)
 * with a day every month has: it leaves as it came, without a regex or a Date (a fast path: ~1 µs a message).
 */
function isCanonicalIso(s: string): boolean {
  if (s.length !== 24 || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(23) !== 90 /* Z */) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return false;
  if (s.charCodeAt(19) !== 46 || twoDigits(s, 20) < 0 || twoDigits(s, 21) < 0) return false;
  const century = twoDigits(s, 0);
  const year = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  return (
    century >= 0 &&
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 28 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

// Anchored, no nested quantifiers: linear time.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,12}))?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

// ---------------------------------------------------------------------------------------------------------
// Positions.

const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;
const DECIMAL = /^\d{1,20}$/;

/**
 * A Postgres LSN in its text form `X/Y` (two hex halves) as the same decimal number Debezium writes in
 * `source.lsn` (`X * 2^32 + Y`): a number when it is a safe integer, else a decimal string. Null if malformed.
 */
export function lsnToPosition(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  // A decimal LSN beyond 2^53 read exactly (see exact.ts) arrives as its digits.
  if (DECIMAL.test(value)) return value;
  const m = LSN.exec(value);
  if (m === null) return null;
  const n = (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

/** A numeric or string position as given (numbers must be safe integers), else null. */
export function plainPosition(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && value.length > 0 && value.length <= 256) return value;
  return null;
}
