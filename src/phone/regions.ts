/**
 * Which regions a number is valid in, from libphonenumber-js's "max" metadata (the same metadata
 * `parsePhoneNumberFromString(...).isValid()` uses), with the lookups precomputed so the E.164 fast path
 * costs a few regex tests instead of a full parse.
 *
 * libphonenumber resolves a number to ONE region: for a calling code shared by several regions (+1 NANP,
 * +7 RU/KZ, +44 GB/GG/IM/JE, ...) it returns the first region whose patterns match. For numbers valid in
 * several regions at once (NANP toll-free +1 800, ...) that first region is an arbitrary pick, so we
 * re-check every region of the calling code and report them all instead of inventing a country.
 *
 * Everything here mirrors libphonenumber-js 1.x helpers (`getCountryByNationalNumber`, `getNumberType`,
 * `isNumberTypeEqualTo`, `extractCountryCallingCode`); a differential property test
 * (test/phone/normalize.test.ts and the fuzz file) checks the equivalence on mutated numbers of every region.
 */
// libphonenumber-js's CommonJS `max` entry does not export `Metadata`; the core class with the max
// metadata JSON is the same thing and works from both builds.
import { Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/max/metadata';

/**
 * Number types in the order libphonenumber-js's `getNumberType` tries them: FIXED_LINE first, then
 * `NON_FIXED_LINE_PHONE_TYPES`. The order matters when a number matches two type patterns.
 */
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

type NumberType = (typeof NUMBER_TYPES)[number];

/** The parts of libphonenumber-js's (untyped) numbering-plan object that we read. */
interface NumberingPlanView {
  nationalNumberPattern(): string;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  leadingDigits(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
}
interface MetadataView {
  selectNumberingPlan(region: string): void;
  numberingPlan: NumberingPlanView | undefined;
}

interface TypePattern {
  type: NumberType;
  source: string;
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

/** Per calling code facts, built once at module load from the metadata's `country_calling_codes` table. */
interface CallingCodeInfo {
  /** Regions in metadata order (the first is the "main" region). */
  regions: readonly string[];
  /** libphonenumber's national prefix for parsing (or the national prefix), anchored; null when none. */
  prefixForParsing: RegExp | null;
  /**
   * For shared calling codes, per region R: one anchored alternation of the type patterns of every OTHER
   * region of the code. A number that does not match it is valid in no other region (a necessary
   * condition, since validity requires one type pattern to match), so the full per-region check is skipped.
   */
  othersFilter: Map<string, RegExp>;
}

const metadata = new Metadata(maxMetadata) as unknown as MetadataView;

const callingCodes = new Map<string, CallingCodeInfo>();
for (const [callingCode, regions] of Object.entries(
  (maxMetadata as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes,
)) {
  metadata.selectNumberingPlan(callingCode);
  const npfp = metadata.numberingPlan?.nationalPrefixForParsing();
  callingCodes.set(callingCode, {
    regions: Object.freeze([...regions]),
    prefixForParsing: npfp ? new RegExp(`^(?:${npfp})`) : null,
    othersFilter: new Map(),
  });
}

const compiled = new Map<string, RegionPatterns>();

/**
 * Anchored regexes for one region, compiled on first use (about 245 regions, each with up to 11 patterns;
 * compiling lazily keeps module load cheap for callers who never see most regions).
 */
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
      return {
        type,
        source: pattern,
        re: new RegExp(`^(?:${pattern})$`),
        lengths: lengths ? new Set(lengths) : null,
      };
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

const NO_REGIONS: readonly string[] = Object.freeze([]);

/**
 * Regions that share a country calling code, in metadata order, e.g. `'44'` → GB, GG, IM, JE.
 * Non-geographic codes (+800, +882, ...) give `['001']`; unknown codes give `[]`.
 *
 * @example
 * regionsForCallingCode('7'); // ['RU', 'KZ']
 */
export function regionsForCallingCode(callingCode: string): readonly string[] {
  return callingCodes.get(callingCode)?.regions ?? NO_REGIONS;
}

const matchesType = (n: string, t: TypePattern): boolean =>
  (t.lengths === null || t.lengths.has(n.length)) && t.re.test(n);

/**
 * The number type of `nationalNumber` in `region`, or `undefined` when it is not a valid number there.
 * Mirrors libphonenumber-js `getNumberType` (same metadata, same order, same per-type lengths).
 *
 * @example
 * numberTypeInRegion('8005550199', 'US'); // 'TOLL_FREE'
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

/**
 * True when `nationalNumber` is a valid number of `region` (libphonenumber's isValidNumberForRegion).
 *
 * @example
 * isValidForRegion('2079460958', 'GB'); // true
 */
export function isValidForRegion(nationalNumber: string, region: string): boolean {
  return numberTypeInRegion(nationalNumber, region) !== undefined;
}

/** The region libphonenumber-js assigns a national number to, with the number type there when it checked it. */
export interface ResolvedRegion {
  region: string;
  /** Set when resolution already validated the number in `region` (saves a second check). */
  type?: string;
}

/**
 * The region libphonenumber-js assigns a national number of a calling code to: the only region, or for a
 * shared code the first region (in metadata order) whose leading digits match, or, for regions without
 * leading digits, in which the number is valid. Mirrors `getCountryByCallingCode`/`getCountryByNationalNumber`.
 *
 * @example
 * regionForNationalNumber('1', '4165550123'); // 'CA'
 */
export function regionForNationalNumber(callingCode: string, nationalNumber: string): string | undefined {
  return resolveRegion(callingCode, nationalNumber)?.region;
}

/** {@link regionForNationalNumber}, also returning the type when resolution computed it. */
export function resolveRegion(callingCode: string, nationalNumber: string): ResolvedRegion | undefined {
  const regions = regionsForCallingCode(callingCode);
  if (regions.length === 1) return { region: regions[0]! };
  for (const region of regions) {
    const p = patternsFor(region);
    if (p.leadingDigits) {
      if (p.leadingDigits.test(nationalNumber)) return { region };
    } else {
      const type = numberTypeInRegion(nationalNumber, region);
      if (type !== undefined) return { region, type };
    }
  }
  return undefined;
}

/**
 * True when libphonenumber might strip a national prefix from this national number while parsing
 * (its `extractNationalNumber`), so the digits after the calling code are not necessarily the national
 * significant number. The E.164 fast path steps aside for those.
 *
 * @example
 * mayStripNationalPrefix('1', '12125550100'); // true: NANP national prefix 1
 */
export function mayStripNationalPrefix(callingCode: string, nationalNumber: string): boolean {
  const re = callingCodes.get(callingCode)?.prefixForParsing;
  return re ? re.test(nationalNumber) : false;
}

function othersFilter(info: CallingCodeInfo, region: string): RegExp {
  let re = info.othersFilter.get(region);
  if (re === undefined) {
    const alternatives: string[] = [];
    for (const other of info.regions) {
      if (other === region) continue;
      const p = patternsFor(other);
      if (p.fixedLine) alternatives.push(p.fixedLine.source);
      for (const t of p.others) alternatives.push(t.source);
    }
    // An empty alternation must match nothing: `(?!)` never matches.
    re = new RegExp(alternatives.length === 0 ? '(?!)' : `^(?:${alternatives.join('|')})$`);
    info.othersFilter.set(region, re);
  }
  return re;
}

/**
 * Every region of `callingCode` in which `nationalNumber` is valid, in metadata order.
 * `knownValidRegion`, when given, must be a region in which the number is already known to be valid:
 * then one combined regex over the other regions' type patterns usually settles the question at once.
 *
 * @example
 * validRegions('1', '8005550199').length > 1; // true: NANP toll-free is valid in every NANP region
 */
export function validRegions(callingCode: string, nationalNumber: string, knownValidRegion?: string): string[] {
  const info = callingCodes.get(callingCode);
  if (info === undefined) return [];
  if (knownValidRegion !== undefined && info.regions.length > 1) {
    if (!othersFilter(info, knownValidRegion).test(nationalNumber)) return [knownValidRegion];
  }
  const out: string[] = [];
  for (const region of info.regions) {
    if (region === knownValidRegion || isValidForRegion(nationalNumber, region)) out.push(region);
  }
  return out;
}

/** One regex built from the metadata, for the ReDoS audit. */
export interface AuditedPattern {
  /** What it is: `otherRegions` are the combined per-calling-code filters, the largest by far. */
  kind: 'nationalPrefix' | 'national' | 'leadingDigits' | 'type' | 'otherRegions';
  /** Calling code or region and type, for messages. */
  where: string;
  re: RegExp;
}

/**
 * Every regular expression this module builds from the metadata (compiling all of them), for the ReDoS
 * test, which checks each one with an automata-based analysis. Not part of the package API.
 *
 * @example
 * compiledPatternsForAudit().length > 1000; // true
 */
export function compiledPatternsForAudit(): AuditedPattern[] {
  const out: AuditedPattern[] = [];
  for (const [callingCode, info] of callingCodes) {
    if (info.prefixForParsing)
      out.push({ kind: 'nationalPrefix', where: `+${callingCode}`, re: info.prefixForParsing });
    for (const region of info.regions) {
      if (region === '001') continue;
      const p = patternsFor(region);
      out.push({ kind: 'national', where: region, re: p.national });
      if (p.leadingDigits) out.push({ kind: 'leadingDigits', where: region, re: p.leadingDigits });
      for (const t of p.fixedLine ? [p.fixedLine, ...p.others] : p.others) {
        out.push({ kind: 'type', where: `${region} ${t.type}`, re: t.re });
      }
      if (info.regions.length > 1) {
        out.push({ kind: 'otherRegions', where: `+${callingCode} except ${region}`, re: othersFilter(info, region) });
      }
    }
  }
  return out;
}
