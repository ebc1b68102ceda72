/**
 * The SQL shared by the PostgreSQL (node-postgres) and PGlite sinks: one DDL, one upsert, one delete.
 * Values only ever travel as bind parameters or `unnest` arrays, never spliced into SQL text.
 */

/** A `users_enriched` column: its name and PostgreSQL type. */
export interface Column {
  name: string;
  type: 'BIGINT' | 'TEXT' | 'BOOLEAN' | 'TIMESTAMPTZ' | 'DOUBLE PRECISION';
}

/**
 * The seed's 21 `users_enriched` columns in order (the Flink job's sink table), then the enricher's extras.
 * `id` is the primary key; `cdc_sequence` (the source position when it is an integer) guards against regressions.
 */
export const USERS_ENRICHED_COLUMNS: readonly Column[] = [
  { name: 'id', type: 'BIGINT' },
  { name: 'first_name', type: 'TEXT' },
  { name: 'last_name', type: 'TEXT' },
  { name: 'email', type: 'TEXT' },
  { name: 'email_domain', type: 'TEXT' },
  { name: 'phone', type: 'TEXT' },
  { name: 'address', type: 'TEXT' },
  { name: 'city', type: 'TEXT' },
  { name: 'state', type: 'TEXT' },
  { name: 'country', type: 'TEXT' },
  { name: 'postal_code', type: 'TEXT' },
  { name: 'created_at', type: 'TIMESTAMPTZ' },
  { name: 'updated_at', type: 'TIMESTAMPTZ' },
  { name: 'source_system', type: 'TEXT' },
  { name: 'migration_timestamp', type: 'TIMESTAMPTZ' },
  { name: 'cdc_operation', type: 'TEXT' },
  { name: 'full_name', type: 'TEXT' },
  { name: 'email_category', type: 'TEXT' },
  { name: 'inferred_country', type: 'TEXT' },
  { name: 'is_valid_email_flag', type: 'BOOLEAN' },
  { name: 'normalized_email', type: 'TEXT' },
  // Extras from the enricher (see src/enrich): after the seed's 21 so `SELECT *` keeps the seed's order first.
  { name: 'phone_e164', type: 'TEXT' },
  { name: 'country_code', type: 'TEXT' },
  { name: 'email_registrable_domain', type: 'TEXT' },
  { name: 'email_is_role', type: 'BOOLEAN' },
  { name: 'cdc_sequence', type: 'BIGINT' },
  { name: 'cdc_timestamp', type: 'TIMESTAMPTZ' },
  { name: 'phone_country', type: 'TEXT' },
  { name: 'phone_valid', type: 'BOOLEAN' },
  { name: 'postal_code_normalized', type: 'TEXT' },
  { name: 'inferred_country_confidence', type: 'DOUBLE PRECISION' },
];

/** Index of a column by name (built once). */
export const COLUMN_INDEX: ReadonlyMap<string, number> = new Map(USERS_ENRICHED_COLUMNS.map((c, i) => [c.name, i]));

const SEQUENCE_COLUMN = COLUMN_INDEX.get('cdc_sequence')!;
/** Position of `cdc_sequence` in a row tuple. */
export const SEQUENCE_INDEX: number = SEQUENCE_COLUMN;

/**
 * Idempotent DDL: tables, the tombstone table, the dead-letter table, the offsets table and the
 * `user_analytics` view. Safe to run at every start and by several workers at once (a transaction-level
 * advisory lock serializes concurrent starts, because concurrent `CREATE ... IF NOT EXISTS` can still race
 * on the catalog).
 */
export const SCHEMA_SQL: string = `
CREATE TABLE IF NOT EXISTS users_enriched (
${USERS_ENRICHED_COLUMNS.map((c) => `  ${c.name} ${c.type}${c.name === 'id' ? ' PRIMARY KEY' : ''}`).join(',\n')}
);
-- Extras added after a table was first created (new enricher columns) are added in place.
${USERS_ENRICHED_COLUMNS.slice(21)
  .map((c) => `ALTER TABLE users_enriched ADD COLUMN IF NOT EXISTS ${c.name} ${c.type};`)
  .join('\n')}

-- A deleted key remembers the position of its delete, so an older insert/update replayed later
-- (after a crash, or delivered out of order across sources) cannot resurrect the row.
CREATE TABLE IF NOT EXISTS users_enriched_tombstones (
  id BIGINT PRIMARY KEY,
  cdc_sequence BIGINT,
  deleted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Poison messages: kept with their raw bytes so they can be inspected and replayed.
CREATE TABLE IF NOT EXISTS cdc_dead_letters (
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  kafka_partition INTEGER NOT NULL,
  kafka_offset BIGINT NOT NULL,
  error_code TEXT NOT NULL,
  error_message TEXT NOT NULL,
  raw_value BYTEA,
  dead_lettered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, kafka_partition, kafka_offset)
);

-- The next offset to read per (group, topic, partition), written in the same transaction as the rows.
CREATE TABLE IF NOT EXISTS cdc_offsets (
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  kafka_partition INTEGER NOT NULL,
  next_offset BIGINT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, kafka_partition)
);

CREATE OR REPLACE VIEW user_analytics AS
SELECT
  inferred_country,
  email_category,
  COUNT(*) AS user_count,
  COUNT(*) FILTER (WHERE is_valid_email_flag) AS valid_email_count,
  MAX(migration_timestamp) AS last_migration_time
FROM users_enriched
GROUP BY inferred_country, email_category;
`;

/** Key of the advisory lock that serializes schema creation across workers. */
export const SCHEMA_LOCK_KEY = 4_242_006;

const columnList = USERS_ENRICHED_COLUMNS.map((c) => c.name).join(', ');
const unnestArgs = USERS_ENRICHED_COLUMNS.map((c, i) => `$${i + 1}::${c.type.toLowerCase()}[]`).join(', ');
const updateSet = USERS_ENRICHED_COLUMNS.filter((c) => c.name !== 'id')
  .map((c) => `${c.name} = EXCLUDED.${c.name}`)
  .join(', ');

/**
 * Upsert of a whole batch as one statement: one array parameter per column, `unnest`ed into rows.
 * - No regression: an existing row is replaced only by a strictly newer `cdc_sequence`
 *   (a NULL position on either side means "no order known": the later write wins).
 * - No resurrection: a row is not written when a tombstone at the same or a newer position exists.
 * The batch must hold each id at most once (ON CONFLICT cannot touch a row twice); the sink collapses.
 */
export const UPSERT_SQL: string = `
INSERT INTO users_enriched (${columnList})
SELECT u.* FROM unnest(${unnestArgs}) AS u(${columnList})
WHERE NOT EXISTS (
  SELECT 1 FROM users_enriched_tombstones t
  WHERE t.id = u.id AND t.cdc_sequence IS NOT NULL AND u.cdc_sequence IS NOT NULL AND t.cdc_sequence >= u.cdc_sequence
)
ON CONFLICT (id) DO UPDATE SET ${updateSet}
WHERE users_enriched.cdc_sequence IS NULL OR EXCLUDED.cdc_sequence IS NULL
   OR users_enriched.cdc_sequence < EXCLUDED.cdc_sequence`;

/**
 * Deletes of a batch ($1 ids, $2 positions): removes rows not newer than the delete and records a tombstone
 * (keeping the newest delete position per id). Returns the number of rows removed.
 */
export const DELETE_SQL = `
WITH d AS (
  SELECT * FROM unnest($1::bigint[], $2::bigint[]) AS d(id, cdc_sequence)
), removed AS (
  DELETE FROM users_enriched e USING d
  WHERE e.id = d.id AND (e.cdc_sequence IS NULL OR d.cdc_sequence IS NULL OR e.cdc_sequence < d.cdc_sequence)
  RETURNING e.id
), tomb AS (
  INSERT INTO users_enriched_tombstones AS t (id, cdc_sequence, deleted_at)
  SELECT id, cdc_sequence, now() FROM d
  ON CONFLICT (id) DO UPDATE SET cdc_sequence = EXCLUDED.cdc_sequence, deleted_at = EXCLUDED.deleted_at
  WHERE t.cdc_sequence IS NULL OR EXCLUDED.cdc_sequence IS NULL OR t.cdc_sequence < EXCLUDED.cdc_sequence
)
SELECT COUNT(*)::int AS removed FROM removed`;

/** Creates missing offset rows ($1 group, $2 topic, $3 partitions) at offset 0 so they can be locked. */
export const OFFSETS_ENSURE_SQL = `
INSERT INTO cdc_offsets (group_id, topic, kafka_partition, next_offset)
SELECT $1, $2, p, 0 FROM unnest($3::int[]) AS x(p)
ON CONFLICT (group_id, topic, kafka_partition) DO NOTHING`;

/**
 * Locks the offset rows of the batch's partitions for the transaction. Two workers that briefly own the same
 * partition during a rebalance serialize here, and the second one sees the first one's offsets.
 */
export const OFFSETS_LOCK_SQL = `
SELECT kafka_partition, next_offset::text AS next_offset FROM cdc_offsets
WHERE group_id = $1 AND topic = $2 AND kafka_partition = ANY($3::int[])
ORDER BY kafka_partition
FOR UPDATE`;

/** Stores the next offsets ($1 group, $2 topic, $3 partitions, $4 next offsets). */
export const OFFSETS_UPDATE_SQL = `
UPDATE cdc_offsets o SET next_offset = x.n, updated_at = now()
FROM unnest($3::int[], $4::bigint[]) AS x(p, n)
WHERE o.group_id = $1 AND o.topic = $2 AND o.kafka_partition = x.p AND o.next_offset < x.n`;

/** Reads stored offsets ($1 group, $2 topic, $3 partitions). */
export const OFFSETS_SELECT_SQL = `
SELECT kafka_partition, next_offset::text AS next_offset FROM cdc_offsets
WHERE group_id = $1 AND topic = $2 AND kafka_partition = ANY($3::int[])`;

/** Inserts one dead letter. Rare, so one row per statement keeps BYTEA handling simple in both drivers. */
export const DEAD_LETTER_SQL = `
INSERT INTO cdc_dead_letters (group_id, topic, kafka_partition, kafka_offset, error_code, error_message, raw_value)
VALUES ($1, $2, $3, $4::bigint, $5, $6, $7)
ON CONFLICT DO NOTHING`;
