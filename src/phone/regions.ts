/**
 * Region questions about national numbers, answered from the compiled metadata tables (src/phone/tables.ts):
 * which regions share a calling code, and in which of them a national number is valid.
 */
import { callingCodeTables, type Outcome, outcomeOf, type Plan, planOfRegion, stateOf } from './tables.js';

/** The metadata's outcome for a national number in a region's calling code, or undefined. */
function outcomeInRegion(nationalNumber: string, region: string): { plan: Plan; outcome: Outcome } | undefined {
  const plan = planOfRegion(region);
  if (plan === undefined || !/^\d*$/.test(nationalNumber)) return undefined;
  const code = callingCodeTables(plan.callingCode)!;
  return { plan, outcome: outcomeOf(code, stateOf(code, nationalNumber), nationalNumber.length) };
}

const NO_REGIONS: readonly string[] = Object.freeze([]);
const NON_GEOGRAPHIC: readonly string[] = Object.freeze(['001']);

/**
 * Regions that share a country calling code, in metadata order (the first is the code's main region),
 * e.g. `'44'` → GB, GG, IM, JE. Non-geographic codes (+800, +882, ...) give `['001']`; unknown codes `[]`.
 *
 * @example
 * regionsForCallingCode('7'); // ['RU', 'KZ']
 */
export function regionsForCallingCode(callingCode: string): readonly string[] {
  const code = callingCodeTables(callingCode);
  if (code === undefined) return NO_REGIONS;
  return code.regions.length === 0 ? NON_GEOGRAPHIC : code.regions;
}

/**
 * The number type of `nationalNumber` (ASCII digits) in `region`, or undefined when it is not a valid
 * number there (libphonenumber-js `getNumberType` for that region). Internal: not exported by the package.
 *
 * @example
 * numberTypeInRegion('8005550199', 'US'); // 'TOLL_FREE'
 */
export function numberTypeInRegion(nationalNumber: string, region: string): string | undefined {
  const found = outcomeInRegion(nationalNumber, region);
  return found?.outcome.types[found.plan.index];
}

/**
 * True when `nationalNumber` (the digits after the calling code) is a valid number of `region`
 * (libphonenumber's isValidNumberForRegion with the max metadata).
 *
 * @example
 * isValidForRegion('2079460958', 'GB'); // true
 */
export function isValidForRegion(nationalNumber: string, region: string): boolean {
  const found = outcomeInRegion(nationalNumber, region);
  return found?.outcome.valid[found.plan.index] ?? false;
}

/**
 * Every region of `callingCode` in which `nationalNumber` is valid, in metadata order; `[]` for unknown and
 * non-geographic codes. One pass over the digits decides all regions at once.
 *
 * @example
 * validRegions('1', '8005550199').length > 1; // true: NANP toll-free is valid in every NANP region
 */
export function validRegions(callingCode: string, nationalNumber: string): string[] {
  const code = callingCodeTables(callingCode);
  if (code === undefined || code.regions.length === 0 || !/^\d*$/.test(nationalNumber)) return [];
  return [...outcomeOf(code, stateOf(code, nationalNumber), nationalNumber.length).validRegions];
}
