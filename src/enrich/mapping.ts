/**
 * The column mapping (issue 13, contract C5): which source column plays which role. The roles are the seed
 * `users` column names that the enrichments read; the default mapping is the seed's own (`id` → `id`, ...), so
 * the seed keeps its `users_enriched` output unchanged, and any other table is enriched by naming its columns.
 */
import * as z from 'zod/mini';
import { checkOptions } from '../shared/options.js';
import { SEED_ROW_FIELDS } from './columns.js';

/**
 * The roles, in the seed's column order. `id` is the key (one column or several); the others are read as text.
 *
 * @example
 * COLUMN_ROLES.includes('postal_code'); // true
 */
export const COLUMN_ROLES = SEED_ROW_FIELDS;

/** A role: a seed column name that an enrichment (or the key) reads. */
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** A role read as text (every role but the key). */
export type TextRole = Exclude<ColumnRole, 'id'>;

/**
 * The text roles, in the seed's column order.
 *
 * @example
 * TEXT_ROLES[0]; // 'first_name'
 */
export const TEXT_ROLES = COLUMN_ROLES.slice(1) as readonly TextRole[];

/**
 * Role → source column. `id` is required: one key column, or several for a composite key (`['tenant_id',
 * 'order_id']`). Every other role is optional; a role that is not mapped is read as absent (its enrichments
 * give null). Roles are never guessed from column names.
 *
 * @example
 * const customers: ColumnMapping = {
 *   id: 'customer_id', first_name: 'given_name', last_name: 'family_name', email: 'email_address',
 *   phone: 'mobile', postal_code: 'zip', country: 'country_name',
 * };
 */
export type ColumnMapping = { id: string | readonly string[] } & { [R in TextRole]?: string };

/** The mapping an enricher uses, resolved: key columns in order, and role → column for the mapped roles. */
export interface ResolvedColumnMapping {
  /** The key columns, in order (one for a simple key). */
  readonly key: readonly string[];
  /** Role → source column, for the mapped text roles only. */
  readonly columns: Readonly<{ [R in TextRole]?: string }>;
  /** True for the default (the seed `users` table): the output is the `users_enriched` row, unchanged. */
  readonly isDefault: boolean;
}

/** The most key columns a composite key may have (PostgreSQL allows 32 index columns). */
const MAX_KEY_COLUMNS = 32;

/**
 * Strict zod/mini schema of a {@link ColumnMapping}: unknown roles, empty names and repeated key columns are
 * rejected. Built on first use (`z.lazy`: start-up, see src/shared/options.ts).
 *
 * @example
 * columnMappingSchema.safeParse({ id: 'customer_id', emial: 'x' }).success; // false (unknown role)
 */
export const columnMappingSchema = z.lazy(buildColumnMappingSchema);

function buildColumnMappingSchema() {
  const columnName = z.string().check(z.minLength(1, 'expected a non-empty column name'));
  return z.strictObject({
    id: z.union([
      columnName,
      z.array(columnName).check(
        z.minLength(1, 'expected at least one key column'),
        z.maxLength(MAX_KEY_COLUMNS, `expected at most ${MAX_KEY_COLUMNS} key columns`),
        z.refine((names) => new Set(names).size === names.length, 'expected distinct key columns'),
      ),
    ]),
    first_name: z.optional(columnName),
    last_name: z.optional(columnName),
    email: z.optional(columnName),
    phone: z.optional(columnName),
    address: z.optional(columnName),
    city: z.optional(columnName),
    state: z.optional(columnName),
    country: z.optional(columnName),
    postal_code: z.optional(columnName),
    created_at: z.optional(columnName),
    updated_at: z.optional(columnName),
    source_system: z.optional(columnName),
  });
}

/**
 * The seed `users` mapping: every role is the column of the same name.
 *
 * @example
 * DEFAULT_COLUMN_MAPPING.key; // ['id']
 */
export const DEFAULT_COLUMN_MAPPING: ResolvedColumnMapping = Object.freeze({
  key: Object.freeze(['id']),
  columns: Object.freeze(Object.fromEntries(TEXT_ROLES.map((role) => [role, role]))),
  isDefault: true,
});

/**
 * Checks a mapping (TypeError naming the bad role, as for any option) and resolves it. `undefined` gives the
 * default seed mapping.
 *
 * @example
 * resolveColumnMapping({ id: ['tenant_id', 'order_id'], email: 'mail' }).key; // ['tenant_id', 'order_id']
 */
export function resolveColumnMapping(mapping: unknown, where = 'createEnricher'): ResolvedColumnMapping {
  if (mapping === undefined) return DEFAULT_COLUMN_MAPPING;
  const checked = checkOptions(`${where}: columns`, columnMappingSchema, mapping);
  const columns: { [R in TextRole]?: string } = {};
  for (const role of TEXT_ROLES) {
    const column = checked[role];
    if (column !== undefined) columns[role] = column;
  }
  return Object.freeze({
    key: Object.freeze(typeof checked.id === 'string' ? [checked.id] : [...checked.id]),
    columns: Object.freeze(columns),
    isDefault: false,
  });
}

/**
 * Parses `role=column,role=column,...` (the CLI's `--map`, the `CDC_ENRICH_MAP` variable) into a
 * {@link ColumnMapping}. A composite key repeats `id` (`id=tenant_id,id=order_id`). Spaces around names are
 * trimmed. Throws a TypeError naming the bad pair or role (it is configuration, not data).
 *
 * @example
 * parseColumnMapping('id=customer_id,email=email_address,phone=mobile');
 * // { id: 'customer_id', email: 'email_address', phone: 'mobile' }
 * parseColumnMapping('id=tenant_id,id=order_id'); // { id: ['tenant_id', 'order_id'] }
 */
export function parseColumnMapping(text: string): ColumnMapping {
  if (typeof text !== 'string') throw new TypeError('parseColumnMapping: expected a string of role=column pairs');
  const ids: string[] = [];
  const out: Record<string, string | string[]> = {};
  for (const raw of text.split(',')) {
    const pair = raw.trim();
    if (pair.length === 0) continue;
    const equals = pair.indexOf('=');
    const role = pair.slice(0, equals).trim();
    const column = pair.slice(equals + 1).trim();
    if (equals < 0 || role.length === 0 || column.length === 0) {
      throw new TypeError(`parseColumnMapping: "${pair}" is not role=column`);
    }
    if (role === 'id') ids.push(column);
    else if (Object.hasOwn(out, role)) throw new TypeError(`parseColumnMapping: role "${role}" is mapped twice`);
    else out[role] = column;
  }
  if (ids.length > 0) out['id'] = ids.length === 1 ? ids[0]! : ids;
  checkOptions('parseColumnMapping', columnMappingSchema, out);
  return out as ColumnMapping;
}
