import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { type CdcFormat, parseChangeEvents } from '../cdc/index.js';
import { createEnricher, type Enricher } from '../enrich/index.js';
import { readLines } from './ndjson.js';

/** The streams the CLI talks to (injectable for tests). */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

const FORMATS = ['auto', 'seed', 'debezium', 'maxwell', 'canal', 'ogg', 'dms', 'wal2json'] as const;
type FormatOption = (typeof FORMATS)[number];

/** Longest NDJSON line accepted: 16 MiB (Kafka's default max message is 1 MiB; this leaves room). */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

export const USAGE = `cdc-enrich: enrich change-data-capture records (NDJSON in, NDJSON out)

Usage:
  cdc-enrich parse  [--input FILE] [--format FORMAT] [--stats]
  cdc-enrich enrich [--input FILE] [--format FORMAT] [--default-country XX] [--stats]

Commands:
  parse    one normalized change event (JSON) per line of output
  enrich   one users_enriched row (JSON: the 21 columns, then the extras) per line of output;
           input lines may be change messages of any format, or plain rows with the seed's field names

Options:
  --input FILE            read FILE instead of standard input
  --format FORMAT         auto (default), seed, debezium, maxwell, canal, ogg, dms, wal2json
  --default-country XX    ISO alpha-2 region for records without a country (phones, postal prior)
  --stats                 print counts and throughput to stderr at the end
  -h, --help              this help
  -v, --version           the version

Bad lines are reported on stderr as {"line":N,"code":"...","message":"..."} and skipped.
Exit codes: 0 input read to the end, 2 usage error, 1 I/O error.
`;

interface Stats {
  lines: number;
  events: number;
  rows: number;
  errors: number;
  skipped: number;
  skippedBy: Record<string, number>;
}

/** A small buffered writer that honours backpressure (constant memory on huge outputs). */
function createWriter(out: Writable) {
  let buffer = '';
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          out.off('error', onError);
          resolve();
        };
        const onError = (e: Error) => {
          out.off('drain', onDrain);
          reject(e);
        };
        out.once('drain', onDrain);
        out.once('error', onError);
      });
    }
  };
  return {
    line(s: string) {
      buffer += `${s}\n`;
    },
    get pending() {
      return buffer.length;
    },
    flush,
  };
}

function versionOf(): string {
  try {
    // The package version is injected at build time by tsup's define; fall back to 'dev' in tests.
    return typeof __CDC_ENRICH_VERSION__ === 'string' ? __CDC_ENRICH_VERSION__ : 'dev';
  } catch {
    return 'dev';
  }
}
declare const __CDC_ENRICH_VERSION__: string | undefined;

/** The line is exactly `null` (leading/trailing blanks are already trimmed by readLines, except a trailing space). */
function isNullLiteral(bytes: Buffer): boolean {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
  return end === 4 && bytes[0] === 0x6e && bytes[1] === 0x75 && bytes[2] === 0x6c && bytes[3] === 0x6c;
}

/** Looks like a plain row rather than a change envelope: an object with an `id` and no envelope keys. */
function isPlainRow(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code.
 *
 * @example
 * const code = await runCli(['enrich', '--input', 'events.ndjson'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgsOf>;
  try {
    parsed = parseArgsOf(argv);
  } catch (e) {
    io.stderr.write(`cdc-enrich: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${versionOf()}\n`);
    return 0;
  }
  const command = positionals[0];
  if (command !== 'parse' && command !== 'enrich') {
    io.stderr.write(`cdc-enrich: ${command ? `unknown command '${command}'` : 'missing command'}\n\n${USAGE}`);
    return 2;
  }
  if (positionals.length > 1) {
    io.stderr.write(`cdc-enrich: unexpected argument '${positionals[1]}'\n\n${USAGE}`);
    return 2;
  }
  const format = (values.format ?? 'auto') as FormatOption;
  if (!FORMATS.includes(format)) {
    io.stderr.write(`cdc-enrich: --format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  let enricher: Enricher | null = null;
  if (command === 'enrich') {
    try {
      enricher = createEnricher(values['default-country'] ? { defaultCountry: values['default-country'] } : {});
    } catch {
      io.stderr.write('cdc-enrich: --default-country must be an ISO 3166-1 alpha-2 code such as DE\n');
      return 2;
    }
  } else if (values['default-country']) {
    io.stderr.write('cdc-enrich: --default-country applies to the enrich command only\n');
    return 2;
  }

  let input: Readable = io.stdin;
  if (values.input) {
    const file = createReadStream(values.input);
    const opened = await new Promise<Error | null>((resolve) => {
      file.once('open', () => resolve(null));
      file.once('error', (e) => resolve(e));
    });
    if (opened) {
      io.stderr.write(
        `cdc-enrich: cannot read ${values.input}: ${(opened as NodeJS.ErrnoException).code ?? 'error'}\n`,
      );
      return 1;
    }
    input = file;
  }

  const stats: Stats = { lines: 0, events: 0, rows: 0, errors: 0, skipped: 0, skippedBy: {} };
  const out = createWriter(io.stdout);
  const err = createWriter(io.stderr);
  const started = process.hrtime.bigint();
  const progress = io.stderr.isTTY === true;
  let lastProgress = Date.now();
  const parseOptions = format === 'auto' ? {} : { format: format as CdcFormat };

  const report = (line: number, code: string, message: string) => {
    stats.errors++;
    err.line(JSON.stringify({ line, code, message }));
  };
  const skip = (reason: string) => {
    stats.skipped++;
    stats.skippedBy[reason] = (stats.skippedBy[reason] ?? 0) + 1;
  };

  try {
    for await (const l of readLines(input, MAX_LINE_BYTES)) {
      stats.lines = l.line;
      if (l.tooLong) {
        report(l.line, 'too_large', `line is longer than ${MAX_LINE_BYTES} bytes`);
        continue;
      }
      if (isNullLiteral(l.bytes)) {
        // kafka-console-consumer and kcat print a tombstone (a null message value) as the word `null`.
        skip('tombstone');
        continue;
      }
      const result = parseChangeEvents(l.bytes, parseOptions);
      if (!result.ok && enricher !== null && result.error.code === 'unknown_format') {
        // `enrich` also takes plain rows with the seed's field names.
        let value: unknown;
        try {
          value = JSON.parse(l.bytes.toString('utf8'));
        } catch {
          value = undefined;
        }
        if (isPlainRow(value)) {
          const r = enricher.enrichRow(value);
          if (r.ok) {
            stats.rows++;
            out.line(JSON.stringify(r.value));
          } else report(l.line, r.error.code, r.error.message);
          continue;
        }
      }
      if (!result.ok) {
        report(l.line, result.error.code, result.error.message);
      } else {
        if (result.events.length === 0) skip(typeof result.skipped === 'string' ? result.skipped : 'no_events');
        for (const event of result.events) {
          stats.events++;
          if (enricher === null) {
            out.line(JSON.stringify(event));
            continue;
          }
          if (event.op === 'truncate') {
            skip('truncate');
            continue;
          }
          const r = enricher.enrichEvent(event);
          if (r.ok) {
            stats.rows++;
            out.line(JSON.stringify(r.value));
          } else report(l.line, r.error.code, r.error.message);
        }
      }
      if (out.pending > 65_536) await out.flush();
      if (err.pending > 16_384) await err.flush();
      if (progress && Date.now() - lastProgress >= 1000) {
        lastProgress = Date.now();
        const secs = Number(process.hrtime.bigint() - started) / 1e9;
        io.stderr.write(`\r${stats.lines} lines, ${stats.errors} errors, ${Math.round(stats.lines / secs)} lines/s   `);
      }
    }
    await out.flush();
    await err.flush();
  } catch (e) {
    await err.flush().catch(() => undefined);
    io.stderr.write(`cdc-enrich: I/O error: ${(e as NodeJS.ErrnoException).code ?? 'error'}\n`);
    return 1;
  }
  if (progress) io.stderr.write('\n');
  if (values.stats) {
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    io.stderr.write(
      `${JSON.stringify({
        stats: {
          command,
          lines: stats.lines,
          events: stats.events,
          rows: stats.rows,
          errors: stats.errors,
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

function parseArgsOf(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      input: { type: 'string', short: 'i' },
      format: { type: 'string', short: 'f' },
      'default-country': { type: 'string' },
      stats: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
