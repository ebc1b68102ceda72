/**
 * Which regions a number is valid in, from libphonenumber-js's "max" metadata (the same metadata
 * `parsePhoneNumberFromString(...).isValid()` uses).
 *
 * libphonenumber resolves a number to ONE region: for a calling code shared by several regions (+1 NANP,
 * +7 RU/KZ, +44 GB/GG/IM/JE, ...) it returns the first region whose patterns match. For numbers valid in
 * several regions at once (NANP toll-free +1 800, ...) that first region is an arbitrary pick, so we
 * re-check every region of the calling code and report them all instead of inventing a country.
 */
import { Metadata } from 'libphonenumber-js/max';

/** Number types of the libphonenumber metadata (ITU-T E.164 number categories). */
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/** The parts of libphonenumber-js's (untyped) numbering-plan object that we read. */
interface NumberingPlanView {
  nationalNumberPattern(): string;
  type(t: string): { pattern(): string } | undefined;
}
interface MetadataView {
  selectNumberingPlan(region: string): void;
  numberingPlan: NumberingPlanView | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

interface RegionPatterns {
  national: RegExp;
  types: RegExp[];
}

const metadata = new Metadata() as unknown as MetadataView;
const compiled = new Map<string, RegionPatterns>();

/** Anchored regexes for one region, compiled once (there are about 245 regions). */
function patternsFor(region: string): RegionPatterns {
  let p = compiled.get(region);
  if (p === undefined) {
    metadata.selectNumberingPlan(region);
    const plan = metadata.numberingPlan!;
    const types: RegExp[] = [];
    for (const t of NUMBER_TYPES) {
      const pattern = plan.type(t)?.pattern();
      if (pattern) types.push(new RegExp(`^(?:${pattern})$`));
    }
    p = { national: new RegExp(`^(?:${plan.nationalNumberPattern()})$`), types };
    compiled.set(region, p);
  }
  return p;
}

const regionsByCallingCode = new Map<string, readonly string[]>();

/** Regions that share a country calling code, e.g. `'44'` → GB, GG, IM, JE. */
export function regionsForCallingCode(callingCode: string): readonly string[] {
  let regions = regionsByCallingCode.get(callingCode);
  if (regions === undefined) {
    regions = Object.freeze([...(metadata.getCountryCodesForCallingCode(callingCode) ?? [])]);
    regionsByCallingCode.set(callingCode, regions);
  }
  return regions;
}

/** True when `nationalNumber` is a valid number of `region` (libphonenumber's isValidNumberForRegion). */
export function isValidForRegion(nationalNumber: string, region: string): boolean {
  const p = patternsFor(region);
  if (!p.national.test(nationalNumber)) return false;
  for (const re of p.types) if (re.test(nationalNumber)) return true;
  return false;
}

/** Every region of `callingCode` in which `nationalNumber` is valid. */
export function validRegions(callingCode: string, nationalNumber: string): string[] {
  const out: string[] = [];
  for (const region of regionsForCallingCode(callingCode)) {
    if (isValidForRegion(nationalNumber, region)) out.push(region);
  }
  return out;
}
