/**
 * Person-name primitives: normalization and full-name building (CLDR person-name order).
 * @packageDocumentation
 */
export { type BuildFullNameOptions, buildFullName, MAX_NAME_PART_LENGTH, normalizeNamePart } from './full-name.js';
