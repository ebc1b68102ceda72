/**
 * The `users_enriched` row: the 21 columns of the original Flink job's sink table, in order, then the
 * extras this library adds after them (never instead of them).
 */

/**
 * The fields of a seed row, in the seed's order: the record's own data, which the enricher reads and the
 * `users_enriched` row carries through unchanged.
 *
 * @example
 * SEED_ROW_FIELDS.includes('postal_code'); // true
 */
export const SEED_ROW_FIELDS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'address',
  'city',
  'state',
  'country',
  'postal_code',
  'created_at',
  'updated_at',
  'source_system',
] as const;

/** The 21 `users_enriched` columns of the original pipeline, in table order. */
export const USERS_ENRICHED_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'email_domain',
  'phone',
  'address',
  'city',
  'state',
  'country',
  'postal_code',
  'created_at',
  'updated_at',
  'source_system',
  'migration_timestamp',
  'cdc_operation',
  'full_name',
  'email_category',
  'inferred_country',
  'is_valid_email_flag',
  'normalized_email',
] as const;

/**
 * Extra columns, after the 21 (documented in docs/enrich.md):
 * - `phone_e164`: the phone in E.164 when it is a valid number, else null (`phone_e164 !== null` implies `phone_valid`);
 * - `phone_country`: the phone's region, null when unknown or shared (NANP toll-free, ...);
 * - `phone_valid`: libphonenumber validity, null when there is no parseable phone;
 * - `country_code`: ISO alpha-2 of the record's own `country` field when it names one country;
 * - `postal_code_normalized`: the postal code in its country's canonical form, when the country is known;
 * - `inferred_country_confidence`: 1 when `inferred_country` comes from the `country` field, else the
 *   postal inference confidence (0..1), null when there was nothing to infer from;
 * - `email_registrable_domain`: the registrable domain (`cs.stanford.edu` → `stanford.edu`);
 * - `email_is_role`: true for role accounts (`info@`, `support@`, ...), null when there is no email;
 * - `email_suggested_domain`: the common provider the domain is probably a typo of (`gmial.com` → `gmail.com`);
 * - `cdc_sequence`: the source position (the seed's `cdc_sequence`, an LSN, ...), null when unknown;
 * - `cdc_timestamp`: the source commit time (ISO-8601), null when unknown.
 */
export const EXTRA_COLUMNS = [
  'phone_e164',
  'phone_country',
  'phone_valid',
  'country_code',
  'postal_code_normalized',
  'inferred_country_confidence',
  'email_registrable_domain',
  'email_is_role',
  'email_suggested_domain',
  'cdc_sequence',
  'cdc_timestamp',
] as const;

/**
 * The six enrichment columns of the original Flink job, in `users_enriched` order (the first of
 * {@link ENRICHMENT_COLUMNS}).
 *
 * @example
 * ORIGINAL_ENRICHMENT_COLUMNS.includes('full_name'); // true
 */
export const ORIGINAL_ENRICHMENT_COLUMNS = [
  'email_domain',
  'email_category',
  'is_valid_email_flag',
  'normalized_email',
  'full_name',
  'inferred_country',
] as const;

/** Every column of an {@link EnrichedUser}, in output order. */
export const ENRICHED_USER_COLUMNS = [...USERS_ENRICHED_COLUMNS, ...EXTRA_COLUMNS] as const;

/**
 * The enrichment columns of a mapped table's output, in order, under their `users_enriched` names: the six of
 * the original job, then the extras. They follow the source columns and precede {@link CDC_METADATA_COLUMNS}.
 *
 * @example
 * ENRICHMENT_COLUMNS[0]; // 'email_domain'
 */
export const ENRICHMENT_COLUMNS: readonly EnrichmentColumn[] = [
  ...ORIGINAL_ENRICHMENT_COLUMNS,
  ...EXTRA_COLUMNS.filter((c): c is Exclude<(typeof EXTRA_COLUMNS)[number], `cdc_${string}`> => !c.startsWith('cdc_')),
];

/** An enrichment column name. */
export type EnrichmentColumn =
  | (typeof ORIGINAL_ENRICHMENT_COLUMNS)[number]
  | Exclude<(typeof EXTRA_COLUMNS)[number], `cdc_${string}`>;

/**
 * The CDC metadata columns that end a mapped table's output row.
 *
 * @example
 * CDC_METADATA_COLUMNS; // ['cdc_operation', 'cdc_sequence', 'cdc_timestamp', 'migration_timestamp']
 */
export const CDC_METADATA_COLUMNS = ['cdc_operation', 'cdc_sequence', 'cdc_timestamp', 'migration_timestamp'] as const;

/** The values of the enrichment columns (see {@link ENRICHED_USER_COLUMNS} for their meaning). */
export interface EnrichmentValues {
  /** Lowercased host part of the email (ASCII/punycode form), even when the address is invalid. */
  email_domain: string | null;
  /** null only when there is no email. */
  email_category: EnrichedEmailCategory | null;
  /** null only when there is no email. */
  is_valid_email_flag: boolean | null;
  /** null when the email is missing or invalid. */
  normalized_email: string | null;
  full_name: string | null;
  /** ISO alpha-2 from the country column, else from the postal code with hints; null when not enough evidence. */
  inferred_country: string | null;
  /** E.164 of a valid phone only (`phone_e164 !== null` implies `phone_valid`). */
  phone_e164: string | null;
  phone_country: string | null;
  phone_valid: boolean | null;
  country_code: string | null;
  postal_code_normalized: string | null;
  inferred_country_confidence: number | null;
  email_registrable_domain: string | null;
  email_is_role: boolean | null;
  email_suggested_domain: string | null;
}

/** The CDC metadata values that end every output row. */
export interface CdcMetadataValues {
  cdc_operation: CdcOperation;
  /** The source position (integers as numbers, beyond 2^53 as decimal strings), null when unknown. */
  cdc_sequence: number | string | null;
  cdc_timestamp: string | null;
  /** When this row was enriched (ISO-8601, from the enricher's clock). */
  migration_timestamp: string;
}

/**
 * The output row of a mapped table: the source row's own columns, then the enrichment columns, then the CDC
 * metadata. Enrichment columns are optional because a column derived from a value the source did not send
 * (Debezium TOAST, `ChangeEvent.unavailable`) is absent, not null, so an upsert keeps the stored value.
 *
 * @example
 * type Customer = { customer_id: number; email_address: string | null };
 * declare const row: EnrichedRow<Customer>;
 * row.customer_id; row.email_domain; row.cdc_operation;
 */
export type EnrichedRow<R extends object = Record<string, unknown>> = R & Partial<EnrichmentValues> & CdcMetadataValues;

import type { EmailCategory } from '../email/index.js';

/** The `users_enriched` email categories (the email module's categories). */
export type EnrichedEmailCategory = EmailCategory;

/** `cdc_operation` values, as the original job wrote them. */
export type CdcOperation = 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * One `users_enriched` row. Keys are the column names in snake_case, in {@link ENRICHED_USER_COLUMNS} order.
 * Source columns keep the record's own text (numbers in text columns are written as decimal strings).
 */
export interface EnrichedUser extends EnrichmentValues, CdcMetadataValues {
  /** The record id: a safe integer, a decimal string for integers beyond 2^53 (exact), or a text key (UUID). */
  id: number | string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  postal_code: string | null;
  created_at: string | null;
  updated_at: string | null;
  source_system: string | null;
}
