/**
 * The enricher: change events and rows of any table to enriched rows (the seed `users` table to
 * `users_enriched`: 21 columns plus extras; any other table through a column mapping).
 * @packageDocumentation
 */
export {
  DEPRECATED_FAILURE_CODES,
  FAILURE_CODES,
  type Failure,
  type FailureCode,
  type FailureCodeInfo,
  type FailureModule,
  type FailurePath,
  formatFailurePath,
  isFailureCode,
} from '../shared/errors.js';
export {
  CDC_METADATA_COLUMNS,
  type CdcMetadataValues,
  type CdcOperation,
  ENRICHED_USER_COLUMNS,
  ENRICHMENT_COLUMNS,
  type EnrichedEmailCategory,
  type EnrichedRow,
  type EnrichedUser,
  type EnrichmentColumn,
  type EnrichmentValues,
  EXTRA_COLUMNS,
  ORIGINAL_ENRICHMENT_COLUMNS,
  SEED_ROW_FIELDS,
  USERS_ENRICHED_COLUMNS,
} from './columns.js';
export { DEFAULT_CACHE_SIZES, type EnricherCacheSizes, type EnrichmentToggles } from './derive.js';
export {
  createEnricher,
  type EnrichError,
  type EnrichErrorCode,
  type Enricher,
  type EnrichResult,
  type RowChangeMeta,
} from './enricher.js';
export {
  COLUMN_ROLES,
  type ColumnMapping,
  type ColumnRole,
  columnMappingSchema,
  DEFAULT_COLUMN_MAPPING,
  parseColumnMapping,
  type ResolvedColumnMapping,
  resolveColumnMapping,
  TEXT_ROLES,
  type TextRole,
} from './mapping.js';
export { type EnricherOptions, enricherOptionsSchema } from './options.js';
