/**
 * The seed's `users_enriched` columns, and the SQL of the sink's bookkeeping tables (offsets of record, dead
 * letters) shared by every target table. Per-table SQL is built in table.ts. Values only ever travel as bind
 * parameters or COPY data, never spliced into SQL text.
 */
import type { TableColumn } from './table.js';

/**
 * The seed's 21 `users_enriched` columns in order (the Flink job's sink table), then the enricher's extras.
 * `id` is the primary key; `cdc_sequence` (the source position when it is an integer) guards against regressions.
 */
export const USERS_ENRICHED_COLUMNS: readonly TableColumn[] = [
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

/** Key of the advisory lock that serializes schema creation across workers. */
export const SCHEMA_LOCK_KEY = 4_242_006;

/** The sink's own tables (shared by every target table): offsets of record and dead letters. */
export const BOOKKEEPING_DDL: readonly string[] = [
  // Poison messages: kept with their raw bytes so they can be inspected and replayed.
  `CREATE TABLE IF NOT EXISTS cdc_dead_letters (
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  kafka_partition INTEGER NOT NULL,
  kafka_offset BIGINT NOT NULL,
  error_code TEXT NOT NULL,
  error_message TEXT NOT NULL,
  raw_value BYTEA,
  dead_lettered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, kafka_partition, kafka_offset)
)`,
  // The next offset to read per (group, topic, partition), written in the same transaction as the rows.
  `CREATE TABLE IF NOT EXISTS cdc_offsets (
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  kafka_partition INTEGER NOT NULL,
  next_offset BIGINT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, kafka_partition)
)`,
];

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
