/**
 * Which regions a number is valid in, from libphonenumber-js's "max" metadata (the same metadata
 * `parsePhoneNumberFromString(...).isValid()` uses).
 *
 * libphonenumber resolves a number to ONE region: for a calling code shared by several regions (+1 NANP,
 * +7 RU/KZ, +44 GB/GG/IM/JE, ...) it returns the first region whose patterns match. For numbers valid in
 * several regions at once (NANP toll-free +1 800, ...) that first region is an arbitrary pick, so we
 * re-check every region of the calling code and report them all instead of inventing a country.
 */
// libphonenumber-js's CommonJS `max` entry does not export `Metadata`; the core class with the max
// metadata JSON is the same thing and works from both builds.
import { Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/max/metadata';

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
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  leadingDigits(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
}
interface MetadataView {
  selectNumberingPlan(region: string): void;
  hasCallingCode(callingCode: string): boolean;
  numberingPlan: NumberingPlanView | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

interface TypePattern {
  type: NumberType;
  re: RegExp;
  lengths: ReadonlySet<number> | null;
}

interface RegionPatterns {
  national: RegExp;
  fixedLine: TypePattern | null;
  /** MOBILE, then the other non-fixed types, in libphonenumber's order. */
  others: TypePattern[];
  /** True when the region has no mobile pattern, or it is empty: fixed-line numbers are FIXED_LINE_OR_MOBILE. */
  fixedIsMobile: boolean;
  leadingDigits: RegExp | null;
}

type NumberType = (typeof NUMBER_TYPES)[number];

const metadata = new Metadata(maxMetadata) as unknown as MetadataView;
const compiled = new Map<string, RegionPatterns>();

/** Anchored regexes for one region, compiled once (there are about 245 regions). */
function patternsFor(region: string): RegionPatterns {
  let p = compiled.get(region);
  if (p === undefined) {
    metadata.selectNumberingPlan(region);
    const plan = metadata.numberingPlan!;
    const typePattern = (type: NumberType): TypePattern | null => {
      const def = plan.type(type);
      const pattern = def?.pattern();
      if (!def || !pattern) return null;
      const lengths = def.possibleLengths();
      return { type, re: new RegExp(`^(?:${pattern})$`), lengths: lengths ? new Set(lengths) : null };
    };
    const mobile = plan.type('MOBILE');
    const leading = plan.leadingDigits();
    p = {
      national: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
      fixedLine: typePattern('FIXED_LINE'),
      others: NUMBER_TYPES.filter((t) => t !== 'FIXED_LINE').flatMap((t) => typePattern(t) ?? []),
      fixedIsMobile: !mobile || mobile.pattern() === '',
      leadingDigits: leading ? new RegExp(`^(?:${leading})`) : null,
    };
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

const matchesType = (n: string, t: TypePattern): boolean =>
  (t.lengths === null || t.lengths.has(n.length)) && t.re.test(n);

/**
 * The number type of `nationalNumber` in `region`, or `undefined` when it is not a valid number there.
 * Mirrors libphonenumber-js `getNumberType` (same metadata, same order, same per-type lengths).
 */
export function numberTypeInRegion(nationalNumber: string, region: string): string | undefined {
  const p = patternsFor(region);
  if (!p.national.test(nationalNumber)) return undefined;
  if (p.fixedLine && matchesType(nationalNumber, p.fixedLine)) {
    if (p.fixedIsMobile) return 'FIXED_LINE_OR_MOBILE';
    const mobile = p.others[0]?.type === 'MOBILE' ? p.others[0] : undefined;
    return mobile && matchesType(nationalNumber, mobile) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  for (const t of p.others) if (matchesType(nationalNumber, t)) return t.type;
  return undefined;
}

/** True when `nationalNumber` is a valid number of `region` (libphonenumber's isValidNumberForRegion). */
export function isValidForRegion(nationalNumber: string, region: string): boolean {
  return numberTypeInRegion(nationalNumber, region) !== undefined;
}

/**
 * The region libphonenumber-js assigns a national number of a shared calling code to: the first region
 * (in metadata order) whose leading digits match, or, for regions without leading digits, in which the
 * number is valid. Mirrors `getCountryByNationalNumber`.
 */
export function regionForNationalNumber(callingCode: string, nationalNumber: string): string | undefined {
  const regions = regionsForCallingCode(callingCode);
  if (regions.length === 1) return regions[0];
  for (const region of regions) {
    const p = patternsFor(region);
    if (p.leadingDigits) {
      if (p.leadingDigits.test(nationalNumber)) return region;
    } else if (numberTypeInRegion(nationalNumber, region) !== undefined) return region;
  }
  return undefined;
}

const prefixForParsing = new Map<string, RegExp | null>();

/**
 * True when libphonenumber might strip a national prefix from this national number while parsing
 * (its `extractNationalNumber`), so the digits after the calling code are not necessarily the national
 * significant number. The E.164 fast path steps aside for those.
 */
export function mayStripNationalPrefix(callingCode: string, nationalNumber: string): boolean {
  let re = prefixForParsing.get(callingCode);
  if (re === undefined) {
    metadata.selectNumberingPlan(callingCode);
    const npfp = metadata.numberingPlan?.nationalPrefixForParsing();
    re = npfp ? new RegExp(`^(?:${npfp})`) : null;
    prefixForParsing.set(callingCode, re);
  }
  return re === null ? false : re.test(nationalNumber);
}

/** Every region of `callingCode` in which `nationalNumber` is valid. */
export function validRegions(callingCode: string, nationalNumber: string): string[] {
  const out: string[] = [];
  for (const region of regionsForCallingCode(callingCode)) {
    if (isValidForRegion(nationalNumber, region)) out.push(region);
  }
  return out;
}
