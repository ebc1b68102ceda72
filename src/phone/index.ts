/**
 * Phone numbers to E.164, region, validity and type, decided by tables compiled at build time from
 * libphonenumber-js's full ("max") metadata (see docs/phone.md). libphonenumber-js is the oracle of the
 * differential tests, not a runtime dependency of this subpath.
 * @packageDocumentation
 */
export {
  createPhoneNormalizer,
  MAX_PHONE_INPUT_LENGTH,
  type NormalizedPhone,
  type NormalizePhoneOptions,
  normalizePhone,
  type PhoneNormalizerOptions,
} from './normalize.js';
export { isValidForRegion, regionsForCallingCode, validRegions } from './regions.js';
