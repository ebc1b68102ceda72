/**
 * Turning raw input (string, bytes, or an already-parsed value) into a JSON value, with the size limit checked
 * before any parsing.
 */
import { isUtf8 } from 'node:buffer';
import type { ParseError } from './types.js';

/** The default `maxMessageBytes`: 1 MiB, Kafka's default `message.max.bytes` is about the same. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Result of {@link decodeJson}: a value (with the JSON text it was parsed from, when there was one), a tombstone
 * (null/empty input), or an error.
 */
export type Decoded =
  | { kind: 'value'; value: unknown; text: string | null }
  | { kind: 'tombstone' }
  | { kind: 'error'; error: ParseError };

const TOMBSTONE: Decoded = { kind: 'tombstone' };

function tooLarge(max: number): Decoded {
  return { kind: 'error', error: { code: 'too_large', message: `the message is larger than ${max} bytes`, path: [] } };
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return false;
  }
  return true;
}

function parseText(text: string): Decoded {
  // JSON.parse creates `__proto__` as an own data property (ECMA-262 InternalizeJSONProperty uses
  // CreateDataProperty), so parsing itself cannot pollute prototypes; the row builders keep it that way.
  try {
    return { kind: 'value', value: JSON.parse(text), text };
  } catch {
    if (isBlank(text)) return TOMBSTONE;
    if (text.charCodeAt(0) === 0xfeff) return parseText(text.slice(1));
    return { kind: 'error', error: { code: 'invalid_json', message: 'the message is not valid JSON', path: [] } };
  }
}

/**
 * Decodes one input into a JSON value. Strings and bytes are measured first: a string of `n` UTF-16 units has
 * between `n` and `3n` UTF-8 bytes, so the exact byte count is only computed when the cheap bounds disagree.
 * Bytes must be valid UTF-8 (`invalid_json` otherwise). Null, undefined, empty and whitespace-only input are
 * Kafka tombstones. Already-parsed values are used as they are (their size is not measured).
 */
export function decodeJson(input: unknown, maxBytes: number): Decoded {
  if (typeof input === 'string') {
    const n = input.length;
    if (n > maxBytes) return tooLarge(maxBytes);
    if (n * 3 > maxBytes && Buffer.byteLength(input, 'utf8') > maxBytes) return tooLarge(maxBytes);
    if (n === 0) return TOMBSTONE;
    return parseText(input);
  }
  if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) return tooLarge(maxBytes);
    if (input.byteLength === 0) return TOMBSTONE;
    // isUtf8 + Buffer#toString is about twice as fast as a fatal TextDecoder on Node 20.
    if (!isUtf8(input))
      return { kind: 'error', error: { code: 'invalid_json', message: 'the message is not valid UTF-8', path: [] } };
    const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    return parseText(buf.toString('utf8'));
  }
  if (input === null || input === undefined) return TOMBSTONE;
  return { kind: 'value', value: input, text: null };
}
