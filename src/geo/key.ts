/**
 * Lookup-key normalization shared by every free-text index in src/geo (country names, subdivision names,
 * city names). Both the data and the input go through the same function, so matching ignores case,
 * accents, punctuation, a leading "the" and extra whitespace (issue 3, "Country normalisation").
 */

/** Longest free-text value we try to match; anything longer is not a place name (bounds the work). */
export const MAX_KEY_INPUT_LENGTH = 200;

// Apostrophes and dots vanish ("Côte d'Ivoire" = "Cote dIvoire", "U.S.A." = "USA"); every other
// punctuation or symbol becomes a space ("Guinea-Bissau" = "Guinea Bissau", "Korea, Republic of").
const DROPPED = /['’‘`´ʼ.·]/g;
const SEPARATORS = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]+/gu;
// Only the Latin/Greek/Cyrillic combining diacritics (Unicode blocks 0300–036F, 1AB0–1AFF, 1DC0–1DFF,
// 20D0–20FF, FE20–FE2F): removing every \p{M} would also delete Indic and Thaana vowel signs, which carry
// meaning and made distinct country names collide in the locale data.
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;

/**
 * Returns the normalized key of a place name, or `null` when the input is not a non-empty string
 * of at most {@link MAX_KEY_INPUT_LENGTH} characters.
 *
 * Steps: NFKD (compatibility decomposition also folds full-width forms), remove combining diacritics,
 * lowercase, `&` → `and`, drop apostrophes and dots, map other punctuation to spaces, collapse
 * whitespace, drop a leading "the".
 *
 * @example
 * normalizePlaceKey("  The Côte d'Ivoire ") // → "cote divoire"
 */
export function normalizePlaceKey(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_KEY_INPUT_LENGTH) return null;
  const ascii = asciiPlaceKey(input);
  const key = ascii === undefined ? unicodePlaceKey(input) : ascii;
  if (key.startsWith('the ')) return key.length === 4 ? null : key.slice(4);
  return key.length === 0 ? null : key;
}

function unicodePlaceKey(input: string): string {
  let key = input
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(DROPPED, '')
    .replace(SEPARATORS, ' ')
    .trim();
  // ß has no decomposition; fold it like German orthography does for capitals.
  if (key.includes('ß')) key = key.replace(/ß/g, 'ss');
  return key;
}

/**
 * The same key for printable-ASCII input without NFKD or regexes (most place names in real columns):
 * letters are lowercased, digits kept, `'`, `` ` `` and `.` dropped, `&` read as "and", every other
 * character is a separator (all ASCII punctuation, symbols, spaces and controls are \p{P}, \p{S}, \p{Z}
 * or \p{Cc}). Returns undefined for any non-ASCII character; a differential test pins it to the slow path.
 */
function asciiPlaceKey(input: string): string | undefined {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    if (c > 0x7f) return undefined;
    if (c === 0x27 || c === 0x60 || c === 0x2e) continue; // ' ` . vanish
    const upper = c >= 0x41 && c <= 0x5a;
    if (upper || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (pendingSpace && out.length > 0) out += ' ';
      pendingSpace = false;
      if (upper) c += 0x20;
      out += String.fromCharCode(c);
    } else if (c === 0x26) {
      out += out.length > 0 ? ' and' : 'and';
      pendingSpace = true;
    } else {
      pendingSpace = true;
    }
  }
  return out;
}
