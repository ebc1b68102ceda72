/**
 * Exact big integers (issue 13 item 4). `JSON.parse` reads every number as a double, so a BIGINT key such as
 * `9223372036854775807` comes out as `9223372036854776000`, and Snowflake-style ids beyond 2^53 collide. The
 * parser therefore re-reads a message whose rows hold an integer that a double cannot represent exactly, and
 * turns every such integer literal into its decimal string (the same digits).
 *
 * Cost: messages without such integers pay one check per row value (done while their rows are read: see
 * {@link rowsHaveUnsafeInteger}); only the rare messages with one are parsed twice.
 * - Node 22+: `JSON.parse` with a reviver that reads each number's source text (TC39 "JSON.parse source text
 *   access", `context.source`);
 * - Node 20: a scanner that quotes the big integer literals outside strings, then `JSON.parse`.
 */
import type { ChangeEvent } from './types.js';

/** An integer literal as JSON writes it (RFC 8259 §6 `int`, no fraction or exponent). */
const INTEGER_LITERAL = /^-?(?:0|[1-9]\d*)$/;

/** True for a number that came from an integer literal beyond ±(2^53 − 1) (it was rounded). */
function isUnsafeInteger(value: number): boolean {
  return (value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER) && Number.isFinite(value);
}

/** Deepest nesting of JSON column values looked into. */
const MAX_DEPTH = 32;

function hasUnsafeInteger(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return isUnsafeInteger(value);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasUnsafeInteger(item, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    if (hasUnsafeInteger((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/**
 * True when a row value of the events is a number beyond ±(2^53 − 1), i.e. rounded by `JSON.parse`: the
 * message must be re-read exactly.
 *
 * @example
 * rowsHaveUnsafeInteger([{ after: { id: 9223372036854775807 } } as never]); // true
 */
export function rowsHaveUnsafeInteger(events: readonly ChangeEvent[]): boolean {
  for (const e of events) {
    if (e.after !== null && hasUnsafeInteger(e.after, 0)) return true;
    if (e.before !== null && hasUnsafeInteger(e.before, 0)) return true;
  }
  return false;
}

/** Node 22+ gives revivers the source text of each primitive. */
const SOURCE_TEXT_SUPPORTED = (() => {
  try {
    let seen = false;
    JSON.parse('1', (_key, value, context?: { source?: string }) => {
      seen = context?.source === '1';
      return value;
    });
    return seen;
  } catch {
    return false;
  }
})();

function exactReviver(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === 'number' && isUnsafeInteger(value)) {
    const source = context?.source;
    if (source !== undefined && INTEGER_LITERAL.test(source)) return source;
  }
  return value;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Digits a double cannot always hold exactly: 2^53 has 16, so integers of 16+ digits are checked. */
const RISKY_DIGITS = 16;

/**
 * The JSON text with every integer literal beyond ±(2^53 − 1) outside strings written as a string
 * (`{"id":9223372036854775807}` → `{"id":"9223372036854775807"}`). Literals with a fraction or an exponent
 * are left alone. Linear in the text.
 *
 * @example
 * quoteUnsafeIntegers('[9007199254740993,1.5e300,"12345678901234567890"]');
 * // '["9007199254740993",1.5e300,"12345678901234567890"]'
 */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string, honouring escapes.
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i += 2;
        else if (s === QUOTE) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === MINUS || isDigit(c)) {
      const start = i;
      if (c === MINUS) i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const next = i < n ? text.charCodeAt(i) : 0;
      const isInteger = next !== 0x2e && next !== 0x65 && next !== 0x45; // . e E
      const digits = i - start - (c === MINUS ? 1 : 0);
      if (isInteger && digits >= RISKY_DIGITS) {
        const literal = text.slice(start, i);
        if (INTEGER_LITERAL.test(literal) && isUnsafeInteger(Number(literal))) {
          out += `${text.slice(copied, start)}"${literal}"`;
          copied = i;
        }
      }
      // Skip the rest of a non-integer literal.
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      continue;
    }
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x5d || c === 0x7d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a;
}

/**
 * Parses JSON text keeping integers beyond ±(2^53 − 1) exact, as decimal strings. The text must be valid JSON
 * (it was parsed once already).
 *
 * @example
 * parseJsonExact('{"id":9223372036854775807,"n":1}'); // { id: '9223372036854775807', n: 1 }
 */
export function parseJsonExact(text: string): unknown {
  return SOURCE_TEXT_SUPPORTED ? JSON.parse(text, exactReviver) : JSON.parse(quoteUnsafeIntegers(text));
}

/** @internal For tests: which exact path this Node takes. */
export const EXACT_PATH: 'source-text' | 'scanner' = SOURCE_TEXT_SUPPORTED ? 'source-text' : 'scanner';
