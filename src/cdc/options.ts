/**
 * Validation of {@link ParseOptions}: one strict zod/mini schema, checked by `checkOptions` (bad or unknown
 * options are programmer errors: a TypeError naming the option). Validated options are cached per options
 * object (WeakMap), so a caller reusing one options object pays for validation once; do not mutate an options
 * object after first use.
 */
import * as z from 'zod/mini';
import { checkOptions } from '../shared/options.js';
import { compileNameFilter, type NameMatcher } from './filter.js';
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

/**
 * Strict zod/mini schema of {@link ParseOptions}: unknown or misspelled options are rejected. Built on first use
 * (`z.lazy`: start-up, see src/shared/options.ts).
 */
export const parseOptionsSchema = z.lazy(buildParseOptionsSchema);

function buildParseOptionsSchema() {
  const pattern = z.union([z.string(), z.instanceof(RegExp)]);
  return z.strictObject({
    format: z.optional(z.enum(['auto', 'seed', 'debezium', 'maxwell', 'canal', 'ogg', 'dms', 'wal2json'])),
    // A plain number schema rejects Infinity, which is the documented way to turn the limit off.
    maxMessageBytes: z.optional(
      z.custom<number>(
        (n) => typeof n === 'number' && n > 0 && (Number.isInteger(n) || n === Number.POSITIVE_INFINITY),
        'expected a positive integer or Infinity',
      ),
    ),
    filter: z.optional(z.strictObject({ database: z.optional(pattern), table: z.optional(pattern) })),
    decodeLogicalTypes: z.optional(z.boolean()),
    unavailableValuePlaceholder: z.optional(z.string().check(z.minLength(1))),
    dmsBeforeImageField: z.optional(z.string().check(z.minLength(1))),
  });
}

/** Options after validation. */
export interface ResolvedOptions extends Context {
  format: 'auto' | CdcFormat;
  maxBytes: number;
}

const DEFAULT_PLACEHOLDER = '__debezium_unavailable_value';

function nameFilter(p: string | RegExp | undefined, option: string): NameMatcher | null {
  if (p === undefined) return null;
  const matcher = compileNameFilter(p);
  if (matcher === null) {
    throw new TypeError(
      `parseChangeEvents: invalid option filter.${option}: not a regular expression the linear-time engine runs (RE2 syntax; no backreferences or lookahead)`,
    );
  }
  return matcher;
}

function build(options: ParseOptions | undefined): ResolvedOptions {
  const checked = checkOptions('parseChangeEvents', parseOptionsSchema, options);
  const placeholder = checked.unavailableValuePlaceholder ?? DEFAULT_PLACEHOLDER;
  const database = nameFilter(checked.filter?.database, 'database');
  const table = nameFilter(checked.filter?.table, 'table');
  const accept =
    database === null && table === null
      ? null
      : (db: string | null, tbl: string | null): boolean =>
          (database === null || (db !== null && database(db))) && (table === null || (tbl !== null && table(tbl)));
  return {
    format: checked.format ?? 'auto',
    maxBytes: checked.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    accept,
    decodeLogicalTypes: checked.decodeLogicalTypes ?? true,
    placeholder,
    placeholderBase64: Buffer.from(placeholder, 'utf8').toString('base64'),
    dmsBeforeImageField: checked.dmsBeforeImageField ?? 'before-image',
  };
}

/** The resolved defaults, built on the first call without options (not at import: it runs the schema). */
let defaults: ResolvedOptions | undefined;
const cache = new WeakMap<object, ResolvedOptions>();

/** Validates and resolves options (cached per object). Throws TypeError on invalid options. */
export function resolveOptions(options: ParseOptions | undefined): ResolvedOptions {
  if (options === undefined) {
    defaults ??= build(undefined);
    return defaults;
  }
  if (typeof options !== 'object' || options === null)
    throw new TypeError('parseChangeEvents: options must be an object');
  let resolved = cache.get(options);
  if (resolved === undefined) {
    resolved = build(options);
    cache.set(options, resolved);
  }
  return resolved;
}
