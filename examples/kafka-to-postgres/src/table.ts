/**
 * The target table of a pipeline, and every SQL statement the sinks run on it, built once per table.
 *
 * Table and column names can come from user input (a column mapping, a Debezium schema), so every identifier is
 * quoted by {@link quoteIdentifier} and names longer than PostgreSQL's 63 bytes are shortened deterministically
 * (PostgreSQL would truncate them silently, and two long names could then collide). Values never appear in SQL
 * text: they travel as COPY data or bind parameters.
 */
import { createHash } from 'node:crypto';
import { USERS_ENRICHED_COLUMNS } from './schema.js';

/** PostgreSQL types the sinks can write (the COPY text form of each is produced by prepare.ts). */
export type SqlType =
  | 'BIGINT'
  | 'INTEGER'
  | 'NUMERIC'
  | 'TEXT'
  | 'BOOLEAN'
  | 'TIMESTAMPTZ'
  | 'TIMESTAMP'
  | 'DATE'
  | 'DOUBLE PRECISION'
  | 'UUID'
  | 'JSONB'
  | 'BYTEA';

/** A column of the target table. */
export interface TableColumn {
  name: string;
  type: SqlType;
}

/** What a sink needs to know about its target table. */
export interface TableSpec {
  /** Target table, e.g. `users_enriched` or `customers_enriched`. */
  table: string;
  columns: readonly TableColumn[];
  /** Primary-key columns (one or more). */
  key: readonly string[];
  /** The position column that guards against regressions (`cdc_sequence`). */
  sequence: string;
  /** DDL run after the tables exist (e.g. the seed's `user_analytics` view). */
  extraDdl?: readonly string[];
}

const MAX_IDENTIFIER_BYTES = 63;

/**
 * A name PostgreSQL keeps as is: at most 63 bytes of UTF-8. A longer one keeps its first bytes (cut on a
 * character boundary) and ends with `_` and 8 hex digits of its SHA-256, so distinct long names stay distinct.
 *
 * @example
 * ```ts
 * shortIdentifier('a'.repeat(80)); // 'aaaa…a_1b2c3d4e' (63 bytes)
 * ```
 */
export function shortIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  const suffix = `_${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  let head = '';
  for (const char of name) {
    if (Buffer.byteLength(head + char) + suffix.length > MAX_IDENTIFIER_BYTES) break;
    head += char;
  }
  return head + suffix;
}

/**
 * A quoted SQL identifier (the same rule as node-postgres `escapeIdentifier`: wrap in double quotes, double any
 * double quote), after {@link shortIdentifier}. NUL cannot appear in a PostgreSQL identifier: it is a TypeError.
 *
 * @example
 * ```ts
 * quoteIdentifier('x"; DROP TABLE y; --'); // '"x""; DROP TABLE y; --"'
 * ```
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\u0000'))
    throw new TypeError('an SQL identifier must be non-empty and without NUL');
  return `"${shortIdentifier(name).replaceAll('"', '""')}"`;
}

/** The tombstone table of a target table. */
export const tombstoneTable = (spec: TableSpec): string => shortIdentifier(`${spec.table}_tombstones`);

/** The seed's `users_enriched` table (the default target) and its `user_analytics` view. */
export const USERS_TABLE: TableSpec = {
  table: 'users_enriched',
  columns: USERS_ENRICHED_COLUMNS,
  key: ['id'],
  sequence: 'cdc_sequence',
  extraDdl: [
    `CREATE OR REPLACE VIEW user_analytics AS
SELECT
  inferred_country,
  email_category,
  COUNT(*) AS user_count,
  COUNT(*) FILTER (WHERE is_valid_email_flag) AS valid_email_count,
  MAX(migration_timestamp) AS last_migration_time
FROM users_enriched
GROUP BY inferred_country, email_category`,
  ],
};

/** The statements of one table, built once. */
export interface TableSql {
  spec: TableSpec;
  /** Idempotent DDL statements (run one by one, under the schema lock). */
  ddl: string[];
  /** Creates this session's staging table (temporary, emptied at commit) if missing. */
  createStage: string;
  /** `COPY stage (columns) FROM STDIN` for a set of present columns. */
  copyStage(columns: readonly string[]): string;
  /** Set-based merge of the staging table into the target, touching only `columns`; then empties the stage. */
  mergeStage(columns: readonly string[]): string;
  /** `TRUNCATE` of the staging table (between two column sets in one transaction). */
  clearStage: string;
  /** Deletes by key arrays (one array parameter per key column, then the positions) and records tombstones. */
  deleteRows: string;
  /** Drops tombstones older than `$1` milliseconds. */
  pruneTombstones: string;
  /** Counts rows of the target (reports). */
  countRows: string;
}

const arrayType = (type: SqlType) => `${type.toLowerCase()}[]`;

/**
 * Builds the statements of a table.
 *
 * @example
 * ```ts
 * const sql = buildTableSql(USERS_TABLE);
 * sql.copyStage(['id', 'email']); // 'COPY "cdc_stage_…" ("id", "email") FROM STDIN'
 * ```
 */
export function buildTableSql(spec: TableSpec): TableSql {
  const q = quoteIdentifier;
  const table = q(spec.table);
  const tomb = q(tombstoneTable(spec));
  const typeOf = new Map(spec.columns.map((c) => [c.name, c.type]));
  for (const k of [...spec.key, spec.sequence]) {
    if (!typeOf.has(k)) throw new TypeError(`table ${spec.table}: key or sequence column is not a column`);
  }
  const signature = createHash('sha256')
    .update(JSON.stringify([spec.table, spec.columns]))
    .digest('hex')
    .slice(0, 12);
  const stage = q(`cdc_stage_${signature}`);
  const keyList = spec.key.map(q).join(', ');
  const seq = q(spec.sequence);
  const keyMatch = (a: string, b: string) => spec.key.map((k) => `${a}.${q(k)} = ${b}.${q(k)}`).join(' AND ');

  const ddl = [
    `CREATE TABLE IF NOT EXISTS ${table} (\n${spec.columns.map((c) => `  ${q(c.name)} ${c.type}`).join(',\n')},\n  PRIMARY KEY (${keyList})\n)`,
    // Columns added after the table was first created (new enricher columns, a wider mapping) are added in place.
    ...spec.columns.map((c) => `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${q(c.name)} ${c.type}`),
    // A deleted key remembers the position of its delete, so an older insert/update replayed later
    // (after a crash, or delivered out of order across sources) cannot resurrect the row.
    `CREATE TABLE IF NOT EXISTS ${tomb} (\n${spec.key.map((k) => `  ${q(k)} ${typeOf.get(k)}`).join(',\n')},\n  ${seq} BIGINT,\n  deleted_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n  PRIMARY KEY (${keyList})\n)`,
    `CREATE INDEX IF NOT EXISTS ${q(`${tombstoneTable(spec)}_deleted_at`)} ON ${tomb} (deleted_at)`,
    ...(spec.extraDdl ?? []),
  ];

  return {
    spec,
    ddl,
    createStage: `CREATE TEMPORARY TABLE IF NOT EXISTS ${stage} (LIKE ${table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
    copyStage: (columns) => `COPY ${stage} (${columns.map(q).join(', ')}) FROM STDIN`,
    clearStage: `TRUNCATE ${stage}`,
    mergeStage(columns) {
      const list = columns.map(q).join(', ');
      const set = columns
        .filter((c) => !spec.key.includes(c))
        .map((c) => `${q(c)} = EXCLUDED.${q(c)}`)
        .join(', ');
      // No regression: an existing row is replaced only by a strictly newer position (NULL on either side means
      // "no order known": the later write wins). No resurrection: not written when a tombstone at the same or a
      // newer position exists. The stage holds each key at most once (the sink collapses), as ON CONFLICT needs.
      return `INSERT INTO ${table} AS t (${list})
SELECT ${columns.map((c) => `s.${q(c)}`).join(', ')} FROM ${stage} s
WHERE NOT EXISTS (
  SELECT 1 FROM ${tomb} d
  WHERE ${keyMatch('d', 's')} AND d.${seq} IS NOT NULL AND s.${seq} IS NOT NULL AND d.${seq} >= s.${seq}
)
ON CONFLICT (${keyList}) DO ${
        set
          ? `UPDATE SET ${set}
WHERE t.${seq} IS NULL OR EXCLUDED.${seq} IS NULL OR t.${seq} < EXCLUDED.${seq}`
          : 'NOTHING'
      }`;
    },
    deleteRows: `WITH d AS (
  SELECT * FROM unnest(${[...spec.key.map((k, i) => `$${i + 1}::${arrayType(typeOf.get(k)!)}`), `$${spec.key.length + 1}::bigint[]`].join(', ')})
    AS d(${keyList}, ${seq})
), removed AS (
  DELETE FROM ${table} e USING d
  WHERE ${keyMatch('e', 'd')} AND (e.${seq} IS NULL OR d.${seq} IS NULL OR e.${seq} < d.${seq})
  RETURNING 1
), tomb AS (
  INSERT INTO ${tomb} AS t (${keyList}, ${seq}, deleted_at)
  SELECT ${keyList}, ${seq}, now() FROM d
  ON CONFLICT (${keyList}) DO UPDATE SET ${seq} = EXCLUDED.${seq}, deleted_at = EXCLUDED.deleted_at
  WHERE t.${seq} IS NULL OR EXCLUDED.${seq} IS NULL OR t.${seq} < EXCLUDED.${seq}
)
SELECT COUNT(*)::int AS removed FROM removed`,
    pruneTombstones: `DELETE FROM ${tomb} WHERE deleted_at < now() - make_interval(secs => $1::double precision / 1000)`,
    countRows: `SELECT COUNT(*)::int AS n FROM ${table}`,
  };
}
