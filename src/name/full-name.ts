/**
 * Person names: whitespace and Unicode normalization, and the full-name order of CLDR person-name
 * formatting (https://www.unicode.org/reports/tr35/tr35-personNames.html): names written in Han, Hangul or
 * Kana are given family name first with no space (`山田太郎`, `김민준`), others given name first with a space,
 * unless the name's locale says surname first (`hu`, `vi`: `Bartók Béla`, `Nguyễn Văn An`).
 * Case is never changed: `McDonald`, `van der Berg` and `DE LA CRUZ` are the person's own spelling.
 */
import * as z from 'zod/mini';
import { checkOptions } from '../shared/options.js';

/**
 * Every Unicode white-space character (White_Space property: ASCII space and tabs, NBSP U+00A0,
 * the U+2000–U+200A spaces, U+3000 ideographic space, line/paragraph separators...), plus the
 * zero-width space U+200B and BOM U+FEFF that legacy exports leave behind, in runs.
 */
const WHITESPACE_RUN = /[\s\u200b\ufeff]+/gu;

/**
 * C0/C1 control characters other than whitespace, and the explicit bidirectional formatting characters of
 * UAX #9 (LRM, RLM, ALM, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069): never part
 * of a name. The bidi marks come from copy and paste; within one name part the bidi algorithm orders the text
 * on its own, and an unterminated embedding or override would spill into the other part once they are
 * joined. (ZWJ and ZWNJ are kept: they shape Persian and Indic names.)
 */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Han ideographs, Hangul syllables/jamo, Hiragana and Katakana (CLDR: scripts written without spaces in names). */
const CJK_NAME_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A lone (unpaired) UTF-16 surrogate: broken text from legacy systems; it would make NFC lossy. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Longest name part we keep; longer inputs are not names (a 10 MB "first name" is junk). */
export const MAX_NAME_PART_LENGTH = 1024;

/**
 * One name part, cleaned: NFC, control characters removed, every run of Unicode whitespace (including
 * NBSP and U+3000) collapsed to one ASCII space, trimmed. Letter case is kept. `null` for non-strings,
 * empty results and parts over {@link MAX_NAME_PART_LENGTH} characters. Idempotent.
 *
 * @example
 * normalizeNamePart('  Mary\u00a0 Ann ');  // 'Mary Ann'
 * normalizeNamePart('Jose\u0301');         // 'José' (NFC)
 * normalizeNamePart('   ');                // null
 */
export function normalizeNamePart(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_NAME_PART_LENGTH * 4) return null;
  if (isCleanAscii(input)) return input;
  // Lone surrogates become U+FFFD (what String#toWellFormed does) so NFC and output encoders see valid text.
  // NFC comes after control removal: removing a control between a letter and a combining mark
  // (`a\u0000\u0301`) joins them, and only a later NFC composes the pair, keeping the function idempotent.
  const text = input
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(CONTROL, '')
    .replace(WHITESPACE_RUN, ' ')
    .normalize('NFC')
    .trim();
  if (text.length === 0 || text.length > MAX_NAME_PART_LENGTH) return null;
  return text;
}

/**
 * Fast path: printable ASCII words separated by single spaces, no leading/trailing space. Such text is
 * already NFC, has no control characters and no whitespace to collapse, so normalization is the identity.
 * Most names in real data take this path (a char loop, no regex, no allocation).
 */
function isCleanAscii(s: string): boolean {
  if (s.length > MAX_NAME_PART_LENGTH) return false;
  let previousSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (c > 32 && c < 127) previousSpace = false;
    else return false;
  }
  return !previousSpace;
}

/** Options of {@link buildFullName}. */
export interface BuildFullNameOptions {
  /**
   * Name order: `'auto'` (default) applies the CLDR rule (family first without a space when both parts
   * are written in Han/Hangul/Kana; family first with a space when `locale` is a surname-first language),
   * `'given-first'` and `'family-first'` force an order (with a space).
   */
  order?: 'auto' | 'given-first' | 'family-first';
  /**
   * The name's locale (BCP 47, `hu`, `vi-VN`), when known: CLDR orders names by the locale of the name, and
   * script alone cannot tell a Hungarian or Vietnamese name written in Latin letters.
   */
  locale?: string;
}

const buildFullNameOptionsSchema = z.lazy(() =>
  z.strictObject({
    order: z.optional(z.enum(['auto', 'given-first', 'family-first'])),
    locale: z.optional(z.string()),
  }),
);

/**
 * Languages whose names are written surname first (CLDR person-name data, `nameOrderLocales`
 * surnameFirst; also the conventions of the W3C article "Personal names around the world"): Hungarian,
 * Japanese, Korean, Vietnamese, Chinese and Cantonese.
 */
const SURNAME_FIRST_LANGUAGES: ReadonlySet<string> = new Set(['hu', 'ja', 'ko', 'vi', 'zh', 'yue']);

function isSurnameFirstLocale(locale: string | undefined): boolean {
  if (locale === undefined) return false;
  const dash = locale.search(/[-_]/);
  return SURNAME_FIRST_LANGUAGES.has((dash < 0 ? locale : locale.slice(0, dash)).toLowerCase());
}

function isCjkName(part: string): boolean {
  return CJK_NAME_SCRIPT.test(part);
}

/**
 * A display full name from a given (first) and family (last) name.
 *
 * - Each part goes through {@link normalizeNamePart}; only one present → that one; none → `null`.
 * - Both parts in Han, Hangul or Kana → family name first with no space (CLDR person-name order for
 *   ja, zh, ko): `last=山田, first=太郎` → `山田太郎`.
 * - Else, with a surname-first `locale` (`hu`, `vi`, ...) → family name, a space, given name.
 * - Otherwise given name, a space, family name. Case is never changed.
 *
 * Throws a `TypeError` naming the option for an unknown option or a bad `order` (programmer misuse).
 *
 * @example
 * buildFullName('Ada', 'Lovelace');                   // 'Ada Lovelace'
 * buildFullName('太郎', '山田');                       // '山田太郎'
 * buildFullName('Béla', 'Bartók', { locale: 'hu' });  // 'Bartók Béla'
 * buildFullName(null, '  Nakamoto ');                 // 'Nakamoto'
 * buildFullName('', undefined);                       // null
 */
export function buildFullName(first: unknown, last: unknown, options?: BuildFullNameOptions): string | null {
  const checked =
    options === undefined ? undefined : checkOptions('buildFullName', buildFullNameOptionsSchema, options);
  const order = checked?.order ?? 'auto';
  const given = normalizeNamePart(first);
  const family = normalizeNamePart(last);
  if (given === null) return family;
  if (family === null) return given;
  if (order === 'family-first') return `${family} ${given}`;
  if (order === 'given-first') return `${given} ${family}`;
  if (isCjkName(given) && isCjkName(family)) return `${family}${given}`;
  return isSurnameFirstLocale(checked?.locale) ? `${family} ${given}` : `${given} ${family}`;
}
