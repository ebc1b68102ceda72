import { createReadStream, readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseJsonExact, rowsHaveUnsafeInteger } from '../cdc/exact.js';
import { type CdcFormat, type ChangeEvent, type ParseOptions, parseChangeEvents } from '../cdc/index.js';
import { type ColumnMapping, createEnricher, type Enricher, parseColumnMapping } from '../enrich/index.js';
import type { Failure } from '../shared/errors.js';
import {
  CLI_CACHE_SIZE,
  type CliArgs,
  COMMAND_HELP,
  type Command,
  ENV,
  FORMATS,
  type FormatOption,
  parseCliArgs,
  USAGE,
} from './args.js';
import { createLineWriter, readLines } from './ndjson.js';

export { USAGE } from './args.js';

/** The streams and environment the CLI talks to (injectable for tests). */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  /** Environment variables; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Longest NDJSON line accepted: 16 MiB (Kafka's default max message is 1 MiB; this leaves room). */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Output is written in chunks of about this many UTF-16 units, honouring backpressure between chunks. */
const OUT_CHUNK = 64 * 1024;
const ERR_CHUNK = 16 * 1024;

/** What to check when every line failed with one code (one `{"hint": ...}` line at the end). */
const HINTS: Readonly<Partial<Record<Failure['code'], (command: Command) => string>>> = {
  missing_id: () =>
    'every row lacks its key column: the input is not the seed users table. Name the columns with --map ' +
    '(e.g. --map id=customer_id,email=email_address) or --map-file; see cdc-enrich enrich --help',
  invalid_json: () =>
    'no line is JSON: the input must be NDJSON, one message per line (a JSON array file must be split into lines first)',
  unknown_format: (command) =>
    command === 'enrich'
      ? 'no line is a known CDC envelope or a row with the key column: check --format, or name the key with --map'
      : 'no line is a known CDC envelope: check --format (auto detects seed, debezium, maxwell, canal, ogg, dms, wal2json)',
  missing_field: () => 'every message lacks a field its envelope requires: check --format',
  invalid_operation: () => 'no message carries a known operation: check --format',
  too_large: () => 'every line is over the size limit (16 MiB a line)',
};

function versionOf(): string {
  if (typeof __CDC_ENRICH_VERSION__ === 'string') return __CDC_ENRICH_VERSION__;
  try {
    // Not built (tests run the sources): read the version from the package manifest.
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? 'dev';
  } catch {
    return 'dev';
  }
}
declare const __CDC_ENRICH_VERSION__: string | undefined;

/** The line is exactly `null` (readLines trims leading blanks; trailing ones are trimmed here). */
function isNullLiteral(bytes: Buffer): boolean {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
  return end === 4 && bytes[0] === 0x6e && bytes[1] === 0x75 && bytes[2] === 0x6c && bytes[3] === 0x6c;
}

class UsageError extends Error {}

/** The column mapping from --map, --map-file or the environment; undefined = the seed users table. */
function mappingOf(args: CliArgs, env: Readonly<Record<string, string | undefined>>): ColumnMapping | undefined {
  if (args.map !== undefined && args.mapFile !== undefined) throw new UsageError('give --map or --map-file, not both');
  try {
    if (args.mapFile !== undefined) {
      let text: string;
      try {
        text = readFileSync(args.mapFile, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read --map-file ${args.mapFile}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      try {
        return JSON.parse(text) as ColumnMapping;
      } catch {
        throw new UsageError(`--map-file ${args.mapFile} is not a JSON object`);
      }
    }
    const pairs = args.map ?? env[ENV.map];
    return pairs === undefined || pairs.trim() === '' ? undefined : parseColumnMapping(pairs);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--map: ${(e as Error).message.replace(/^parseColumnMapping: /, '')}`);
  }
}

/** The enricher for the `enrich` command (UsageError on a bad mapping or country). */
function enricherOf(args: CliArgs, env: Readonly<Record<string, string | undefined>>): Enricher<object> {
  const columns = mappingOf(args, env);
  const defaultCountry = args.defaultCountry ?? env[ENV.defaultCountry];
  const cacheText = args.cacheSize ?? env[ENV.cacheSize];
  if (cacheText !== undefined && !/^\d{1,9}$/.test(cacheText)) {
    throw new UsageError('--cache-size takes a whole number of entries (0 = no cache)');
  }
  try {
    return createEnricher({
      ...(columns === undefined ? {} : { columns }),
      ...(defaultCountry === undefined ? {} : { defaultCountry }),
      cacheSize: cacheText === undefined ? CLI_CACHE_SIZE : Number(cacheText),
    }) as Enricher<object>;
  } catch (e) {
    const message = (e as Error).message;
    if (/defaultCountry/.test(message)) {
      throw new UsageError(
        '--default-country must name a country: ISO alpha-2 or alpha-3 code, or a name (DE, DEU, Germany)',
      );
    }
    throw new UsageError(`--map: ${message.replace(/^createEnricher: /, '')}`);
  }
}

/** Counts of one run (the `--stats` line). */
interface Stats {
  lines: number;
  events: number;
  rows: number;
  errors: number;
  skipped: number;
  skippedBy: Record<string, number>;
  errorsBy: Record<string, number>;
}

/** One line's outcome, given to the sinks below. */
interface LineSinks {
  row(json: string): void;
  failure(line: number, failure: Failure): void;
  skip(reason: string): void;
}

/** A plain row for `enrich`: an object with every key column (anything else is not guessed at). */
function plainRowOf(text: string, key: readonly string[]): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if (!key.every((column) => Object.hasOwn(value, column))) return null;
  // Keep integers beyond 2^53 exact, as the parser does for change messages.
  const row = value as Record<string, unknown>;
  if (rowsHaveUnsafeInteger([{ after: row, before: null } as unknown as ChangeEvent])) {
    return parseJsonExact(text) as Record<string, unknown>;
  }
  return row;
}

/** Handles one input line of `parse` or `enrich`. */
function createLineHandler(
  parseOptions: ParseOptions,
  enricher: Enricher<object> | null,
  sinks: LineSinks,
  stats: Stats,
): (line: number, bytes: Buffer) => void {
  const emitEnriched = (line: number, r: ReturnType<Enricher<object>['enrichRow']>) => {
    if (r.ok) {
      stats.rows++;
      sinks.row(JSON.stringify(r.value));
    } else sinks.failure(line, r.error);
  };
  return (line, bytes) => {
    if (isNullLiteral(bytes)) {
      // kafka-console-consumer and kcat print a tombstone (a null message value) as the word `null`.
      sinks.skip('tombstone');
      return;
    }
    const result = parseChangeEvents(bytes, parseOptions);
    if (!result.ok) {
      if (enricher !== null && result.error.code === 'unknown_format') {
        // `enrich` also takes plain rows (the mapped table's columns, or the seed's).
        const row = plainRowOf(bytes.toString('utf8'), enricher.mapping.key);
        if (row !== null) {
          emitEnriched(line, enricher.enrichRow(row));
          return;
        }
      }
      sinks.failure(line, result.error);
      return;
    }
    if (result.events.length === 0) sinks.skip(result.skipped ?? 'no_events');
    for (const event of result.events) {
      stats.events++;
      if (enricher === null) sinks.row(JSON.stringify(event));
      else if (event.op === 'truncate') sinks.skip('truncate');
      else emitEnriched(line, enricher.enrichEvent(event));
    }
  };
}

/** Opens `--input`, or returns stdin; an Error when the file cannot be opened. */
async function openInput(path: string | undefined, stdin: Readable): Promise<Readable | Error> {
  if (path === undefined) return stdin;
  const file = createReadStream(path);
  const opened = await new Promise<Error | null>((resolve) => {
    file.once('open', () => resolve(null));
    file.once('error', (e) => resolve(e));
  });
  return opened ?? file;
}

/** The single failure code of a run where nothing succeeded, or null. */
function uniformFailure(command: Command, stats: Stats): Failure['code'] | null {
  const codes = Object.keys(stats.errorsBy);
  const produced = command === 'enrich' ? stats.rows : stats.events;
  return produced === 0 && codes.length === 1 ? (codes[0] as Failure['code']) : null;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws.
 *
 * @example
 * const code = await runCli(['enrich', '--input', 'events.ndjson'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    io.stderr.write(`cdc-enrich: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.version) {
    io.stdout.write(`${versionOf()}\n`);
    return 0;
  }
  const command = args.command;
  if (args.help) {
    io.stdout.write(command === null ? USAGE : COMMAND_HELP[command]);
    return 0;
  }
  const usage = (message: string): number => {
    io.stderr.write(`cdc-enrich: ${message}\n\n${command === null ? USAGE : COMMAND_HELP[command]}`);
    return 2;
  };
  if (command === null) {
    return usage(args.rawCommand === undefined ? 'missing command' : `unknown command '${args.rawCommand}'`);
  }
  if (args.extra !== undefined) return usage(`unexpected argument '${args.extra}'`);
  const format = (args.format ?? 'auto') as FormatOption;
  if (!FORMATS.includes(format)) return usage(`--format must be one of ${FORMATS.join(', ')}`);
  let enricher: Enricher<object> | null = null;
  if (command === 'enrich') {
    try {
      enricher = enricherOf(args, env);
    } catch (e) {
      return usage((e as Error).message);
    }
  } else if (
    args.defaultCountry !== undefined ||
    args.map !== undefined ||
    args.mapFile !== undefined ||
    args.cacheSize !== undefined
  ) {
    return usage('--default-country, --map, --map-file and --cache-size apply to the enrich command only');
  }

  const input = await openInput(args.input, io.stdin);
  if (input instanceof Error) {
    io.stderr.write(`cdc-enrich: cannot read ${args.input}: ${(input as NodeJS.ErrnoException).code ?? 'error'}\n`);
    return 1;
  }
  return stream(command, args, format, enricher, input, io);
}

async function stream(
  command: Command,
  args: CliArgs,
  format: FormatOption,
  enricher: Enricher<object> | null,
  input: Readable,
  io: CliIo,
): Promise<number> {
  const stats: Stats = { lines: 0, events: 0, rows: 0, errors: 0, skipped: 0, skippedBy: {}, errorsBy: {} };
  const out = createLineWriter(io.stdout);
  const err = createLineWriter(io.stderr);
  const started = process.hrtime.bigint();
  const progress = io.stderr.isTTY === true;
  let lastProgress = Date.now();
  const parseOptions: ParseOptions = format === 'auto' ? {} : { format: format as CdcFormat };
  const handle = createLineHandler(
    parseOptions,
    enricher,
    {
      row: (json) => out.line(json),
      failure(line, failure) {
        stats.errors++;
        stats.errorsBy[failure.code] = (stats.errorsBy[failure.code] ?? 0) + 1;
        err.line(JSON.stringify({ line, code: failure.code, message: failure.message, path: failure.path }));
      },
      skip(reason) {
        stats.skipped++;
        stats.skippedBy[reason] = (stats.skippedBy[reason] ?? 0) + 1;
      },
    },
    stats,
  );
  const tooLarge: Failure = { code: 'too_large', message: `line is longer than ${MAX_LINE_BYTES} bytes`, path: [] };

  try {
    for await (const l of readLines(input, MAX_LINE_BYTES)) {
      stats.lines = l.line;
      if (l.tooLong) {
        stats.errors++;
        stats.errorsBy['too_large'] = (stats.errorsBy['too_large'] ?? 0) + 1;
        err.line(JSON.stringify({ line: l.line, ...tooLarge }));
      } else handle(l.line, l.bytes);
      if (out.pending > OUT_CHUNK) await out.flush();
      if (err.pending > ERR_CHUNK) await err.flush();
      if (progress && Date.now() - lastProgress >= 1000) {
        lastProgress = Date.now();
        const secs = Number(process.hrtime.bigint() - started) / 1e9;
        io.stderr.write(`\r${stats.lines} lines, ${stats.errors} errors, ${Math.round(stats.lines / secs)} lines/s   `);
      }
    }
    await out.flush();
    const code = uniformFailure(command, stats);
    const hint = code === null ? undefined : HINTS[code]?.(command);
    if (hint !== undefined) err.line(JSON.stringify({ hint, code }));
    await err.flush();
  } catch (e) {
    await err.flush().catch(() => undefined);
    io.stderr.write(`cdc-enrich: I/O error: ${(e as NodeJS.ErrnoException).code ?? 'error'}\n`);
    return 1;
  }
  if (progress) io.stderr.write('\n');
  if (args.stats) {
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    io.stderr.write(
      `${JSON.stringify({
        stats: {
          command,
          lines: stats.lines,
          events: stats.events,
          rows: stats.rows,
          errors: stats.errors,
          errors_by_code: stats.errorsBy,
          skipped: stats.skipped,
          skipped_by_reason: stats.skippedBy,
          seconds: Number(secs.toFixed(3)),
          lines_per_second: secs > 0 ? Math.round(stats.lines / secs) : null,
        },
      })}\n`,
    );
  }
  return 0;
}
