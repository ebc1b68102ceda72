/**
 * From input text to digits and extension, as libphonenumber-js's `parse()` does before it looks at the
 * digits: RFC 3966 `phone-context` (`extractFormattedPhoneNumberFromPossibleRfc3966NumberUri`), extraction of
 * the number from surrounding text (`extractFormattedPhoneNumber`), `isViablePhoneNumber`, `extractExtension`
 * and `parseIncompletePhoneNumber`.
 *
 * The common shapes (a `+` or a digit, then ASCII digits and the separators ` -./()[]`, ending in a digit)
 * take a loop over the characters. Everything else takes the general path, where the library's regexes
 * (viability, extension, phone-context) are automata over character classes compiled at build time
 * (scripts/generate-phone-tables.ts): same language, linear time (the library's own regexes backtrack
 * polynomially on adversarial input).
 */
import { type Automaton, decodeAutomaton, unpackNumbers } from './automaton.js';
import { phoneTables } from './data.js';

/**
 * The text of a phone number reduced to what the parser needs.
 *
 * @example
 * const text: PhoneText | undefined = readPhoneText('+44 20 7946 0958');
 * text?.digits; // '+442079460958'
 */
export interface PhoneText {
  /** ASCII digits, led by `+` when the number was written with one (libphonenumber-js `parseIncompletePhoneNumber`). */
  digits: string;
  /** The extension digits as written (`x123` → `'123'`), or undefined. */
  extension: string | undefined;
  /**
   * The text was nothing but ASCII digits, the first not 0: a number that may have lost its `+` (see the
   * bare-number rule in normalize.ts). A leading 0 is a trunk or exit code, never a calling code.
   */
  bare: boolean;
}

/** libphonenumber-js MAX_INPUT_STRING_LENGTH: longer text is not parsed at all. */
const MAX_TEXT_LENGTH = 250;

/** Value of a digit the library accepts (ASCII, fullwidth, Arabic-Indic, Eastern Arabic-Indic), else -1. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  if (c >= 0x660 && c <= 0x669) return c - 0x660;
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0;
  return -1;
}

/** Separators of the fast path: a subset of the library's VALID_PUNCTUATION that no extension pattern uses. */
function isFastSeparator(c: number): boolean {
  // space ( ) - . / [ ]
  return c === 32 || c === 40 || c === 41 || c === 45 || c === 46 || c === 47 || c === 91 || c === 93;
}

/**
 * The common shapes: separators ` -./()[]` (dropped by the library's extraction), then optional `+`, ASCII
 * digits and separators, a digit last, at least three digits. For these the library's extraction keeps
 * everything from the `+` or first digit on, the viability pattern matches, and no extension pattern can
 * (each needs a letter, `#`, `~`, `,` or `;`). Undefined otherwise.
 */
function fastPhoneText(text: string): PhoneText | undefined {
  const length = text.length;
  if (length > MAX_TEXT_LENGTH) return undefined;
  let from = 0;
  while (from < length && isFastSeparator(text.charCodeAt(from))) from++;
  const first = text.charCodeAt(from);
  let start = from;
  if (first === 43) start++;
  else if (first < 48 || first > 57) return undefined;
  const last = text.charCodeAt(length - 1);
  if (last < 48 || last > 57) return undefined;
  let separators = from > 0;
  for (let i = start; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (!isFastSeparator(c)) return undefined;
    separators = true;
  }
  let digits = text;
  if (separators) {
    // Append whole runs of digits: fewer intermediate strings than one character at a time.
    digits = start > from ? '+' : '';
    let run = start;
    for (let i = start; i <= length; i++) {
      const c = i < length ? text.charCodeAt(i) : 32;
      if (c < 48 || c > 57) {
        if (i > run) digits += text.slice(run, i);
        run = i + 1;
      }
    }
  }
  const count = start > from ? digits.length - 1 : digits.length;
  if (count < 3) return undefined;
  return { digits, extension: undefined, bare: first !== 48 && first !== 43 && !separators };
}

interface TextAutomata {
  /** ASCII code unit → class; others through `ranges`. */
  ascii: Uint8Array;
  ranges: number[];
  viable: Automaton;
  extensionReversed: Automaton;
  phoneContextGlobal: Automaton;
  phoneContextDomain: Automaton;
}

let automata: TextAutomata | undefined;

function textAutomata(): TextAutomata {
  if (automata === undefined) {
    const packed = phoneTables().textAutomata;
    const ranges = unpackNumbers(packed.alphabet);
    const ascii = new Uint8Array(128);
    for (let k = 0; k < ranges.length; k += 3) {
      for (let u = ranges[k]!; u <= ranges[k + 1]! && u < 128; u++) ascii[u] = ranges[k + 2]!;
    }
    automata = {
      ascii,
      ranges,
      viable: decodeAutomaton(packed.viable),
      extensionReversed: decodeAutomaton(packed.extensionReversed),
      phoneContextGlobal: decodeAutomaton(packed.phoneContextGlobal),
      phoneContextDomain: decodeAutomaton(packed.phoneContextDomain),
    };
  }
  return automata;
}

/** The character class of a code unit (0: no pattern mentions it). */
function classOf(t: TextAutomata, c: number): number {
  if (c < 128) return t.ascii[c]!;
  const ranges = t.ranges;
  let lo = 0;
  let hi = ranges.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < ranges[mid * 3]!) hi = mid - 1;
    else if (c > ranges[mid * 3 + 1]!) lo = mid + 1;
    else return ranges[mid * 3 + 2]!;
  }
  return 0;
}

/** True when the whole of `text` is in the automaton's language. */
function accepts(t: TextAutomata, a: Automaton, text: string): boolean {
  let s = 1;
  for (let i = 0; i < text.length && s !== 0; i++) s = a.next[s * a.classes + classOf(t, text.charCodeAt(i))]!;
  return a.accept[s] !== 0;
}

/** True when some suffix of `text` matches the extension pattern (the reversed automaton runs backwards). */
function endsWithExtension(t: TextAutomata, text: string): boolean {
  const a = t.extensionReversed;
  let s = 1;
  for (let i = text.length - 1; i >= 0; i--) {
    s = a.next[s * a.classes + classOf(t, text.charCodeAt(i))]!;
    if (s === 0) return false;
    if (a.accept[s] !== 0) return true;
  }
  return false;
}

/**
 * libphonenumber-js `isPhoneContextValid` for a present context: an RFC 3966 global number (`+` and digits
 * with visual separators) or a domain name (as the library writes it: labels of digits, a top label of
 * letters). Internal (exported for the test against the library).
 *
 * @example
 * isValidPhoneContext('+1-212'); // true
 */
export function isValidPhoneContext(context: string): boolean {
  const t = textAutomata();
  return context !== '' && (accepts(t, t.phoneContextGlobal, context) || accepts(t, t.phoneContextDomain, context));
}

const PHONE_CONTEXT = ';phone-context=';
const RFC3966_PREFIX = 'tel:';
const ISDN_SUBADDRESS = ';isub=';

/**
 * `extractFormattedPhoneNumberFromPossibleRfc3966NumberUri` and `extractFormattedPhoneNumber`: the part of
 * the text that can be a number, or undefined. libphonenumber-js tests the phone-context with two global
 * (`g`) regexes, whose `lastIndex` makes every other call on the same process fail; we apply the same
 * patterns without that state (see docs/phone.md).
 */
function formattedNumber(text: string): string | undefined {
  let number: string;
  const contextAt = text.indexOf(PHONE_CONTEXT);
  if (contextAt >= 0) {
    const from = contextAt + PHONE_CONTEXT.length;
    const end = text.indexOf(';', from);
    const context = from >= text.length ? '' : text.substring(from, end >= 0 ? end : undefined);
    if (!isValidPhoneContext(context)) return undefined;
    const uriAt = text.indexOf(RFC3966_PREFIX);
    number = (context.charCodeAt(0) === 43 ? context : '') + text.substring(uriAt >= 0 ? uriAt + 4 : 0, contextAt);
  } else {
    if (text.length > MAX_TEXT_LENGTH) return undefined;
    let start = 0;
    while (start < text.length) {
      const c = text.charCodeAt(start);
      if (c === 43 || c === 0xff0b || digitValue(c) >= 0) break;
      start++;
    }
    if (start === text.length) return undefined;
    let end = text.length;
    while (end > start) {
      const c = text.charCodeAt(end - 1);
      if (c === 35 /* # */ || digitValue(c) >= 0) break;
      end--;
    }
    number = text.slice(start, end);
  }
  const isdnAt = number.indexOf(ISDN_SUBADDRESS);
  if (isdnAt > 0) number = number.slice(0, isdnAt);
  return number === '' ? undefined : number;
}

/** `parseIncompletePhoneNumber`: digits as ASCII, and a `+` only as the very first character kept. */
function digitsOf(text: string, end: number): string {
  let out = '';
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 43) {
      if (out === '') out = '+';
    } else {
      const d = digitValue(c);
      if (d >= 0) out += String.fromCharCode(48 + d);
    }
  }
  return out;
}

/**
 * The general path: everything libphonenumber-js does with the text, in linear time. Internal (exported
 * for the test that pins the fast path to it).
 *
 * @example
 * generalPhoneText('(212) 555-0100 x12'); // { digits: '2125550100', extension: '12', bare: false }
 */
export function generalPhoneText(text: string): PhoneText | undefined {
  const t = textAutomata();
  const number = formattedNumber(text);
  if (number === undefined || number.length < 2 || !accepts(t, t.viable, number)) return undefined;
  let end = number.length;
  let extension: string | undefined;
  if (endsWithExtension(t, number)) {
    // Every extension pattern ends in its digits and an optional '#', and has no other digits: so the
    // captured extension is the run of digits before that '#', and the number is everything before it.
    let digitsEnd = end;
    if (number.charCodeAt(digitsEnd - 1) === 35) digitsEnd--;
    end = digitsEnd;
    while (end > 0 && digitValue(number.charCodeAt(end - 1)) >= 0) end--;
    extension = number.slice(end, digitsEnd);
  }
  const digits = digitsOf(number, end);
  return digits === '' ? undefined : { digits, extension, bare: false };
}

/**
 * Digits and extension of a phone number written as text, or undefined where libphonenumber-js finds no
 * number (nothing that starts like a number, not viable, over 250 characters).
 *
 * @example
 * readPhoneText('+1 (212) 555-0100 ext. 12'); // { digits: '+12125550100', extension: '12', bare: false }
 */
export function readPhoneText(text: string): PhoneText | undefined {
  return fastPhoneText(text) ?? generalPhoneText(text);
}
