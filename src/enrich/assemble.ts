/**
 * The last step: the output row. Two layouts: the seed `users` table's `users_enriched` row (the default
 * mapping, unchanged since the original job), and a mapped table's row (its own columns, then the enrichment
 * columns, then the CDC metadata). Plus the removal of values derived from columns the source did not send.
 */
import {
  CDC_METADATA_COLUMNS,
  type CdcOperation,
  ENRICHMENT_COLUMNS,
  type EnrichedUser,
  type EnrichmentColumn,
} from './columns.js';
import type { Derived, RoleText } from './derive.js';
import type { TextRole } from './mapping.js';

/** The CDC metadata of one output row. */
export interface RowMeta {
  operation: CdcOperation;
  sequence: number | string | null;
  timestamp: string | null;
  migratedAt: string;
}

/** The `users_enriched` row: the 21 columns of the original job in order, then the extras. */
export function assembleUser(id: number | string, text: RoleText, d: Derived, meta: RowMeta): EnrichedUser {
  const email = d.email;
  const phone = d.phone;
  const validPhone = phone?.valid === true;
  return {
    id,
    first_name: text.first_name,
    last_name: text.last_name,
    email: text.email,
    email_domain: email?.domain ?? null,
    phone: text.phone,
    address: text.address,
    city: text.city,
    state: text.state,
    country: text.country,
    postal_code: text.postal_code,
    created_at: text.created_at,
    updated_at: text.updated_at,
    source_system: text.source_system,
    migration_timestamp: meta.migratedAt,
    cdc_operation: meta.operation,
    full_name: d.fullName,
    email_category: email?.category ?? null,
    inferred_country: d.inferredCountry,
    is_valid_email_flag: email === null ? null : email.validation.valid,
    normalized_email: email?.normalized ?? null,
    phone_e164: validPhone ? phone.e164 : null,
    phone_country: validPhone ? phone.country : null,
    phone_valid: phone === null ? null : phone.valid,
    country_code: d.countryCode,
    postal_code_normalized: d.postalNormalized,
    inferred_country_confidence: d.confidence,
    email_registrable_domain: email?.registrableDomain ?? null,
    email_is_role: email === null ? null : email.isRole,
    email_suggested_domain: d.suggestedDomain,
    cdc_sequence: meta.sequence,
    cdc_timestamp: meta.timestamp,
  };
}

/** Output names a source column cannot take: the enrichment and metadata columns come after and win. */
const RESERVED: ReadonlySet<string> = new Set<string>([...ENRICHMENT_COLUMNS, ...CDC_METADATA_COLUMNS]);

/**
 * True when a source column passes through under its own name (it is not an enrichment or metadata name).
 *
 * @example
 * passesThrough('customer_id'); // true
 * passesThrough('full_name'); // false: the enrichment column of that name replaces it
 */
export function passesThrough(column: string): boolean {
  return !RESERVED.has(column);
}

/**
 * A mapped table's row: the source row's own enumerable columns in source order (bigints as decimal strings),
 * then {@link ENRICHMENT_COLUMNS}, then {@link CDC_METADATA_COLUMNS}.
 */
export function assembleMapped(row: Record<string, unknown>, d: Derived, meta: RowMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column in row) {
    if (RESERVED.has(column)) continue;
    const value = row[column];
    const exact = typeof value === 'bigint' ? value.toString() : value;
    // `__proto__` is an ordinary column here: define it rather than hit Object.prototype's setter.
    if (column === '__proto__') Object.defineProperty(out, column, { value: exact, enumerable: true, writable: true });
    else out[column] = exact;
  }
  const email = d.email;
  const phone = d.phone;
  const validPhone = phone?.valid === true;
  out['email_domain'] = email?.domain ?? null;
  out['email_category'] = email?.category ?? null;
  out['is_valid_email_flag'] = email === null ? null : email.validation.valid;
  out['normalized_email'] = email?.normalized ?? null;
  out['full_name'] = d.fullName;
  out['inferred_country'] = d.inferredCountry;
  out['phone_e164'] = validPhone ? phone.e164 : null;
  out['phone_country'] = validPhone ? phone.country : null;
  out['phone_valid'] = phone === null ? null : phone.valid;
  out['country_code'] = d.countryCode;
  out['postal_code_normalized'] = d.postalNormalized;
  out['inferred_country_confidence'] = d.confidence;
  out['email_registrable_domain'] = email?.registrableDomain ?? null;
  out['email_is_role'] = email === null ? null : email.isRole;
  out['email_suggested_domain'] = d.suggestedDomain;
  out['cdc_operation'] = meta.operation;
  out['cdc_sequence'] = meta.sequence;
  out['cdc_timestamp'] = meta.timestamp;
  out['migration_timestamp'] = meta.migratedAt;
  return out;
}

const EMAIL: readonly TextRole[] = ['email'];
const NAME: readonly TextRole[] = ['first_name', 'last_name'];
const PHONE: readonly TextRole[] = ['phone', 'country'];
const COUNTRY: readonly TextRole[] = ['country'];
const LOCATION: readonly TextRole[] = ['country', 'postal_code', 'state', 'city', 'phone', 'email'];

/**
 * The roles each enrichment column reads. A column derived from a value the source did not send is left out
 * of the row (an upsert then keeps the stored value) rather than computed from a partial record.
 */
export const ENRICHMENT_INPUTS: Readonly<Record<EnrichmentColumn, readonly TextRole[]>> = Object.freeze({
  email_domain: EMAIL,
  email_category: EMAIL,
  is_valid_email_flag: EMAIL,
  normalized_email: EMAIL,
  full_name: NAME,
  inferred_country: LOCATION,
  phone_e164: PHONE,
  phone_country: PHONE,
  phone_valid: PHONE,
  country_code: COUNTRY,
  postal_code_normalized: LOCATION,
  inferred_country_confidence: LOCATION,
  email_registrable_domain: EMAIL,
  email_is_role: EMAIL,
  email_suggested_domain: EMAIL,
});

/**
 * Removes from `out` the unavailable source columns (`dropColumns`, for the `users_enriched` layout whose keys
 * are fixed) and every enrichment column that reads one of the `unavailable` roles. Rare (TOAST updates only),
 * so plain `delete` is fine.
 */
export function dropUnavailable(
  out: Record<string, unknown>,
  unavailable: ReadonlySet<TextRole>,
  dropColumns: readonly string[],
): void {
  for (const column of dropColumns) delete out[column];
  for (const column of ENRICHMENT_COLUMNS) {
    if (ENRICHMENT_INPUTS[column].some((role) => unavailable.has(role))) delete out[column];
  }
}
