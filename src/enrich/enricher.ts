import type { ChangeEvent } from '../cdc/index.js';
import { ROW_PROTOTYPE } from '../cdc/internal.js';
import type { Failure, FailurePath } from '../shared/errors.js';
import { assembleMapped, assembleUser, dropUnavailable, passesThrough, type RowMeta } from './assemble.js';
import {
  CDC_METADATA_COLUMNS,
  type CdcOperation,
  ENRICHED_USER_COLUMNS,
  ENRICHMENT_COLUMNS,
  type EnrichedRow,
  type EnrichedUser,
} from './columns.js';
import { createDerivations, type Derived, type RoleText } from './derive.js';
import { type ColumnMapping, type ResolvedColumnMapping, TEXT_ROLES, type TextRole } from './mapping.js';
import { type EnricherOptions, resolveEnricherOptions } from './options.js';
import { keyValue, Refusal, TOO_LARGE, textValue, toOperation, toSequence, toTimestampText } from './values.js';

/**
 * The enricher's failure codes (the shared registry, docs/errors.md):
 * - `invalid_record`: the input is not an object (or a change event without the row it needs);
 * - `missing_id`: a key column has no value;
 * - `invalid_id`: a key column holds neither an exact integer nor a non-empty string;
 * - `invalid_field`: a mapped text column holds an object, array or boolean;
 * - `too_large`: a mapped column is longer than `maxFieldLength`;
 * - `invalid_operation`: `cdc_operation` is not INSERT/UPDATE/DELETE, or the event is a truncate;
 * - `invalid_sequence`: `cdc_sequence` / the position is neither an integer nor a position string.
 */
export type EnrichErrorCode =
  | 'invalid_record'
  | 'missing_id'
  | 'invalid_id'
  | 'invalid_field'
  | 'too_large'
  | 'invalid_operation'
  | 'invalid_sequence';

/**
 * A typed failure (the shared failure model): `path` locates the value in the input (`['customer_id']` for a
 * row, `['after', 'customer_id']` for an event); `message` names the column, never its value (no PII).
 */
export interface EnrichError extends Failure<EnrichErrorCode> {
  /** @deprecated The column name; use `path`, whose last element it is. Kept because the type promised it. */
  field?: string;
}

/** The outcome of enriching one record. */
export type EnrichResult<T = EnrichedUser> = { ok: true; value: T } | { ok: false; error: EnrichError };

/** A plain row's change fields, when the caller knows them (else read from the row's `cdc_*` fields). */
export interface RowChangeMeta {
  operation?: CdcOperation;
  sequence?: number | string | null;
  timestamp?: string | null;
  /** Columns whose value the source did not send (as `ChangeEvent.unavailable`). */
  unavailable?: readonly string[];
}

/** An enricher: reusable, with bounded caches. Never throws on data. */
export interface Enricher<T = EnrichedUser> {
  /** Enriches a plain row (and its optional `cdc_operation`, `cdc_sequence`, `cdc_timestamp` fields). */
  enrichRow(row: unknown, meta?: RowChangeMeta): EnrichResult<T>;
  /** Enriches a normalized change event: the row is `after`, or `before` for deletes. */
  enrichEvent(event: ChangeEvent): EnrichResult<T>;
  /** Enriches many plain rows; one result per row, in order. */
  enrichBatch(rows: Iterable<unknown>): EnrichResult<T>[];
  /** Enriches many change events; one result per event, in order. */
  enrichEvents(events: Iterable<ChangeEvent>): EnrichResult<T>[];
  /** The column mapping in use, resolved (key columns, role → column). */
  readonly mapping: ResolvedColumnMapping;
  /**
   * The output columns, in order, for rows with these source columns: `ENRICHED_USER_COLUMNS` for the default
   * mapping; else the source columns (but enrichment and metadata names), `ENRICHMENT_COLUMNS`,
   * `CDC_METADATA_COLUMNS`. Lets a sink create `<table>_enriched`.
   */
  outputColumns(sourceColumns: readonly string[]): string[];
}

const fail = (code: EnrichErrorCode, message: string, path: FailurePath = []): { ok: false; error: EnrichError } => {
  const column = path.length > 0 ? path[path.length - 1] : undefined;
  return {
    ok: false,
    error: typeof column === 'string' ? { code, message, path, field: column } : { code, message, path },
  };
};

/** A formatter of the clock: each distinct millisecond is formatted once (toISOString is not free). */
function createNow(clock: (() => Date) | undefined): () => string {
  let lastMs = -1;
  let lastIso = '';
  if (clock === undefined) {
    return () => {
      const ms = Date.now();
      if (ms !== lastMs) {
        lastMs = ms;
        lastIso = new Date(ms).toISOString();
      }
      return lastIso;
    };
  }
  return () => {
    const date = clock();
    const ms = date instanceof Date ? date.getTime() : Number.NaN;
    if (Number.isNaN(ms)) throw new TypeError('createEnricher: clock must return a valid Date');
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = date.toISOString();
    }
    return lastIso;
  };
}

/** Why a key value was refused, as a failure. */
function keyFailure(v: undefined | Refusal, column: string, at: FailurePath): { ok: false; error: EnrichError } {
  const path = [...at, column];
  if (v === undefined) return fail('missing_id', `key column ${column} has no value`, path);
  if (v === TOO_LARGE) return fail('too_large', `key column ${column} is too long`, path);
  return fail('invalid_id', `key column ${column} holds neither an exact integer nor a text key`, path);
}

const OBJECT_PROTOTYPE = Object.prototype;

/** The row's own enumerable columns in a null-prototype copy (rows with unusual prototypes only). */
function ownColumns(row: object): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(row)) copy[key] = (row as Record<string, unknown>)[key];
  return copy;
}

/** Reads one mapped text column; an unmapped role reads as absent. */
function readText(row: Record<string, unknown>, column: string | undefined, max: number): string | null | Refusal {
  return column === undefined ? null : textValue(row[column], max);
}

const emptyText = (): RoleText => ({
  first_name: null,
  last_name: null,
  email: null,
  phone: null,
  address: null,
  city: null,
  state: null,
  country: null,
  postal_code: null,
  created_at: null,
  updated_at: null,
  source_system: null,
});

const emptyDerived = (): Derived => ({
  email: null,
  suggestedDomain: null,
  phone: null,
  countryCode: null,
  inferredCountry: null,
  confidence: null,
  postalNormalized: null,
  fullName: null,
});

/** How a change event's op becomes the output operation; ops missing here make no row. */
const EVENT_OPERATIONS: Readonly<Partial<Record<ChangeEvent['op'], CdcOperation>>> = Object.freeze({
  insert: 'INSERT',
  snapshot: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
});

/**
 * Creates an enricher. Without `columns` it reads the seed `users` table and writes `users_enriched` rows;
 * with `columns` it reads any table (the mapping names its columns) and writes the source columns, then the
 * enrichment columns, then the CDC metadata. Options are checked: unknown or invalid ones throw a TypeError.
 *
 * @example
 * const enricher = createEnricher({ clock: () => new Date('2026-01-01T00:00:00Z') });
 * const r = enricher.enrichRow({ id: 1, first_name: 'Ada', last_name: 'Lovelace', email: 'Ada@Example.co.uk',
 *   phone: '020 7946 0958', country: 'UK', postal_code: 'sw1a1aa' });
 * if (r.ok) r.value.full_name; // 'Ada Lovelace'
 *
 * type Customer = { customer_id: number; given_name: string; email_address: string };
 * const customers = createEnricher<Customer>({
 *   columns: { id: 'customer_id', first_name: 'given_name', email: 'email_address' },
 * });
 * const c = customers.enrichRow({ customer_id: 7, given_name: 'Pierre', email_address: 'p@orange.fr' });
 * if (c.ok) c.value.email_domain; // 'orange.fr'
 */
export function createEnricher(options?: EnricherOptions & { columns?: undefined }): Enricher<EnrichedUser>;
export function createEnricher<R extends object = Record<string, unknown>>(
  options: EnricherOptions & { columns: ColumnMapping },
): Enricher<EnrichedRow<R>>;
export function createEnricher(options?: EnricherOptions): Enricher<EnrichedUser> | Enricher<EnrichedRow>;
export function createEnricher(options?: EnricherOptions): Enricher<EnrichedUser | EnrichedRow> {
  const o = resolveEnricherOptions(options);
  const { mapping, maxFieldLength: max } = o;
  const cols = mapping.columns;
  const key = mapping.key;
  const singleKey = key.length === 1 ? key[0]! : null;
  const now = createNow(o.clock);
  const steps = createDerivations(o.toggles, o.defaultCountry, o.sizes);
  // Column names that Object.prototype also has (`constructor`, `__proto__`, ...) would read inherited values
  // from ordinary objects; with such a mapping every row is read through an own-columns copy.
  const readOwnOnly = [...key, ...Object.values(cols)].some((c) => c in OBJECT_PROTOTYPE);
  // One scratch record per step output: the row is assembled from them before the next call.
  const text = emptyText();
  const derived = emptyDerived();

  /** Step 1: the mapped row's text into `text`; the first refused column, or null. */
  function readRow(row: Record<string, unknown>): TextRole | null {
    const first_name = readText(row, cols.first_name, max);
    const last_name = readText(row, cols.last_name, max);
    const email = readText(row, cols.email, max);
    const phone = readText(row, cols.phone, max);
    const address = readText(row, cols.address, max);
    const city = readText(row, cols.city, max);
    const state = readText(row, cols.state, max);
    const country = readText(row, cols.country, max);
    const postal_code = readText(row, cols.postal_code, max);
    const created_at = readText(row, cols.created_at, max);
    const updated_at = readText(row, cols.updated_at, max);
    const source_system = readText(row, cols.source_system, max);
    if (
      first_name instanceof Refusal ||
      last_name instanceof Refusal ||
      email instanceof Refusal ||
      phone instanceof Refusal ||
      address instanceof Refusal ||
      city instanceof Refusal ||
      state instanceof Refusal ||
      country instanceof Refusal ||
      postal_code instanceof Refusal ||
      created_at instanceof Refusal ||
      updated_at instanceof Refusal ||
      source_system instanceof Refusal
    ) {
      return TEXT_ROLES.find((role) => readText(row, cols[role], max) instanceof Refusal) ?? null;
    }
    text.first_name = first_name;
    text.last_name = last_name;
    text.email = email;
    text.phone = phone;
    text.address = address;
    text.city = city;
    text.state = state;
    text.country = country;
    text.postal_code = postal_code;
    text.created_at = created_at;
    text.updated_at = updated_at;
    text.source_system = source_system;
    return null;
  }

  /** The key value (the first key column's: the `users_enriched` id), or a failure. */
  function readKey(row: Record<string, unknown>, at: FailurePath): number | string | EnrichResult<never> {
    if (singleKey !== null) {
      const v = keyValue(row[singleKey], max);
      return typeof v === 'number' || typeof v === 'string' ? v : keyFailure(v, singleKey, at);
    }
    let first: number | string | null = null;
    for (const column of key) {
      const v = keyValue(row[column], max);
      if (typeof v !== 'number' && typeof v !== 'string') return keyFailure(v, column, at);
      first ??= v;
    }
    return first!;
  }

  /** The mapped roles whose column the source did not send (and that the row indeed lacks). */
  function unavailableRoles(row: Record<string, unknown>, unavailable: readonly string[]): Set<TextRole> {
    const roles = new Set<TextRole>();
    for (const role of TEXT_ROLES) {
      const column = cols[role];
      if (column !== undefined && unavailable.includes(column) && !Object.hasOwn(row, column)) roles.add(role);
    }
    return roles;
  }

  function enrich(
    record: object,
    operation: CdcOperation,
    sequence: number | string | null,
    timestamp: string | null,
    unavailable: readonly string[] | undefined,
    at: FailurePath,
  ): EnrichResult<EnrichedUser | EnrichedRow> {
    const proto = Object.getPrototypeOf(record);
    const row =
      proto === ROW_PROTOTYPE || proto === null || (proto === OBJECT_PROTOTYPE && !readOwnOnly)
        ? (record as Record<string, unknown>)
        : ownColumns(record);
    const id = readKey(row, at);
    if (typeof id === 'object') return id;
    const refused = readRow(row);
    if (refused !== null) {
      const column = cols[refused]!;
      const r = readText(row, column, max);
      return r === TOO_LARGE
        ? fail('too_large', `${column} is longer than ${max} characters`, [...at, column])
        : fail('invalid_field', `${column} has an unsupported type`, [...at, column]);
    }
    // Steps 2-5: derive. Email first (its domain is postal evidence), phone before location (the same).
    steps.deriveEmail(text, derived);
    steps.derivePhone(text, derived);
    steps.deriveLocation(text, derived);
    steps.deriveName(text, derived);
    const meta: RowMeta = { operation, sequence, timestamp, migratedAt: now() };
    const out = mapping.isDefault
      ? assembleUser(id, text, derived, meta)
      : (assembleMapped(row, derived, meta) as EnrichedRow);
    if (unavailable !== undefined && unavailable.length > 0) {
      const roles = unavailableRoles(row, unavailable);
      if (roles.size > 0) {
        const fixedColumns = mapping.isDefault ? [...roles] : [];
        dropUnavailable(out as Record<string, unknown>, roles, fixedColumns);
      }
    }
    return { ok: true, value: out };
  }

  function enrichRow(row: unknown, meta?: RowChangeMeta): EnrichResult<EnrichedUser | EnrichedRow> {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return fail('invalid_record', 'the record is not an object');
    }
    const r = row as Record<string, unknown>;
    const op = meta?.operation ?? toOperation(r['cdc_operation']);
    if (op === null)
      return fail('invalid_operation', 'cdc_operation is not INSERT, UPDATE or DELETE', ['cdc_operation']);
    const seq = meta?.sequence !== undefined ? meta.sequence : toSequence(r['cdc_sequence']);
    if (seq === undefined)
      return fail('invalid_sequence', 'cdc_sequence is not an integer or position', ['cdc_sequence']);
    const rawTs = r['cdc_timestamp'];
    if (meta?.timestamp === undefined && rawTs !== undefined && rawTs !== null) {
      // Same rules as the text columns: a wrong type or an absurd size is a typed failure, not a silent null.
      if (typeof rawTs === 'string' && rawTs.length > max) {
        return fail('too_large', `cdc_timestamp is longer than ${max} characters`, ['cdc_timestamp']);
      }
      if (typeof rawTs !== 'string' && typeof rawTs !== 'number' && !(rawTs instanceof Date)) {
        return fail('invalid_field', 'cdc_timestamp has an unsupported type', ['cdc_timestamp']);
      }
    }
    const ts = meta?.timestamp !== undefined ? meta.timestamp : toTimestampText(rawTs);
    return enrich(r, op ?? 'INSERT', seq, ts, meta?.unavailable, []);
  }

  function enrichEvent(event: ChangeEvent): EnrichResult<EnrichedUser | EnrichedRow> {
    if (typeof event !== 'object' || event === null) return fail('invalid_record', 'the event is not an object');
    const operation = EVENT_OPERATIONS[event.op];
    if (operation === undefined) {
      return fail('invalid_operation', 'only insert, snapshot, update and delete events make rows', ['op']);
    }
    const image = operation === 'DELETE' ? 'before' : 'after';
    const row = event[image];
    if (typeof row !== 'object' || row === null) {
      return fail('invalid_record', `the event carries no ${image} row image`, [image]);
    }
    const seq = toSequence(event.position);
    if (seq === undefined) return fail('invalid_sequence', 'the event position is not usable', ['position']);
    const timestamp = typeof event.timestamp === 'string' ? event.timestamp : null;
    return enrich(row, operation, seq, timestamp, event.unavailable, [image]);
  }

  return {
    enrichRow,
    enrichEvent,
    enrichBatch(rows) {
      const out: EnrichResult<EnrichedUser | EnrichedRow>[] = [];
      for (const row of rows) out.push(enrichRow(row));
      return out;
    },
    enrichEvents(events) {
      const out: EnrichResult<EnrichedUser | EnrichedRow>[] = [];
      for (const e of events) out.push(enrichEvent(e));
      return out;
    },
    mapping,
    outputColumns(sourceColumns) {
      if (mapping.isDefault) return [...ENRICHED_USER_COLUMNS];
      return [...sourceColumns.filter(passesThrough), ...ENRICHMENT_COLUMNS, ...CDC_METADATA_COLUMNS];
    },
  };
}
