/**
 * Phone numbers to E.164 with libphonenumber-js (full "max" metadata).
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
