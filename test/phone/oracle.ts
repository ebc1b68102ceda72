/**
 * The expected result of normalizePhone computed from plain libphonenumber-js only (none of our tables or
 * regexes): parse with the library, take its E.164, calling code, validity, type and extension, and derive
 * the honest country from the library's own per-region validation (`PhoneNumber(region, nationalNumber)
 * .isValid()`, which recompiles the metadata patterns itself).
 */
import { PhoneNumber } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import type { NormalizedPhone } from '../../src/phone/index.js';

const regionsByCode = (maxMetadata as unknown as { country_calling_codes: Record<string, string[]> })
  .country_calling_codes;

// The core build's PhoneNumber takes the metadata as a third argument; its typings omit it.
const CorePhoneNumber = PhoneNumber as unknown as new (
  region: string,
  nationalNumber: string,
  metadata: unknown,
) => { isValid(): boolean };

/** Regions of `callingCode` in which libphonenumber-js itself says the national number is valid. */
export function libraryValidRegions(callingCode: string, nationalNumber: string): string[] {
  return (regionsByCode[callingCode] ?? []).filter(
    (region) => region !== '001' && new CorePhoneNumber(region, nationalNumber, maxMetadata).isValid(),
  );
}

/** What normalizePhone must return for `text` with `region`, according to plain libphonenumber-js. */
export function expectedFromLibrary(text: string, region?: string): NormalizedPhone | null {
  const lib =
    region === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region as never);
  if (lib === undefined) return null;
  const valid = lib.isValid();
  const out: NormalizedPhone = {
    e164: lib.number as string,
    country: null,
    valid,
    callingCode: lib.countryCallingCode as string,
  };
  if (valid) {
    const type = lib.getType();
    if (type !== undefined) out.type = type;
    if (lib.country !== undefined) {
      const regions = libraryValidRegions(out.callingCode, lib.nationalNumber as string);
      if (regions.length > 1) out.possibleCountries = regions;
      else out.country = lib.country;
    }
  }
  if (lib.ext) out.extension = lib.ext as string;
  return out;
}
