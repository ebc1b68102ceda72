import type { ChangeEvent } from '../cdc/index.js';
import { createEmailAnalyzer } from '../email/index.js';
import { type Country, inferCountryFromPostalCode, normalizeCountry, normalizePostalCode } from '../geo/index.js';
import { buildFullName } from '../name/index.js';
import { createPhoneNormalizer, type NormalizedPhone } from '../phone/index.js';
import { LruCache } from '../shared/lru.js';
import { type CdcOperation, type EnrichedUser, SEED_ROW_FIELDS } from './columns.js';

/**
 * Stable failure codes of the enricher (documented in docs/enrich.md):
 * - `invalid_record`: the input is not a plain object (or a change event without a row);
 * - `missing_id`: no `id` field;
 * - `invalid_id`: `id` is not an integer in the BIGINT range;
 * - `invalid_field`: a text field holds an object, array or boolean;
 * - `field_too_large`: a text field is longer than `maxFieldLength`;
 * - `invalid_operation`: `cdc_operation` is not INSERT/UPDATE/DELETE, or the event is a truncate;
 * - `invalid_sequence`: `cdc_sequence` is neither an integer nor a position string.
 */
export type EnrichErrorCode =
  | 'invalid_record'
  | 'missing_id'
  | 'invalid_id'
  | 'invalid_field'
  | 'field_too_large'
  | 'invalid_operation'
  | 'invalid_sequence';

/** A typed failure; `message` names the field, never its value (no PII). */
export interface EnrichError {
  code: EnrichErrorCode;
  message: string;
  field?: string;
}

/** The outcome of enriching one record. */
export type EnrichResult = { ok: true; value: EnrichedUser } | { ok: false; error: EnrichError };

/** Which enrichments run. All default to true; a disabled one leaves its columns null. */
export interface EnrichmentToggles {
  /** email_domain, email_category, is_valid_email_flag, normalized_email, email_registrable_domain, email_is_role */
  email?: boolean;
  /** phone_e164, phone_country, phone_valid (and the phone hint for postal inference) */
  phone?: boolean;
  /** full_name */
  name?: boolean;
  /** country_code, and inferred_country from the country field */
  country?: boolean;
  /** postal_code_normalized, and inferred_country from the postal code when the country field is empty */
  postal?: boolean;
}

/** Bounds of the enricher's LRU caches, in entries. */
export interface EnricherCacheSizes {
  /** Email analyses keyed by the raw address. Default 20,000. */
  email?: number;
  /** Phone normalizations keyed by raw phone + region. Default 20,000. */
  phone?: number;
  /** Country lookups keyed by the raw country text. Default 2,000. */
  country?: number;
  /** Postal inferences keyed by code + hints. Default 20,000. */
  postal?: number;
}

/** Options of {@link createEnricher}. Invalid options throw a TypeError (programmer misuse). */
export interface EnricherOptions {
  enrichments?: EnrichmentToggles;
  /**
   * ISO alpha-2 region for records whose own country is unknown: the default region for national phone
   * numbers, and an explicit prior for postal-code inference. Default: none (no guessing).
   */
  defaultCountry?: string;
  /** The clock for `migration_timestamp`; pass a fixed one in tests. Default `() => new Date()`. */
  clock?: () => Date;
  /**
   * Cache bounds: one number for every cache, or per cache. 0 disables caching. With the defaults the
   * caches hold at most about 62,000 entries in all (a few tens of MB), whatever the stream length.
   */
  cacheSize?: number | EnricherCacheSizes;
  /** Longest accepted text field, in UTF-16 code units. Longer ones fail with `field_too_large`. Default 4,096. */
  maxFieldLength?: number;
}

/** A cached postal inference. */
interface PostalOutcome {
  country: string | null;
  confidence: number;
  normalized: string | null;
}

/** The seed's change fields, when a plain row carries them. */
export interface RowChangeMeta {
  operation?: CdcOperation;
  sequence?: number | string | null;
  timestamp?: string | null;
}

/** An enricher: reusable, with bounded caches. Never throws on data. */
export interface Enricher {
  /** Enriches a plain row with the seed's field names (and optional `cdc_operation`, `cdc_sequence`, `cdc_timestamp`). */
  enrichRow(row: unknown, meta?: RowChangeMeta): EnrichResult;
  /** Enriches a normalized change event: the row is `after`, or `before` for deletes. */
  enrichEvent(event: ChangeEvent): EnrichResult;
  /** Enriches many plain rows; one result per row, in order. */
  enrichBatch(rows: Iterable<unknown>): EnrichResult[];
  /** Enriches many change events; one result per event, in order. */
  enrichEvents(events: Iterable<ChangeEvent>): EnrichResult[];
}

/** The seed fields read as text: every seed field but `id`. */
const TEXT_FIELDS = SEED_ROW_FIELDS.slice(1) as readonly Exclude<(typeof SEED_ROW_FIELDS)[number], 'id'>[];
type TextField = (typeof TEXT_FIELDS)[number];

const INT64_MAX = 9_223_372_036_854_775_807n;
const INT64_MIN = -9_223_372_036_854_775_808n;
const INTEGER_TEXT = /^-?\d{1,19}$/;

const fail = (code: EnrichErrorCode, message: string, field?: string): EnrichResult => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** A field that failed its type or size check (never `null`, so `x instanceof Problem` means failure only for this). */
class Problem {
  constructor(readonly code: 'invalid_field' | 'field_too_large') {}
}
type FieldProblem = Problem;
const BAD_TYPE: FieldProblem = new Problem('invalid_field');
const TOO_LARGE: FieldProblem = new Problem('field_too_large');

/**
 * A text column's value: strings as they are, finite numbers and bigints as decimal strings, Dates (for the
 * timestamp columns) as ISO-8601; `undefined`, `null` and non-finite numbers as null. Objects, arrays,
 * booleans and over-long strings give a {@link FieldProblem}.
 */
function textValue(v: unknown, name: TextField, maxLength: number): string | null | FieldProblem {
  if (v === undefined || v === null) return null;
  let t: string;
  if (typeof v === 'string') t = v;
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    t = String(v);
  } else if (typeof v === 'bigint') t = v.toString();
  else if ((name === 'created_at' || name === 'updated_at') && v instanceof Date) return toTimestampText(v);
  else return BAD_TYPE;
  return t.length > maxLength ? TOO_LARGE : t;
}

/** The typed failure for the first bad text field (slow path: only runs for bad records). */
function fieldFailure(row: Record<string, unknown>, maxLength: number): EnrichResult {
  for (const name of TEXT_FIELDS) {
    const r = textValue(row[name], name, maxLength);
    if (r === BAD_TYPE) return fail('invalid_field', `${name} has an unsupported type`, name);
    if (r === TOO_LARGE) return fail('field_too_large', `${name} is longer than ${maxLength} characters`, name);
  }
  return fail('invalid_record', 'the record has an invalid field');
}

/** The id as a safe integer or decimal string within BIGINT, or null. */
function toId(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  let text: string;
  if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) text = value.trim();
  else return null;
  const big = BigInt(text);
  if (big > INT64_MAX || big < INT64_MIN) return null;
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(big)
    : big.toString();
}

function toOperation(value: unknown): CdcOperation | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return null;
  switch (value.trim().toUpperCase()) {
    case 'INSERT':
    case 'I':
    case 'C':
    case 'CREATE':
    case 'SNAPSHOT':
    case 'R':
      return 'INSERT';
    case 'UPDATE':
    case 'U':
      return 'UPDATE';
    case 'DELETE':
    case 'D':
      return 'DELETE';
    default:
      return null;
  }
}

function toSequence(value: unknown): number | string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    const t = value.trim();
    if (/^\d{1,15}$/.test(t)) return Number(t);
    return t.length > 0 && t.length <= 128 ? t : undefined;
  }
  return undefined;
}

function toTimestampText(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return null;
}

function resolveCacheSizes(option: EnricherOptions['cacheSize']): Required<EnricherCacheSizes> {
  const defaults = { email: 20_000, phone: 20_000, country: 2_000, postal: 20_000 };
  if (option === undefined) return defaults;
  const check = (n: unknown, name: string): number => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new TypeError(`createEnricher: cacheSize${name} must be a non-negative integer`);
    }
    return n;
  };
  if (typeof option === 'number') {
    const n = check(option, '');
    return { email: n, phone: n, country: n, postal: n };
  }
  if (typeof option !== 'object' || option === null)
    throw new TypeError('createEnricher: cacheSize must be a number or an object');
  return {
    email: option.email === undefined ? defaults.email : check(option.email, '.email'),
    phone: option.phone === undefined ? defaults.phone : check(option.phone, '.phone'),
    country: option.country === undefined ? defaults.country : check(option.country, '.country'),
    postal: option.postal === undefined ? defaults.postal : check(option.postal, '.postal'),
  };
}

/**
 * Creates an enricher that turns seed rows and normalized change events into `users_enriched` rows.
 *
 * @example
 * const enricher = createEnricher({ clock: () => new Date('2026-01-01T00:00:00Z') });
 * const r = enricher.enrichRow({ id: 1, first_name: 'Ada', last_name: 'Lovelace', email: 'Ada@Example.co.uk',
 *   phone: '020 7946 0958', country: 'UK', postal_code: 'sw1a1aa' });
 * if (r.ok) {
 *   r.value.full_name;          // 'Ada Lovelace'
 *   r.value.email_domain;       // 'example.co.uk'
 *   r.value.inferred_country;   // 'GB'
 *   r.value.phone_e164;         // '+442079460958'
 * }
 */
export function createEnricher(options: EnricherOptions = {}): Enricher {
  if (typeof options !== 'object' || options === null) throw new TypeError('createEnricher: options must be an object');
  const toggles = options.enrichments ?? {};
  const doEmail = toggles.email !== false;
  const doPhone = toggles.phone !== false;
  const doName = toggles.name !== false;
  const doCountry = toggles.country !== false;
  const doPostal = toggles.postal !== false;
  const clock = options.clock;
  if (clock !== undefined && typeof clock !== 'function')
    throw new TypeError('createEnricher: clock must be a function');
  // The default clock formats the time once per millisecond, not once per row (toISOString is not free).
  let lastMs = -1;
  let lastIso = '';
  const now =
    clock === undefined
      ? () => {
          const ms = Date.now();
          if (ms !== lastMs) {
            lastMs = ms;
            lastIso = new Date(ms).toISOString();
          }
          return lastIso;
        }
      : () => {
          // A fixed or slow clock returns the same instant for many rows: format it once per distinct ms.
          const date = clock();
          const ms = date instanceof Date ? date.getTime() : Number.NaN;
          if (Number.isNaN(ms)) throw new TypeError('createEnricher: clock must return a valid Date');
          if (ms !== lastMs) {
            lastMs = ms;
            lastIso = date.toISOString();
          }
          return lastIso;
        };
  const maxFieldLength = options.maxFieldLength ?? 4096;
  if (!Number.isInteger(maxFieldLength) || maxFieldLength < 1) {
    throw new TypeError('createEnricher: maxFieldLength must be a positive integer');
  }
  let defaultCountry: string | undefined;
  if (options.defaultCountry !== undefined) {
    const c = normalizeCountry(options.defaultCountry);
    if (c === null || options.defaultCountry.length !== 2) {
      throw new TypeError('createEnricher: defaultCountry must be an ISO 3166-1 alpha-2 code');
    }
    defaultCountry = c.alpha2;
  }
  const inferOptions = defaultCountry === undefined ? undefined : { defaultCountry };
  const sizes = resolveCacheSizes(options.cacheSize);

  const countryCache = new LruCache<string, Country | 0>(sizes.country);
  const postalCache = new LruCache<string, PostalOutcome | 0>(sizes.postal);
  const normalizedPostalCache = new LruCache<string, string | 0>(sizes.postal);
  const normalizePostalCached = (code: string, alpha2: string): string | null => {
    const key = `${alpha2}\u0000${code}`;
    const hit = normalizedPostalCache.get(key);
    if (hit !== undefined) return hit === 0 ? null : hit;
    const n = normalizePostalCode(code, alpha2);
    normalizedPostalCache.set(key, n ?? 0);
    return n;
  };
  const normalizePhoneCached = createPhoneNormalizer({ cacheSize: sizes.phone });

  const analyzeEmailCached = createEmailAnalyzer({ cacheSize: sizes.email });
  const countryCached = (text: string): Country | null => {
    const hit = countryCache.get(text);
    if (hit !== undefined) return hit === 0 ? null : hit;
    const c = normalizeCountry(text);
    countryCache.set(text, c ?? 0);
    return c;
  };
  const inferCached = (
    code: string,
    state: string | null,
    city: string | null,
    phone: NormalizedPhone | null,
    emailDomain: string | null,
  ): PostalOutcome | null => {
    const callingCode = phone?.callingCode ?? '';
    const key = `${code}\u0000${state ?? ''}\u0000${city ?? ''}\u0000${callingCode}\u0000${emailDomain ?? ''}`;
    const hit = postalCache.get(key);
    if (hit !== undefined) return hit === 0 ? null : hit;
    const r = inferCountryFromPostalCode(
      code,
      { state, city, phone: phone === null ? null : { callingCode: phone.callingCode }, emailDomain },
      inferOptions,
    );
    const value =
      r.candidates.length === 0
        ? null
        : {
            country: r.country,
            confidence: r.confidence,
            normalized: r.country === null ? null : normalizePostalCode(code, r.country),
          };
    postalCache.set(key, value ?? 0);
    return value;
  };

  function enrich(
    record: unknown,
    operation: CdcOperation,
    sequence: number | string | null,
    timestamp: string | null,
  ): EnrichResult {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return fail('invalid_record', 'the record is not an object');
    }
    const row = record as Record<string, unknown>;
    const rawId = row['id'];
    if (rawId === undefined || rawId === null || rawId === '') return fail('missing_id', 'the record has no id', 'id');
    const id = toId(rawId);
    if (id === null) return fail('invalid_id', 'id is not an integer in the BIGINT range', 'id');

    // Unrolled, named field reads: a loop of keyed loads over a key array is megamorphic and several times
    // slower on this hot path.
    const first_name = textValue(row['first_name'], 'first_name', maxFieldLength);
    const last_name = textValue(row['last_name'], 'last_name', maxFieldLength);
    const emailText = textValue(row['email'], 'email', maxFieldLength);
    const phoneText = textValue(row['phone'], 'phone', maxFieldLength);
    const address = textValue(row['address'], 'address', maxFieldLength);
    const city = textValue(row['city'], 'city', maxFieldLength);
    const state = textValue(row['state'], 'state', maxFieldLength);
    const country = textValue(row['country'], 'country', maxFieldLength);
    const postal_code = textValue(row['postal_code'], 'postal_code', maxFieldLength);
    const created_at = textValue(row['created_at'], 'created_at', maxFieldLength);
    const updated_at = textValue(row['updated_at'], 'updated_at', maxFieldLength);
    const source_system = textValue(row['source_system'], 'source_system', maxFieldLength);
    if (
      first_name instanceof Problem ||
      last_name instanceof Problem ||
      emailText instanceof Problem ||
      phoneText instanceof Problem ||
      address instanceof Problem ||
      city instanceof Problem ||
      state instanceof Problem ||
      country instanceof Problem ||
      postal_code instanceof Problem ||
      created_at instanceof Problem ||
      updated_at instanceof Problem ||
      source_system instanceof Problem
    ) {
      return fieldFailure(row, maxFieldLength);
    }
    const text = {
      first_name: first_name as string | null,
      last_name: last_name as string | null,
      email: emailText as string | null,
      phone: phoneText as string | null,
      address: address as string | null,
      city: city as string | null,
      state: state as string | null,
      country: country as string | null,
      postal_code: postal_code as string | null,
      created_at: created_at as string | null,
      updated_at: updated_at as string | null,
      source_system: source_system as string | null,
    };

    // Email (RFC 5321/5322 subset, ICANN public suffix); null columns when there is no email.
    const email = doEmail && text.email !== null ? analyzeEmailCached(text.email) : null;

    // Country named by the record itself: free text or codes, O(1) index.
    const given = doCountry && text.country !== null ? countryCached(text.country) : null;

    // Phone: the record's own country is the default region for nationally written numbers.
    const phoneRegion = given?.alpha2 ?? defaultCountry;
    const phone =
      doPhone && text.phone !== null
        ? normalizePhoneCached(text.phone, phoneRegion === undefined ? undefined : { defaultCountry: phoneRegion })
        : null;

    let inferred: string | null = null;
    let confidence: number | null = null;
    let postalNormalized: string | null = null;
    if (given !== null) {
      inferred = given.alpha2;
      confidence = 1;
      if (doPostal && text.postal_code !== null)
        postalNormalized = normalizePostalCached(text.postal_code, given.alpha2);
    } else if (doPostal && text.postal_code !== null) {
      // Only the email's top-level label is evidence (a ccTLD), so it alone goes into the cache key.
      const domain = email?.domain ?? null;
      const tld = domain === null ? null : domain.slice(domain.lastIndexOf('.') + 1);
      const r = inferCached(text.postal_code, text.state, text.city, phone, tld === null ? null : `x.${tld}`);
      if (r !== null) {
        inferred = r.country;
        confidence = r.confidence;
        postalNormalized = r.normalized;
      }
    }

    const value: EnrichedUser = {
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
      migration_timestamp: now(),
      cdc_operation: operation,
      full_name: doName ? buildFullName(text.first_name, text.last_name) : null,
      email_category: email?.category ?? null,
      inferred_country: inferred,
      is_valid_email_flag: email === null ? null : email.validation.valid,
      normalized_email: email?.normalized ?? null,
      phone_e164: phone?.e164 ?? null,
      phone_country: phone?.country ?? null,
      phone_valid: phone === null ? null : phone.valid,
      country_code: given?.alpha2 ?? null,
      postal_code_normalized: postalNormalized,
      inferred_country_confidence: confidence,
      email_registrable_domain: email?.registrableDomain ?? null,
      email_is_role: email === null ? null : email.isRole,
      cdc_sequence: sequence,
      cdc_timestamp: timestamp,
    };
    return { ok: true, value };
  }

  function enrichRow(row: unknown, meta?: RowChangeMeta): EnrichResult {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return fail('invalid_record', 'the record is not an object');
    }
    const r = row as Record<string, unknown>;
    const op = meta?.operation ?? toOperation(r['cdc_operation']);
    if (op === null) return fail('invalid_operation', 'cdc_operation is not INSERT, UPDATE or DELETE', 'cdc_operation');
    const seq = meta?.sequence !== undefined ? meta.sequence : toSequence(r['cdc_sequence']);
    if (seq === undefined)
      return fail('invalid_sequence', 'cdc_sequence is not an integer or position', 'cdc_sequence');
    const rawTs = r['cdc_timestamp'];
    if (meta?.timestamp === undefined && rawTs !== undefined && rawTs !== null) {
      // Same rules as the text fields: a wrong type or an absurd size is a typed failure, not a silent null
      // (ISO-8601 needs under 40 characters; the bound is the common maxFieldLength).
      if (typeof rawTs === 'string' && rawTs.length > maxFieldLength) {
        return fail('field_too_large', `cdc_timestamp is longer than ${maxFieldLength} characters`, 'cdc_timestamp');
      }
      if (typeof rawTs !== 'string' && typeof rawTs !== 'number' && !(rawTs instanceof Date)) {
        return fail('invalid_field', 'cdc_timestamp has an unsupported type', 'cdc_timestamp');
      }
    }
    const ts = meta?.timestamp !== undefined ? meta.timestamp : toTimestampText(rawTs);
    return enrich(r, op ?? 'INSERT', seq, ts);
  }

  function enrichEvent(event: ChangeEvent): EnrichResult {
    if (typeof event !== 'object' || event === null) return fail('invalid_record', 'the event is not an object');
    let operation: CdcOperation;
    switch (event.op) {
      case 'insert':
      case 'snapshot':
        operation = 'INSERT';
        break;
      case 'update':
        operation = 'UPDATE';
        break;
      case 'delete':
        operation = 'DELETE';
        break;
      default:
        return fail('invalid_operation', 'only insert, snapshot, update and delete events make rows', 'op');
    }
    const row = operation === 'DELETE' ? event.before : event.after;
    if (row === null || row === undefined) return fail('invalid_record', 'the event carries no row image', 'after');
    const seq = toSequence(event.position);
    if (seq === undefined) return fail('invalid_sequence', 'the event position is not usable', 'position');
    return enrich(row, operation, seq, typeof event.timestamp === 'string' ? event.timestamp : null);
  }

  return {
    enrichRow,
    enrichEvent,
    enrichBatch(rows) {
      const out: EnrichResult[] = [];
      for (const row of rows) out.push(enrichRow(row));
      return out;
    },
    enrichEvents(events) {
      const out: EnrichResult[] = [];
      for (const e of events) out.push(enrichEvent(e));
      return out;
    },
  };
}
