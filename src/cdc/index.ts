/**
 * cdc-enrich/cdc: one parser for the CDC envelopes found on Kafka — the seed's flat event, Debezium,
 * Maxwell, Canal, Oracle GoldenGate, AWS DMS and wal2json (v1 and v2) — normalized to {@link ChangeEvent}.
 * See docs/cdc-formats.md for the op mapping, skip reasons, error codes and position semantics.
 */
import { parseCanal } from './canal.js';
import { parseDebezium } from './debezium.js';
import { detectFormat } from './detect.js';
import { parseDms } from './dms.js';
import { fail, typeName } from './errors.js';
import { parseJsonExact, rowsHaveUnsafeInteger } from './exact.js';
import { decodeJson } from './json.js';
import { parseMaxwell } from './maxwell.js';
import { parseOgg } from './ogg.js';
import { type ResolvedOptions, resolveOptions } from './options.js';
import { parseSeed } from './seed.js';
import type { CdcFormat, ChangeEvent, ParseOptions, ParseResult } from './types.js';
import { parseWal2json } from './wal2json.js';

export * from '../shared/errors.js';
export { decimalFromBase64, LOGICAL_DECODERS } from './debezium-types.js';
export { detectFormat } from './detect.js';
export { PARSE_ERROR_CODES, SKIP_REASONS } from './errors.js';
export { DEFAULT_MAX_MESSAGE_BYTES } from './json.js';
export { CDC_FORMATS, parseOptionsSchema } from './options.js';
export { comparePositions } from './position.js';
export type {
  BeforeImage,
  CdcFormat,
  ChangeEvent,
  ChangeOp,
  ColumnType,
  ParseError,
  ParseErrorCode,
  ParseOptions,
  ParseResult,
  Row,
  SkipReason,
  TableFilter,
} from './types.js';

type FormatParser = (msg: Record<string, unknown>, ctx: ResolvedOptions) => ParseResult;

const PARSERS: Readonly<Record<CdcFormat, FormatParser>> = {
  seed: parseSeed,
  debezium: parseDebezium,
  maxwell: parseMaxwell,
  canal: parseCanal,
  ogg: parseOgg,
  dms: parseDms,
  wal2json: parseWal2json,
};

function parseMessage(value: unknown, o: ResolvedOptions): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('unknown_format', `the message is ${typeName(value)}, not a JSON object`);
  const msg = value as Record<string, unknown>;
  const format = o.format === 'auto' ? detectFormat(msg) : o.format;
  if (format === null) return fail('unknown_format', 'the message matches no supported CDC envelope');
  return PARSERS[format](msg, o);
}

function prefix(result: ParseResult, index: number): ParseResult {
  if (result.ok) return result;
  return fail(result.error.code, result.error.message, [index, ...result.error.path]);
}

function parseValue(value: unknown, o: ResolvedOptions): ParseResult {
  if (!Array.isArray(value)) return parseMessage(value, o);
  // A JSON array of messages (the seed's data/sample_events.json, NDJSON batches joined by a producer).
  const events: ChangeEvent[] = [];
  let firstSkip: ParseResult | null = null;
  for (let i = 0; i < value.length; i++) {
    const r = parseMessage(value[i], o);
    if (!r.ok) return prefix(r, i);
    if (r.events.length === 0 && firstSkip === null) firstSkip = r;
    for (const e of r.events) events.push(e);
  }
  if (events.length === 0 && firstSkip !== null && firstSkip.ok && firstSkip.skipped !== undefined)
    return { ok: true, events, skipped: firstSkip.skipped };
  return { ok: true, events };
}

/**
 * Parses one CDC message — a string, `Uint8Array`/`Buffer` (UTF-8), or an already-parsed value — into
 * normalized change events. Never throws on bad data: errors come back as `{ ok: false, error: { code,
 * message, path? } }` with a stable code, and messages that carry no row change (tombstones, DDL, transaction
 * markers, ...) come back as `{ ok: true, events: [], skipped: reason }`. Error messages never contain payload
 * values. A JSON array is read as a list of messages. Throws a TypeError only for invalid `options`.
 *
 * @example
 * const r = parseChangeEvents('{"op":"c","before":null,"after":{"id":1},"source":{"db":"shop","table":"users"},"ts_ms":1700000000000}');
 * if (r.ok) r.events[0]; // { op: 'insert', after: { id: 1 }, table: 'shop.users', format: 'debezium', ... }
 * parseChangeEvents(null); // { ok: true, events: [], skipped: 'tombstone' }
 * parseChangeEvents('{"op":"x","source":{}}'); // { ok: false, error: { code: 'invalid_operation', ... } }
 */
export function parseChangeEvents(input: unknown, options?: ParseOptions): ParseResult {
  const o = resolveOptions(options);
  try {
    const decoded = decodeJson(input, o.maxBytes);
    if (decoded.kind === 'tombstone') return { ok: true, events: [], skipped: 'tombstone' };
    if (decoded.kind === 'error') return { ok: false, error: decoded.error };
    const result = parseValue(decoded.value, o);
    // A row integer beyond 2^53 was rounded by JSON.parse: read the text again, keeping such integers exact.
    if (result.ok && decoded.text !== null && rowsHaveUnsafeInteger(result.events)) {
      return parseValue(parseJsonExact(decoded.text), o);
    }
    return result;
  } catch {
    // Only reachable with exotic already-parsed input (getters or proxies that throw).
    return fail('invalid_field', 'the message could not be read');
  }
}
