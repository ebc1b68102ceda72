/**
 * The differential corpus: phone inputs of every shape, built from libphonenumber-js's own `max` metadata
 * (every number type of every region, numbers drawn from the type's pattern with `fc.stringMatching`) and
 * rendered the ways people and systems write them. Each case names its input class, so the tests can assert
 * that every class was exercised (non-vacuity counters).
 */
import { fc } from '@fast-check/vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { NUMBER_TYPES } from '../../src/phone/tables.js';

type RawType = [pattern: string, lengths?: number[]] | 0;
type RawPlan = [string, string | 0, string, number[], unknown, string | 0, ...unknown[]];
interface RawMetadata {
  countries: Record<string, RawPlan>;
  nonGeographic: Record<string, RawPlan>;
}
const metadata = maxMetadata as unknown as RawMetadata;

/** Every region with a numbering plan. */
export const REGIONS: readonly string[] = Object.keys(metadata.countries);

/** One number type of one plan: where to draw national numbers from. */
interface TypeSource {
  /** Region, or `undefined` for a non-geographic calling code. */
  region: string | undefined;
  callingCode: string;
  type: (typeof NUMBER_TYPES)[number];
  pattern: string;
  lengths: readonly number[];
}

const typeSources: TypeSource[] = [];
const addPlan = (region: string | undefined, plan: RawPlan): void => {
  const types = ((plan[11] as RawType[] | 0) || []).map((t) => (t === 0 ? undefined : t));
  types.forEach((t, k) => {
    if (t?.[0]) {
      typeSources.push({
        region,
        callingCode: plan[0],
        type: NUMBER_TYPES[k]!,
        pattern: t[0],
        lengths: t[1] ?? plan[3],
      });
    }
  });
};
for (const [region, plan] of Object.entries(metadata.countries)) addPlan(region, plan);
for (const plan of Object.values(metadata.nonGeographic)) addPlan(undefined, plan);

/** Number of (plan, type) pairs the corpus draws from. */
export const TYPE_SOURCE_COUNT = typeSources.length;

/** Each region's international (IDD) prefix pattern. */
const iddOf = (region: string): string => (metadata.countries[region]![1] || '00') as string;

const stringMatchingCache = new Map<string, fc.Arbitrary<string>>();
const matching = (pattern: string): fc.Arbitrary<string> => {
  let arb = stringMatchingCache.get(pattern);
  if (arb === undefined) {
    arb = fc.stringMatching(new RegExp(`^(?:${pattern})$`));
    stringMatchingCache.set(pattern, arb);
  }
  return arb;
};

/** A number drawn from a type pattern of a plan, of one of the type's possible lengths. */
export interface DrawnNumber {
  region: string | undefined;
  callingCode: string;
  type: string;
  national: string;
}

export const drawnNumber: fc.Arbitrary<DrawnNumber> = fc.constantFrom(...typeSources).chain((source) =>
  matching(source.pattern)
    .filter((n) => source.lengths.includes(n.length))
    .map((national) => ({ region: source.region, callingCode: source.callingCode, type: source.type, national })),
);

/** The same number with one to three digits changed, or a digit added or removed: mostly invalid. */
export const mutatedNumber: fc.Arbitrary<DrawnNumber> = fc
  .tuple(
    drawnNumber,
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(-2, -1, 0, 0, 0, 1, 2),
  )
  .map(([n, edits, lengthChange]) => {
    const digits = n.national.split('');
    for (const [pos, d] of edits) digits[pos % digits.length] = String(d);
    if (lengthChange > 0) digits.push(...'7'.repeat(lengthChange));
    else if (lengthChange < 0) digits.length = Math.max(1, digits.length + lengthChange);
    return { ...n, national: digits.join('') };
  });

/** Ways people group digits: spaces, dashes, dots, slashes, parentheses around a group. */
const separator = fc.constantFrom('', '', ' ', ' ', '-', '.', '/', ' - ', ' (', ') ', ')');

/** A rendering of `digits` split into random groups. */
export function formatted(digits: string): fc.Arbitrary<string> {
  return fc.array(separator, { minLength: digits.length, maxLength: digits.length }).map((seps) => {
    let out = '';
    for (let i = 0; i < digits.length; i++) out += digits[i] + (i < digits.length - 1 ? seps[i]! : '');
    return out;
  });
}

/** Extensions as written in the wild (libphonenumber's extension patterns: explicit, ambiguous, RFC 3966, ...). */
export const extensionSuffix: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      ' x',
      'x',
      ' X ',
      ' ext. ',
      ' ext ',
      ' Ext: ',
      ' extension ',
      ';ext=',
      ' #',
      ' ~',
      ',,',
      ',',
      ';',
      ' anexo ',
      ' доб. ',
      ' int ',
      ' ｅｘｔ ',
      '-',
      ' - ',
    ),
    fc.stringMatching(/^\d{1,10}$/),
    fc.constantFrom('', '', '#'),
  )
  .map(([label, digits, hash]) => `${label}${digits}${hash}`);

/** A region to read with: the number's own, a random one, or none. */
const regionFor = (own: string | undefined): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(own) },
    { weight: 2, arbitrary: fc.constantFrom(...REGIONS) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

/** One differential case. */
export interface PhoneCase {
  kind: string;
  input: unknown;
  region: string | undefined;
}

const e164Of = (n: DrawnNumber) => `+${n.callingCode}${n.national}`;

/** National rendering by libphonenumber-js itself (trunk prefix and grouping per region), else the digits. */
function nationalText(n: DrawnNumber): string {
  const parsed = parsePhoneNumberFromString(e164Of(n));
  return parsed?.formatNational() ?? n.national;
}

/** The renderings of a drawn (valid or mutated) number, one arbitrary per input class. */
function renderings(source: fc.Arbitrary<DrawnNumber>, prefix: string): Record<string, fc.Arbitrary<PhoneCase>> {
  const kind = (k: string) => `${prefix}${k}`;
  return {
    [kind('e164')]: source.chain((n) =>
      regionFor(n.region).map((region) => ({ kind: kind('e164'), input: e164Of(n), region })),
    ),
    [kind('international')]: source.chain((n) =>
      fc
        .tuple(formatted(n.national), fc.constantFrom('+', '+ ', '+(', '(+'), fc.constantFrom(' ', '-', '', ' (0)'))
        .chain(([f, plus, gap]) =>
          regionFor(n.region).map((region) => ({
            kind: kind('international'),
            input: `${plus}${n.callingCode}${plus.endsWith('(') ? ')' : ''}${gap}${f}`,
            region,
          })),
        ),
    ),
    [kind('national')]: source
      .filter((n) => n.region !== undefined)
      .map((n) => ({ kind: kind('national'), input: nationalText(n), region: n.region })),
    [kind('nationalNoTrunk')]: source
      .filter((n) => n.region !== undefined)
      .chain((n) => formatted(n.national).map((f) => ({ kind: kind('nationalNoTrunk'), input: f, region: n.region }))),
    [kind('exitCode')]: source.chain((n) =>
      fc.constantFrom(...REGIONS).chain((home) =>
        fc.tuple(matching(iddOf(home)), fc.constantFrom(' ', '-', ''), formatted(n.national)).map(([idd, gap, f]) => ({
          kind: kind('exitCode'),
          input: `${idd}${gap}${n.callingCode}${gap}${f}`,
          region: home,
        })),
      ),
    ),
    [kind('exitCode00or011')]: source.chain((n) =>
      fc
        .tuple(fc.constantFrom('00', '011', '00 ', '011 '), formatted(n.national), regionFor(undefined))
        .map(([exit, f, region]) => ({ kind: kind('exitCode00or011'), input: `${exit}${n.callingCode} ${f}`, region })),
    ),
    [kind('extension')]: source.chain((n) =>
      fc
        .tuple(fc.constantFrom(e164Of(n), nationalText(n), `+${n.callingCode} ${n.national}`), extensionSuffix)
        .chain(([text, ext]) =>
          regionFor(n.region).map((region) => ({ kind: kind('extension'), input: text + ext, region })),
        ),
    ),
    // The filter is outside the chain: inside, a number whose two renderings are both unsafe integers
    // would make fast-check retry forever.
    [kind('jsonNumber')]: source
      .chain((n) =>
        fc
          .tuple(fc.constantFrom(`${n.callingCode}${n.national}`, n.national.replace(/^0+/, '')), regionFor(n.region))
          .map(([digits, region]) => ({ kind: kind('jsonNumber'), input: Number(digits), region })),
      )
      .filter((c) => Number.isSafeInteger(c.input) && c.input > 0),
    [kind('bareText')]: source.chain((n) =>
      regionFor(n.region).map((region) => ({ kind: kind('bareText'), input: `${n.callingCode}${n.national}`, region })),
    ),
  };
}

/** Random digit strings with or without `+` or a trunk-like `0`. */
const randomDigits: fc.Arbitrary<PhoneCase> = fc
  .tuple(fc.constantFrom('', '', '+', '0', '00'), fc.stringMatching(/^\d{1,18}$/), regionFor(undefined))
  .map(([lead, digits, region]) => ({ kind: 'randomDigits', input: lead + digits, region }));

/** Phone-ish text: digits of several scripts, separators, plus signs, extension labels, letters. */
const randomText: fc.Arbitrary<PhoneCase> = fc
  .tuple(
    fc.array(
      fc.constantFrom(
        '0',
        '1',
        '2',
        '44',
        '49',
        '212',
        '555',
        '0100',
        '７',
        '٣',
        '۵',
        '+',
        '＋',
        ' ',
        '-',
        '.',
        '(',
        ')',
        '/',
        '[',
        ']',
        '~',
        '\u00a0',
        '\u2010',
        'x',
        'ext',
        'ext.',
        ';ext=',
        '#',
        ',',
        ';',
        'int',
        'tel:',
        ';isub=1',
        'a',
        'Z',
        'ó',
        'доб',
      ),
      { maxLength: 24 },
    ),
    regionFor(undefined),
  )
  .map(([parts, region]) => ({ kind: 'randomText', input: parts.join(''), region }));

/** Every input class by name: valid and mutated numbers in every rendering, random digits and text. */
export const CASES_BY_KIND: Readonly<Record<string, fc.Arbitrary<PhoneCase>>> = {
  ...renderings(drawnNumber, ''),
  ...renderings(mutatedNumber, 'mutated:'),
  randomDigits,
  randomText,
};

/** The class names (for the counters). */
export const CASE_KINDS: readonly string[] = Object.keys(CASES_BY_KIND);

/** Any class. */
export const phoneCase: fc.Arbitrary<PhoneCase> = fc.oneof(...Object.values(CASES_BY_KIND));

const ofKinds = (...kinds: string[]) => fc.oneof(...kinds.map((k) => CASES_BY_KIND[k]!));

/** Ten families of classes, for the fuzz suite's one property per family. */
export const CASE_FAMILIES: Readonly<Record<string, fc.Arbitrary<PhoneCase>>> = {
  'E.164': ofKinds('e164'),
  'international formatted': ofKinds('international'),
  'national, with and without trunk prefix': ofKinds('national', 'nationalNoTrunk'),
  'exit codes': ofKinds('exitCode', 'exitCode00or011'),
  extensions: ofKinds('extension', 'mutated:extension'),
  'JSON numbers and bare digits': ofKinds('jsonNumber', 'bareText'),
  'mutated, international renderings': ofKinds(
    'mutated:e164',
    'mutated:international',
    'mutated:exitCode',
    'mutated:exitCode00or011',
  ),
  'mutated, national renderings': ofKinds(
    'mutated:national',
    'mutated:nationalNoTrunk',
    'mutated:jsonNumber',
    'mutated:bareText',
  ),
  'random digits': ofKinds('randomDigits'),
  'random phone-ish text': ofKinds('randomText'),
};
