/**
 * The command line: commands, flags, environment variables and the help of each command.
 */
import { parseArgs } from 'node:util';

/** The `--format` values. */
export const FORMATS = ['auto', 'seed', 'debezium', 'maxwell', 'canal', 'ogg', 'dms', 'wal2json'] as const;
export type FormatOption = (typeof FORMATS)[number];

/** The commands. */
export type Command = 'parse' | 'enrich';

/** Environment variables the CLI reads (a flag given on the command line wins). */
export const ENV = {
  map: 'CDC_ENRICH_MAP',
  defaultCountry: 'CDC_ENRICH_DEFAULT_COUNTRY',
  cacheSize: 'CDC_ENRICH_CACHE_SIZE',
} as const;

/**
 * The enricher's cache bound in the CLI, in entries per cache. Smaller than the library's default so that
 * `enrich` stays under 200 MB of RSS on any input length (measured in docs/benchmarks.md).
 */
export const CLI_CACHE_SIZE = 5000;

export const USAGE = `cdc-enrich: enrich change-data-capture records (NDJSON in, NDJSON out)

Usage:
  cdc-enrich parse  [--input FILE] [--format FORMAT] [--stats]
  cdc-enrich enrich [--input FILE] [--format FORMAT] [--map role=column,...] [--map-file FILE]
                    [--default-country COUNTRY] [--cache-size N] [--stats]
  cdc-enrich <command> --help      flags, environment variables and an example of one command

Commands:
  parse    one normalized change event (JSON) per line of output
  enrich   one enriched row (JSON) per change: the users_enriched row for the seed users table, or, with
           --map, the source columns, then the enrichment columns, then the CDC metadata

Options:
  -h, --help              this help
  -v, --version           the version

Bad lines are reported on stderr as {"line":N,"code":"...","message":"...","path":[...]} and skipped.
Exit codes: 0 input read to the end, 2 usage error, 1 I/O error.
`;

const COMMON_FLAGS = `  -i, --input FILE        read FILE instead of standard input
  -f, --format FORMAT     auto (default: detected per line), seed, debezium, maxwell, canal, ogg, dms, wal2json
  --stats                 print counts and throughput to stderr at the end (one JSON line)
  -h, --help              this help`;

const FOOTER = `Bad lines are reported on stderr as {"line":N,"code":"...","message":"...","path":[...]} (never the data)
and skipped; codes are listed in docs/errors.md. If every line fails for the same reason, a last
{"hint":"..."} line says what to check. Exit codes: 0 input read to the end, 2 usage error, 1 I/O error.`;

/** The help of each command: flags, environment variables, an example. */
export const COMMAND_HELP: Readonly<Record<Command, string>> = {
  parse: `cdc-enrich parse: CDC messages (NDJSON) to normalized change events (NDJSON)

Usage: cdc-enrich parse [--input FILE] [--format FORMAT] [--stats]

Flags:
${COMMON_FLAGS}

Environment variables: none.

Example:
  kcat -C -b localhost:9092 -t shop.public.customers -e | cdc-enrich parse --format debezium

Each output line is { op, before, after, table, format, position, timestamp, transaction, beforeImage,
unavailable?, schema? }. Tombstones, DDL and transaction markers are counted as skipped, not errors.

${FOOTER}
`,
  enrich: `cdc-enrich enrich: CDC messages or plain rows (NDJSON) to enriched rows (NDJSON)

Usage: cdc-enrich enrich [--input FILE] [--format FORMAT] [--map role=column,...] [--map-file FILE]
                         [--default-country COUNTRY] [--cache-size N] [--stats]

Flags:
${COMMON_FLAGS}
  --map PAIRS             which source column plays which role, as role=column pairs separated by commas:
                          id (the key; repeat it for a composite key), first_name, last_name, email, phone,
                          address, city, state, country, postal_code, created_at, updated_at, source_system.
                          Without a mapping the input is the seed users table (id, first_name, ...).
  --map-file FILE         the same mapping as a JSON object ({"id": "customer_id", "email": "email_address"})
  --default-country C     the country for records whose own country names none (national phone numbers,
                          postal-code inference): ISO alpha-2, alpha-3 or a name (DE, DEU, Germany)
  --cache-size N          entries per enrichment cache (emails, phones, countries, postal codes); default
                          ${CLI_CACHE_SIZE}, which keeps the process under 200 MB on any input; 0 turns caching off

Environment variables:
  ${ENV.map}          the --map pairs, when --map and --map-file are not given
  ${ENV.defaultCountry}  the --default-country, when the flag is not given
  ${ENV.cacheSize}       the --cache-size, when the flag is not given

Example:
  cdc-enrich enrich --input customers.ndjson \\
    --map id=customer_id,first_name=given_name,last_name=family_name,email=email_address,phone=mobile,postal_code=zip,country=country_name

Output: with the default mapping, the 21 users_enriched columns then the extras; with a mapping, the
source columns, then email_domain, email_category, is_valid_email_flag, normalized_email, full_name,
inferred_country and the extras, then cdc_operation, cdc_sequence, cdc_timestamp, migration_timestamp.
Integers beyond 2^53 are written as decimal strings (exact). Columns a Debezium TOAST update did not send
are absent, with every column derived from them.

${FOOTER}
`,
};

/** Parsed command line. */
export interface CliArgs {
  command: Command | null;
  extra: string | undefined;
  help: boolean;
  version: boolean;
  input: string | undefined;
  format: string | undefined;
  map: string | undefined;
  mapFile: string | undefined;
  defaultCountry: string | undefined;
  cacheSize: string | undefined;
  stats: boolean;
  rawCommand: string | undefined;
}

/** Parses argv (without node and script). Throws a TypeError on unknown flags (a usage error). */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      input: { type: 'string', short: 'i' },
      format: { type: 'string', short: 'f' },
      map: { type: 'string' },
      'map-file': { type: 'string' },
      'default-country': { type: 'string' },
      'cache-size': { type: 'string' },
      stats: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const rawCommand = positionals[0];
  return {
    command: rawCommand === 'parse' || rawCommand === 'enrich' ? rawCommand : null,
    rawCommand,
    extra: positionals[1],
    help: values.help === true,
    version: values.version === true,
    input: values.input,
    format: values.format,
    map: values.map,
    mapFile: values['map-file'],
    defaultCountry: values['default-country'],
    cacheSize: values['cache-size'],
    stats: values.stats === true,
  };
}
