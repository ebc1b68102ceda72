/**
 * libphonenumber-js's `max` metadata, compiled (scripts/generate-phone-tables.ts → data/phone/tables.br, read
 * by ./data.ts on first use) into what the parser reads: per numbering plan a few facts, per calling code one automaton over the
 * digits of a national number that decides every pattern of every region of the code in one pass.
 *
 * Everything is decoded on first use, per plan and per calling code: a process that only sees German
 * numbers decodes the +49 tables and nothing else.
 */
import { type Automaton, decodeAutomaton, runDigits } from './automaton.js';
import { phoneTables } from './data.js';
import {
  FIRST_TYPE_TAG,
  FLAG_FIXED_LINE_IS_MOBILE,
  FLAG_HAS_LEADING_DIGITS,
  FLAG_HAS_TYPES,
  LEADING_DIGITS_TAG,
  NATIONAL_TAG,
  TAG_STRIDE,
} from './layout.js';

/**
 * Mask bit: the national number pattern matches.
 *
 * @example
 * const code = callingCodeTables('49')!;
 * (patternMask(code, stateOf(code, '30901820'), code.plans[0]!, 8) & NATIONAL_BIT) !== 0; // true
 */
export const NATIONAL_BIT = 1 << NATIONAL_TAG;
const FIXED_LINE_BIT = 1 << FIRST_TYPE_TAG;
const MOBILE_BIT = 1 << (FIRST_TYPE_TAG + 1);
/**
 * Mask bit: the region's leading digits start the number (shared calling codes only).
 *
 * @example
 * const code = callingCodeTables('1')!; // NANP: 25 regions share +1
 * (patternMask(code, stateOf(code, '2125550100'), planOfRegion('US')!, 10) & LEADING_DIGITS_BIT) !== 0;
 */
export const LEADING_DIGITS_BIT = 1 << LEADING_DIGITS_TAG;

/**
 * Number types in the metadata's order (the `types` list of a numbering plan); type `k` has mask bit
 * `FIRST_TYPE_TAG + k`.
 *
 * @example
 * NUMBER_TYPES[1]; // 'MOBILE'
 */
export const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'PERSONAL_NUMBER',
  'VOICEMAIL',
  'UAN',
  'PAGER',
  'VOIP',
  'SHARED_COST',
] as const;

/** libphonenumber-js `getNumberType`'s order after FIXED_LINE (`NON_FIXED_LINE_PHONE_TYPES`), as mask bits. */
const NON_FIXED_LINE_ORDER = (
  [
    'MOBILE',
    'PREMIUM_RATE',
    'TOLL_FREE',
    'SHARED_COST',
    'VOIP',
    'PERSONAL_NUMBER',
    'PAGER',
    'UAN',
    'VOICEMAIL',
  ] as const
).map((type) => FIRST_TYPE_TAG + NUMBER_TYPES.indexOf(type));

/**
 * Longest national number libphonenumber-js accepts (MAX_LENGTH_FOR_NSN).
 *
 * @example
 * '301234567890123'.length <= MAX_NATIONAL_LENGTH; // true
 */
export const MAX_NATIONAL_LENGTH = 17;

/**
 * One numbering plan: a region (`'DE'`) or a non-geographic calling code (`'800'`).
 *
 * @example
 * const plan: Plan | undefined = planOfRegion('GB');
 * plan?.prefixForParsing?.source; // '^(?:0|180020)'
 */
export interface Plan {
  /** ISO 3166-1 alpha-2 region as libphonenumber names it, or `'001'` for a non-geographic code. */
  readonly region: string;
  readonly callingCode: string;
  /** Index of this plan among its calling code's plans (and in its automaton's masks). */
  readonly index: number;
  /** `^(?:IDD prefix)`: the exit code dialled from this region (`00`, `011`, `0011`, ...), or null. */
  readonly iddPrefix: RegExp | null;
  /** `^(?:national prefix for parsing)` (libphonenumber-js compiles it the same way), or null. */
  readonly prefixForParsing: RegExp | null;
  /** Replacement applied to the prefix match when it has a capture group; '' when none. */
  readonly transformRule: string;
  /** Possible national number lengths as a bit mask (bit n = length n); 0 when the plan has none. */
  readonly lengths: number;
  /** Per national number length, the pattern bits whose possible lengths allow it. */
  readonly lengthFilter: Uint16Array;
  /** No (or an empty) mobile pattern: a fixed-line match is FIXED_LINE_OR_MOBILE. */
  readonly fixedLineIsMobile: boolean;
  readonly hasLeadingDigits: boolean;
  readonly hasTypes: boolean;
}

/**
 * One calling code: its plans in metadata order (the first is the "main" one) and their automaton.
 *
 * @example
 * const code: CallingCode | undefined = callingCodeTables('7');
 * code?.plans.map((p) => p.region); // ['RU', 'KZ']
 */
export interface CallingCode {
  readonly callingCode: string;
  /** Region codes in metadata order; empty for a non-geographic code. */
  readonly regions: readonly string[];
  readonly plans: readonly Plan[];
  readonly automaton: Automaton;
  /** `masks[acceptSet * plans.length + planIndex]`: which patterns of that plan the state has matched. */
  readonly masks: Uint16Array;
  /** The last input run and its final state: parsing checks the same digits several times. */
  lastDigits: string;
  lastState: number;
  /** {@link outcomeOf} memo, by `acceptSet * OUTCOME_LENGTHS + min(length, MAX_NATIONAL_LENGTH + 1)`. */
  readonly outcomes: (Outcome | undefined)[];
}

/**
 * What the metadata says about a national number of a calling code, from its final state and length.
 *
 * @example
 * const code = callingCodeTables('44')!;
 * const outcome: Outcome = outcomeOf(code, stateOf(code, '8081570123'), 10);
 * outcome.validRegions; // ['GB', 'GG']
 */
export interface Outcome {
  /**
   * libphonenumber-js `getCountryByCallingCode`: the only region of the code, or for a shared code the
   * first region (metadata order) whose leading digits start the number or, for regions without leading
   * digits, in which the number has a type. Undefined for non-geographic codes and unclaimed numbers.
   */
  readonly region: string | undefined;
  /** Per plan of the code: libphonenumber-js `getNumberType` there. */
  readonly types: readonly (string | undefined)[];
  /** Per plan of the code: libphonenumber-js `isValid` there. */
  readonly valid: readonly boolean[];
  /** Regions (not `001`) in which the number is valid, in metadata order. */
  readonly validRegions: readonly string[];
}

const OUTCOME_LENGTHS = MAX_NATIONAL_LENGTH + 2;

const plans = new Map<string, Plan>();
const callingCodes = new Map<string, CallingCode>();

function lengthFilterOf(typeLengths: readonly number[]): Uint16Array {
  const filter = new Uint16Array(MAX_NATIONAL_LENGTH + 1);
  for (let n = 0; n <= MAX_NATIONAL_LENGTH; n++) {
    let bits = NATIONAL_BIT | LEADING_DIGITS_BIT;
    typeLengths.forEach((mask, t) => {
      if (mask & (1 << n)) bits |= 1 << (FIRST_TYPE_TAG + t);
    });
    filter[n] = bits;
  }
  return filter;
}

const anchored = (pattern: string): RegExp | null => (pattern === '' ? null : new RegExp(`^(?:${pattern})`));

function decodePlan(key: string, index: number): Plan {
  const [callingCode, idd, prefixForParsing, transformRule, lengths, typeLengths, flags] = phoneTables().plans[key]!;
  return {
    region: /^\d/.test(key) ? '001' : key,
    callingCode,
    index,
    iddPrefix: anchored(idd),
    prefixForParsing: anchored(prefixForParsing),
    transformRule,
    lengths,
    lengthFilter: lengthFilterOf(typeLengths),
    fixedLineIsMobile: (flags & FLAG_FIXED_LINE_IS_MOBILE) !== 0,
    hasLeadingDigits: (flags & FLAG_HAS_LEADING_DIGITS) !== 0,
    hasTypes: (flags & FLAG_HAS_TYPES) !== 0,
  };
}

function decodeCallingCode(callingCode: string): CallingCode | undefined {
  const record = phoneTables().callingCodes[callingCode];
  if (record === undefined) return undefined;
  const regions = record[0] === '' ? [] : record[0].split(' ');
  const planKeys = regions.length > 0 ? regions : [callingCode];
  const codePlans = planKeys.map((key, index) => {
    const plan = decodePlan(key, index);
    plans.set(key, plan);
    return plan;
  });
  const automaton = decodeAutomaton(record[1]);
  const masks = new Uint16Array(automaton.acceptSets.length * codePlans.length);
  automaton.acceptSets.forEach((tags, set) => {
    for (const tag of tags) {
      masks[set * codePlans.length + Math.floor(tag / TAG_STRIDE)]! |= 1 << (tag % TAG_STRIDE);
    }
  });
  return {
    callingCode,
    regions: Object.freeze(regions),
    plans: codePlans,
    automaton,
    masks,
    lastDigits: '',
    lastState: 1,
    outcomes: [],
  };
}

/**
 * The tables of a country calling code (`'1'`, `'44'`, `'800'`), decoded on first use; undefined when
 * no numbering plan has that code.
 *
 * @example
 * callingCodeTables('44')?.regions; // ['GB', 'GG', 'IM', 'JE']
 */
export function callingCodeTables(callingCode: string): CallingCode | undefined {
  let code = callingCodes.get(callingCode);
  if (code === undefined) {
    if (!Object.hasOwn(phoneTables().callingCodes, callingCode)) return undefined;
    code = decodeCallingCode(callingCode)!;
    callingCodes.set(callingCode, code);
  }
  return code;
}

/**
 * The numbering plan of a region (`'DE'`) as libphonenumber-js names it, or undefined.
 *
 * @example
 * planOfRegion('DE')?.callingCode; // '49'
 */
export function planOfRegion(region: string): Plan | undefined {
  const plan = plans.get(region);
  if (plan !== undefined) return plan;
  const { plans: records } = phoneTables();
  if (/^\d/.test(region) || !Object.hasOwn(records, region)) return undefined;
  callingCodeTables(records[region]![0]);
  return plans.get(region);
}

/**
 * The final automaton state for `digits` (ASCII digits), remembering the last run per calling code.
 *
 * @example
 * const code = callingCodeTables('49')!;
 * patternMask(code, stateOf(code, '30901820'), code.plans[0]!, 8) !== 0; // true
 */
export function stateOf(code: CallingCode, digits: string): number {
  if (digits !== code.lastDigits) {
    code.lastState = runDigits(code.automaton, digits);
    code.lastDigits = digits;
  }
  return code.lastState;
}

/**
 * Which patterns of `plan` match a national number of length `length` that ended in `state`: the
 * national pattern, each type whose possible lengths allow `length`, and the leading digits.
 *
 * @example
 * const code = callingCodeTables('1')!;
 * (patternMask(code, stateOf(code, '2125550100'), code.plans[0]!, 10) & NATIONAL_BIT) !== 0; // true
 */
export function patternMask(code: CallingCode, state: number, plan: Plan, length: number): number {
  const mask = code.masks[code.automaton.accept[state]! * code.plans.length + plan.index]!;
  // No type allows more than 17 digits; the national pattern and leading digits still answer.
  return mask & (length <= MAX_NATIONAL_LENGTH ? plan.lengthFilter[length]! : NATIONAL_BIT | LEADING_DIGITS_BIT);
}

function computeOutcome(code: CallingCode, state: number, length: number): Outcome {
  const types = code.plans.map((plan) => numberTypeOfMask(plan, patternMask(code, state, plan, length)));
  const valid = code.plans.map((plan) => isValidMask(plan, patternMask(code, state, plan, length)));
  let region: string | undefined;
  if (code.regions.length <= 1) region = code.regions[0];
  else {
    region = code.plans.find((plan, k) =>
      plan.hasLeadingDigits
        ? length > 0 && (patternMask(code, state, plan, length) & LEADING_DIGITS_BIT) !== 0
        : types[k] !== undefined,
    )?.region;
  }
  const validRegions = code.plans.filter((plan, k) => valid[k] && plan.region !== '001').map((plan) => plan.region);
  return { region, types, valid, validRegions };
}

/**
 * Everything the metadata decides about a national number of `code` that ended in `state` with `length`
 * digits: its region, and its type and validity in every plan of the code. Memoized per (accept set,
 * length): the automaton's state already carries all the information, so this is a table lookup.
 *
 * @example
 * const code = callingCodeTables('1')!;
 * outcomeOf(code, stateOf(code, '4165550123'), 10).region; // 'CA'
 */
export function outcomeOf(code: CallingCode, state: number, length: number): Outcome {
  const key = code.automaton.accept[state]! * OUTCOME_LENGTHS + Math.min(length, MAX_NATIONAL_LENGTH + 1);
  let outcome = code.outcomes[key];
  if (outcome === undefined) {
    outcome = computeOutcome(code, state, length);
    code.outcomes[key] = outcome;
  }
  return outcome;
}

/**
 * libphonenumber-js `getNumberType` from a pattern mask: FIXED_LINE first (FIXED_LINE_OR_MOBILE when the
 * mobile pattern also matches or the region has none), then the other types in the library's order.
 *
 * @example
 * numberTypeOfMask(planOfRegion('US')!, 0b111); // 'FIXED_LINE_OR_MOBILE'
 */
export function numberTypeOfMask(plan: Plan, mask: number): string | undefined {
  if ((mask & NATIONAL_BIT) === 0) return undefined;
  if (mask & FIXED_LINE_BIT) {
    return plan.fixedLineIsMobile || mask & MOBILE_BIT ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  for (const bit of NON_FIXED_LINE_ORDER) if (mask & (1 << bit)) return NUMBER_TYPES[bit - FIRST_TYPE_TAG];
  return undefined;
}

/**
 * libphonenumber-js `isValid` from a pattern mask: a type matches (or, for a plan without types, the
 * national pattern does).
 *
 * @example
 * isValidMask(planOfRegion('DE')!, 0b11); // true
 */
export function isValidMask(plan: Plan, mask: number): boolean {
  return plan.hasTypes ? numberTypeOfMask(plan, mask) !== undefined : (mask & NATIONAL_BIT) !== 0;
}

/**
 * True when `region` has a numbering plan (libphonenumber-js `isSupportedCountry`), e.g. `'DE'`, `'AC'`.
 *
 * @example
 * isPhoneRegion('DE'); // true
 */
export function isPhoneRegion(region: string): boolean {
  return region.length === 2 && Object.hasOwn(phoneTables().plans, region);
}
