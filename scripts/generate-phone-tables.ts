/**
 * Writes the data file `data/phone/tables.br` (JSON; read on first use by src/phone/data.ts) from
 * libphonenumber-js's `max` metadata
 * (`libphonenumber-js/metadata.max.json`, MIT; the numbering plans come from Google's libphonenumber,
 * Apache-2.0). Run through `npm run generate:data` after upgrading libphonenumber-js.
 *
 * What it writes:
 * - per numbering plan (region, or non-geographic calling code), the facts the parser needs besides
 *   patterns: calling code, international (IDD) prefix, national prefix for parsing and its transform rule,
 *   possible lengths overall and per number type, and two flags;
 * - per calling code, its regions and ONE minimal automaton over the digits of a national number whose
 *   final state tells, for every region of the code, which of its patterns matched: national number
 *   pattern, each of the ten number types, and (as a prefix) the region's leading digits;
 * - four automata over character classes for the text-level checks libphonenumber-js makes before it
 *   looks at digits: "is this viable as a phone number", "does it end in an extension" (reversed, run
 *   from the end), and the two RFC 3966 `phone-context` forms.
 *
 * The regex → automaton compiler is `scripts/generate-phone-automaton.ts`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  FIRST_TYPE_TAG,
  FLAG_FIXED_LINE_IS_MOBILE,
  FLAG_HAS_LEADING_DIGITS,
  FLAG_HAS_TYPES,
  LEADING_DIGITS_TAG,
  NATIONAL_TAG,
  TAG_STRIDE,
} from '../src/phone/layout.js';
import { type DataFile, dataFile, writeDataFile } from './data-files.js';
import {
  alphabetOf,
  compileAutomaton,
  DIGIT_ALPHABET,
  packAutomaton,
  packNumbers,
  parsePattern,
  reversePattern,
  type TaggedPattern,
} from './generate-phone-automaton.js';

const require = createRequire(import.meta.url);

/** The JSON layout of one numbering plan in metadata version 4 (see libphonenumber-js `metadata.js`). */
type RawPlan = [
  callingCode: string,
  iddPrefix: string | 0,
  nationalNumberPattern: string,
  possibleLengths: number[] | 0,
  formats: unknown,
  nationalPrefix: string | 0,
  nationalPrefixFormattingRule: unknown,
  nationalPrefixForParsing: string | 0,
  nationalPrefixTransformRule: string | 0,
  nationalPrefixIsOptionalWhenFormatting: unknown,
  leadingDigits: string | 0,
  types: Array<RawType | 0> | 0,
  ...rest: unknown[],
];

type RawType = [pattern: string, possibleLengths?: number[]];

/** A plan's number types by metadata index, `undefined` where the metadata has `0` (no such type). */
const typesOf = (plan: RawPlan): Array<RawType | undefined> => (plan[11] || []).map((t) => (t === 0 ? undefined : t));

interface RawMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, RawPlan>;
  nonGeographic: Record<string, RawPlan>;
}

/** Number types per plan in the metadata (FIXED_LINE … SHARED_COST). */
const TYPE_COUNT = 10;

const lengthMask = (lengths: readonly number[] | 0 | undefined): number => {
  if (!lengths) return 0;
  let mask = 0;
  for (let k = 0; k < lengths.length; k++) {
    const n = lengths[k]!;
    if (n < 0 || n > 30 || (k > 0 && lengths[k - 1]! >= n)) throw new Error(`unexpected possible lengths ${lengths}`);
    mask |= 1 << n;
  }
  return mask;
};

/** The per-plan tuple written to the data module (decoded by `decodePlan` in src/phone/tables.ts). */
function planRecord(plan: RawPlan): unknown[] {
  const [callingCode, idd, , lengths, , nationalPrefix, , npfp, transform, , leadingDigits] = plan;
  const typeList = typesOf(plan);
  const typeLengths = Array.from({ length: TYPE_COUNT }, (_, t) => {
    const type = typeList[t];
    if (!type?.[0]) return 0;
    // A type without its own lengths inherits the plan's (libphonenumber-js Type.possibleLengths); a plan
    // without lengths skips the length check: every length 0-17 (MAX_LENGTH_FOR_NSN) is allowed.
    return lengthMask(type[1]) || lengthMask(lengths) || 0x3ffff;
  });
  const mobile = typeList[1];
  let flags = 0;
  if (!mobile || mobile[0] === '') flags |= FLAG_FIXED_LINE_IS_MOBILE;
  if (leadingDigits) flags |= FLAG_HAS_LEADING_DIGITS;
  if (typeList.length > 0) flags |= FLAG_HAS_TYPES;
  // libphonenumber-js NumberingPlan.nationalPrefixForParsing(): its own pattern, else the national prefix.
  return [
    callingCode,
    idd || '',
    npfp || nationalPrefix || '',
    transform || '',
    lengthMask(lengths),
    typeLengths,
    flags,
  ];
}

/** All patterns of the plans sharing one calling code, tagged by region index and pattern bit. */
function callingCodePatterns(plans: readonly RawPlan[]): TaggedPattern[] {
  const out: TaggedPattern[] = [];
  plans.forEach((plan, r) => {
    const base = r * TAG_STRIDE;
    out.push({ ast: parsePattern(plan[2]), tag: base + NATIONAL_TAG });
    if (plan[10]) out.push({ ast: parsePattern(plan[10]), tag: base + LEADING_DIGITS_TAG, prefix: true });
    const types = typesOf(plan);
    for (let t = 0; t < TYPE_COUNT; t++) {
      const type = types[t];
      if (type?.[0]) out.push({ ast: parsePattern(type[0]), tag: base + FIRST_TYPE_TAG + t });
    }
  });
  return out;
}

// ---- Text-level grammar, copied from libphonenumber-js 1.13.16 (MIT): source/constants.js,
// helpers/isViablePhoneNumber.js, helpers/extension/createExtensionPattern.js, helpers/extractPhoneContext.js.
// test/phone/tables.test.ts checks that these strings still equal the library's.

export const VALID_DIGITS = '0-9\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9';
const DASHES = '-\u2010-\u2015\u2212\u30FC\uFF0D';
const SLASHES = '\uFF0F/';
const DOTS = '\uFF0E.';
const WHITESPACE = ' \u00A0\u00AD\u200B\u2060\u3000';
const BRACKETS = '()\uFF08\uFF09\uFF3B\uFF3D\\[\\]';
const TILDES = '~\u2053\u223C\uFF5E';
export const VALID_PUNCTUATION = `${DASHES}${SLASHES}${DOTS}${WHITESPACE}${BRACKETS}${TILDES}`;
export const PLUS_CHARS = '+\uFF0B';
const MIN_LENGTH_FOR_NSN = 2;

/** createExtensionPattern() of libphonenumber-js (itself from Google libphonenumber's phonenumberutil.js). */
export function extensionPattern(): string {
  const digits = (max: number) => `([${VALID_DIGITS}]{1,${max}})`;
  const separatorsBeforeLabel = '[ \u00A0\\t,]*';
  const charsAfterLabel = '[:\\.\uFF0E]?[ \u00A0\\t,-]*';
  const optionalSuffix = '#?';
  const explicitLabels = '(?:e?xt(?:ensi(?:o\u0301?|\u00F3))?n?|\uFF45?\uFF58\uFF54\uFF4E?|\u0434\u043E\u0431|anexo)';
  const ambiguousLabels = '(?:[x\uFF58#\uFF03~\uFF5E]|int|\uFF49\uFF4E\uFF54)';
  const ambiguousSeparator = '[- ]+';
  const separatorsNoComma = '[ \u00A0\\t]*';
  const autoDiallingLabels = '(?:,{2}|;)';
  return [
    `;ext=${digits(20)}`,
    separatorsBeforeLabel + explicitLabels + charsAfterLabel + digits(20) + optionalSuffix,
    separatorsBeforeLabel + ambiguousLabels + charsAfterLabel + digits(9) + optionalSuffix,
    `${ambiguousSeparator + digits(6)}#`,
    separatorsNoComma + autoDiallingLabels + charsAfterLabel + digits(15) + optionalSuffix,
    `${separatorsNoComma}(?:,)+${charsAfterLabel}${digits(9)}${optionalSuffix}`,
  ].join('|');
}

/** isViablePhoneNumber: `^[digits]{2}$` or `^VALID_PHONE_NUMBER_WITH_EXTENSION$`, case-insensitive. */
export const VIABLE_SHORT = `[${VALID_DIGITS}]{${MIN_LENGTH_FOR_NSN}}`;
export const VIABLE_WITH_EXTENSION = `[${PLUS_CHARS}]{0,1}(?:[${VALID_PUNCTUATION}]*[${VALID_DIGITS}]){3,}[${VALID_PUNCTUATION}${VALID_DIGITS}]*(?:${extensionPattern()})?`;
/** RFC 3966 global-number-digits and domainname, as libphonenumber-js writes them (ALPHANUM is digits only). */
export const PHONE_CONTEXT_GLOBAL = `\\+([${VALID_DIGITS}]|[\\-\\.\\(\\)]?)*[${VALID_DIGITS}]([${VALID_DIGITS}]|[\\-\\.\\(\\)]?)*`;
export const PHONE_CONTEXT_DOMAIN = `([${VALID_DIGITS}]+((\\-)*[${VALID_DIGITS}])*\\.)*[a-zA-Z]+((\\-)*[${VALID_DIGITS}])*\\.?`;

/** The one tag of each text automaton: src/phone/text.ts only asks whether a state accepts. */
const TEXT_TAG = 0;

function textAutomata(): Record<string, string> {
  const viable = [parsePattern(VIABLE_SHORT, true), parsePattern(VIABLE_WITH_EXTENSION, true)];
  const extension = reversePattern(parsePattern(extensionPattern(), true));
  const global = parsePattern(PHONE_CONTEXT_GLOBAL);
  const domain = parsePattern(PHONE_CONTEXT_DOMAIN);
  const alphabet = alphabetOf([...viable, extension, global, domain]);
  const one = (asts: ReturnType<typeof parsePattern>[]) =>
    packAutomaton(
      compileAutomaton(
        asts.map((ast) => ({ ast, tag: TEXT_TAG })),
        alphabet,
      ),
    );
  return {
    alphabet: packNumbers(alphabet.ranges.flat()),
    viable: one(viable),
    extensionReversed: one([extension]),
    phoneContextGlobal: one([global]),
    phoneContextDomain: one([domain]),
  };
}

/** The generated module's text. Exported for the drift test (test/phone/tables.test.ts). */
export function generatePhoneTables(): DataFile {
  const metadata = require('libphonenumber-js/metadata.max.json') as RawMetadata;
  const { version } = require('libphonenumber-js/package.json') as { version: string };
  if (metadata.version !== 4) throw new Error(`unsupported metadata version ${metadata.version}`);

  const plans: Record<string, unknown[]> = {};
  for (const [region, plan] of Object.entries(metadata.countries)) plans[region] = planRecord(plan);
  for (const [code, plan] of Object.entries(metadata.nonGeographic)) plans[code] = planRecord(plan);

  const callingCodes: Record<string, [string, string]> = {};
  let states = 0;
  const codes = [
    ...Object.entries(metadata.country_calling_codes),
    ...Object.keys(metadata.nonGeographic).map((code) => [code, [] as string[]] as const),
  ];
  for (const [code, regions] of codes) {
    const codePlans = regions.length > 0 ? regions.map((r) => metadata.countries[r]!) : [metadata.nonGeographic[code]!];
    const automaton = compileAutomaton(callingCodePatterns(codePlans), DIGIT_ALPHABET);
    if (automaton.states > 0xffff) throw new Error(`+${code}: too many states`);
    states += automaton.states;
    callingCodes[code] = [regions.join(' '), packAutomaton(automaton)];
  }

  const tables = { source: `libphonenumber-js ${version} max`, plans, callingCodes, textAutomata: textAutomata() };
  return dataFile('phone/tables.br', JSON.stringify(tables), {
    title: 'Phone numbering plans compiled to automata: per plan its facts, per calling code one digit automaton.',
    sources: [`libphonenumber-js ${version}: metadata.max.json (numbering plans from Google's libphonenumber)`],
    licenses: ['libphonenumber-js: MIT', "Google's libphonenumber metadata: Apache-2.0"],
    notes: [
      `${Object.keys(plans).length} numbering plans, ${codes.length} calling codes, ${states} automaton states.`,
      'Format: one JSON object { source, plans, callingCodes, textAutomata }; layout and decoding in',
      'src/phone/data.ts, src/phone/tables.ts and src/phone/automaton.ts.',
    ],
    generator: 'scripts/generate-phone-tables.ts',
    readBy: 'src/phone/data.ts',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeDataFile(generatePhoneTables());
}
