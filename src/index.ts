/**
 * cdc-enrich: fast, total enrichment primitives for change-data-capture records.
 *
 * Every area is also available as its own subpath export (`cdc-enrich/email`, `cdc-enrich/phone`, ...),
 * which lets bundlers drop the data tables of areas you do not use.
 *
 * @packageDocumentation
 */

export * from './cdc/index.js';
export * from './email/index.js';
export * from './enrich/index.js';
export * from './geo/index.js';
export * from './name/index.js';
export * from './phone/index.js';
