/**
 * {@link EnricherOptions}: one strict zod/mini schema, checked by `checkOptions` (unknown, misspelled or invalid
 * options throw a TypeError naming the option), then resolved once per enricher.
 */

import * as z from 'zod/mini';
import { toAlpha2 } from '../geo/index.js';
import { checkOptions, functionOption, nonNegativeInteger } from '../shared/options.js';
import { DEFAULT_CACHE_SIZES, type EnricherCacheSizes, type EnrichmentToggles } from './derive.js';
import {
  type ColumnMapping,
  columnMappingSchema,
  type ResolvedColumnMapping,
  resolveColumnMapping,
} from './mapping.js';

/** Options of `createEnricher`. Invalid or unknown options throw a TypeError (programmer misuse). */
export interface EnricherOptions {
  /**
   * Which source column plays which role (`id`, `email`, `phone`, ...). Default: the seed `users` table, whose
   * output is the `users_enriched` row. With a mapping, the output is the source row's columns, then the
   * enrichment columns, then the CDC metadata (docs/enrich.md).
   */
  columns?: ColumnMapping;
  enrichments?: EnrichmentToggles;
  /**
   * The country to fall back on when a record's own country column names none: the default region for
   * nationally written phone numbers, and a prior for postal-code inference. ISO alpha-2, alpha-3 or a name
   * (`'DE'`, `'DEU'`, `'Germany'`, `'Deutschland'`); one that names no country throws. Default: none.
   */
  defaultCountry?: string;
  /** The clock for `migration_timestamp`; pass a fixed one in tests. Default `() => new Date()`. */
  clock?: () => Date;
  /**
   * Cache bounds in entries: one number for every cache, or per cache; 0 disables caching. With the defaults
   * the caches hold at most 42,000 entries in all, whatever the stream length (`DEFAULT_CACHE_SIZES`).
   */
  cacheSize?: number | EnricherCacheSizes;
  /** Longest accepted text value, in UTF-16 code units; longer ones fail with `too_large`. Default 4,096. */
  maxFieldLength?: number;
}

/**
 * Strict zod/mini schema of {@link EnricherOptions}. Built on first use (`z.lazy`: start-up, see
 * src/shared/options.ts).
 *
 * @example
 * enricherOptionsSchema.safeParse({ colums: {} }).success; // false: unknown option
 */
export const enricherOptionsSchema = z.lazy(buildEnricherOptionsSchema);

function buildEnricherOptionsSchema() {
  const toggles = z.strictObject({
    email: z.optional(z.boolean()),
    phone: z.optional(z.boolean()),
    name: z.optional(z.boolean()),
    country: z.optional(z.boolean()),
    postal: z.optional(z.boolean()),
  });

  const cacheSizes = z.strictObject({
    email: z.optional(nonNegativeInteger()),
    phone: z.optional(nonNegativeInteger()),
    country: z.optional(nonNegativeInteger()),
    postal: z.optional(nonNegativeInteger()),
  });

  return z.strictObject({
    columns: z.optional(columnMappingSchema),
    enrichments: z.optional(toggles),
    defaultCountry: z.optional(
      z.string().check(z.refine((c) => toAlpha2(c) !== null, 'expected a country (ISO alpha-2, alpha-3 or a name)')),
    ),
    clock: z.optional(functionOption<() => Date>()),
    cacheSize: z.optional(z.union([nonNegativeInteger(), cacheSizes])),
    maxFieldLength: z.optional(
      z.number().check(z.int('expected a positive integer'), z.minimum(1, 'expected a positive integer')),
    ),
  });
}

/** Options after checking. */
export interface ResolvedEnricherOptions {
  mapping: ResolvedColumnMapping;
  toggles: Required<EnrichmentToggles>;
  defaultCountry: string | null;
  clock: (() => Date) | undefined;
  sizes: Required<EnricherCacheSizes>;
  maxFieldLength: number;
}

type Checked = z.infer<typeof enricherOptionsSchema>;

function cacheSizesOf(option: Checked['cacheSize']): Required<EnricherCacheSizes> {
  if (typeof option === 'number') return { email: option, phone: option, country: option, postal: option };
  return {
    email: option?.email ?? DEFAULT_CACHE_SIZES.email,
    phone: option?.phone ?? DEFAULT_CACHE_SIZES.phone,
    country: option?.country ?? DEFAULT_CACHE_SIZES.country,
    postal: option?.postal ?? DEFAULT_CACHE_SIZES.postal,
  };
}

function togglesOf(option: Checked['enrichments']): Required<EnrichmentToggles> {
  return {
    email: option?.email !== false,
    phone: option?.phone !== false,
    name: option?.name !== false,
    country: option?.country !== false,
    postal: option?.postal !== false,
  };
}

/** Checks and resolves the options (TypeError naming the option on misuse). */
export function resolveEnricherOptions(options: unknown): ResolvedEnricherOptions {
  const o = checkOptions('createEnricher', enricherOptionsSchema, options);
  return {
    mapping: resolveColumnMapping(o.columns),
    toggles: togglesOf(o.enrichments),
    defaultCountry: o.defaultCountry === undefined ? null : toAlpha2(o.defaultCountry),
    clock: o.clock,
    sizes: cacheSizesOf(o.cacheSize),
    maxFieldLength: o.maxFieldLength ?? 4096,
  };
}
