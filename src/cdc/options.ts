/**
 * Validation of {@link ParseOptions} with zod (bad options are programmer errors: they throw a TypeError).
 * Validated options are cached per options object (WeakMap), so a caller reusing one options object pays
 * for validation once; do not mutate an options object after first use.
 */
import { z } from 'zod';
import type { Context } from './internal.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './json.js';
import type { CdcFormat, ParseOptions } from './types.js';

/** The supported formats, in documentation order. */
export const CDC_FORMATS: readonly CdcFormat[] = Object.freeze([
  'seed',
  'debezium',
  'maxwell',
  'canal',
  'ogg',
  'dms',
  'wal2json',
]);

const pattern = z.union([z.string(), z.instanceof(RegExp)]);

/** zod schema of {@link ParseOptions} (unknown keys are allowed and ignored). */
export const parseOptionsSchema = z.object({
  format: z.enum(['auto', 'seed', 'debezium', 'maxwell', 'canal', 'ogg', 'dms', 'wal2json']).optional(),
  // z.number() rejects Infinity, which is the documented way to turn the limit off.
  maxMessageBytes: z
    .custom<number>(
      (n) => typeof n === 'number' && n > 0 && (Number.isInteger(n) || n === Number.POSITIVE_INFINITY),
      'a positive integer or Infinity',
    )
    .optional(),
  filter: z.object({ database: pattern.optional(), table: pattern.optional() }).optional(),
  decodeLogicalTypes: z.boolean().optional(),
  unavailableValuePlaceholder: z.string().min(1).optional(),
  dmsBeforeImageField: z.string().min(1).optional(),
});

/** Options after validation. */
export interface ResolvedOptions extends Context {
  format: 'auto' | CdcFormat;
  maxBytes: number;
}

const DEFAULT_PLACEHOLDER = '__debezium_unavailable_value';

function fullMatch(p: string | RegExp | undefined): RegExp | null {
  if (p === undefined) return null;
  // Flink matches include patterns against the whole name (java.util.regex.Matcher#matches).
  const source = typeof p === 'string' ? p : p.source;
  const flags = typeof p === 'string' ? '' : p.flags.replace(/[gy]/g, '');
  try {
    return new RegExp(`^(?:${source})$`, flags);
  } catch {
    throw new TypeError('parseChangeEvents: filter pattern is not a valid regular expression');
  }
}

function build(options: ParseOptions | undefined): ResolvedOptions {
  if (options !== undefined) {
    const checked = parseOptionsSchema.safeParse(options);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new TypeError(`parseChangeEvents: invalid option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
    }
  }
  const placeholder = options?.unavailableValuePlaceholder ?? DEFAULT_PLACEHOLDER;
  const database = fullMatch(options?.filter?.database);
  const table = fullMatch(options?.filter?.table);
  const accept =
    database === null && table === null
      ? null
      : (db: string | null, tbl: string | null): boolean =>
          (database === null || (db !== null && database.test(db))) &&
          (table === null || (tbl !== null && table.test(tbl)));
  return {
    format: options?.format ?? 'auto',
    maxBytes: options?.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    accept,
    decodeLogicalTypes: options?.decodeLogicalTypes ?? true,
    placeholder,
    placeholderBase64: Buffer.from(placeholder, 'utf8').toString('base64'),
    dmsBeforeImageField: options?.dmsBeforeImageField ?? 'before-image',
  };
}

const DEFAULTS = build(undefined);
const cache = new WeakMap<object, ResolvedOptions>();

/** Validates and resolves options (cached per object). Throws TypeError on invalid options. */
export function resolveOptions(options: ParseOptions | undefined): ResolvedOptions {
  if (options === undefined) return DEFAULTS;
  if (typeof options !== 'object' || options === null)
    throw new TypeError('parseChangeEvents: options must be an object');
  let resolved = cache.get(options);
  if (resolved === undefined) {
    resolved = build(options);
    cache.set(options, resolved);
  }
  return resolved;
}
