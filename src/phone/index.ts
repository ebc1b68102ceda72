/**
 * Phone numbers to E.164, region, validity and type, decided by tables compiled at build time from
 * libphonenumber-js's full ("max") metadata (see docs/phone.md). libphonenumber-js is the oracle of the
 * differential tests, not a runtime dependency of this subpath.
 *
 * @example
 * // import { normalizePhone } from 'cdc-enrich/phone';
 * normalizePhone('020 7946 0958', { defaultCountry: 'GB' })?.e164; // '+442079460958'
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
