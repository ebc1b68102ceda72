/**
 * cdc-enrich/geo: country normalization (every CLDR locale), postal-code validation/normalization and
 * country inference from postal codes with the record's other evidence (issues 3, 9, 11).
 *
 * @packageDocumentation
 */
export {
  ALL_ALPHA2,
  type Alpha2,
  type Country,
  type CountryLookup,
  lookupCountry,
  normalizeCountry,
  toAlpha2,
} from './country.js';
export {
  createPostalInferrer,
  EVIDENCE_ERROR_RATES,
  EVIDENCE_WEIGHTS,
  type InferOptions,
  inferCountryFromPostalCode,
  type PostalCandidate,
  type PostalHints,
  type PostalInference,
} from './infer.js';
export {
  findPostalCodeCountries,
  isValidPostalCode,
  normalizePostalCode,
  POSTAL_CODE_COUNTRIES,
  type PostalMatch,
} from './postal.js';
