/**
 * The enricher: change events and seed rows to `users_enriched` rows (21 columns plus extras).
 * @packageDocumentation
 */
export {
  type CdcOperation,
  ENRICHED_USER_COLUMNS,
  type EnrichedEmailCategory,
  type EnrichedUser,
  EXTRA_COLUMNS,
  SEED_ROW_FIELDS,
  USERS_ENRICHED_COLUMNS,
} from './columns.js';
export {
  createEnricher,
  type EnrichError,
  type EnrichErrorCode,
  type Enricher,
  type EnricherCacheSizes,
  type EnricherOptions,
  type EnrichmentToggles,
  type EnrichResult,
  type RowChangeMeta,
} from './enricher.js';
