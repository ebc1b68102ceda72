/**
 * The layout of the generated phone tables, shared by their writer (scripts/generate-phone-tables.ts) and
 * their reader (src/phone/tables.ts), so the two cannot drift apart.
 *
 * A calling code's automaton reports tags `planIndex * TAG_STRIDE + bit`; per plan, the bits are the
 * national number pattern, the ten number types in the metadata's order, and the leading digits.
 */

/**
 * Tags per plan in an automaton.
 *
 * @example
 * const tag = 3 * TAG_STRIDE + LEADING_DIGITS_TAG; // the 4th plan's leading digits
 */
export const TAG_STRIDE = 12;

/**
 * Tag (bit index) of the national number pattern.
 *
 * @example
 * const mask = 1 << NATIONAL_TAG;
 */
export const NATIONAL_TAG = 0;

/**
 * Tag (bit index) of the first number type; type `k` of the metadata's list has `FIRST_TYPE_TAG + k`.
 *
 * @example
 * const mobileMask = 1 << (FIRST_TYPE_TAG + 1);
 */
export const FIRST_TYPE_TAG = 1;

/**
 * Tag (bit index) of the leading digits, matched as a prefix.
 *
 * @example
 * const mask = 1 << LEADING_DIGITS_TAG;
 */
export const LEADING_DIGITS_TAG = 11;

/**
 * Plan flag: the region has no (or an empty) mobile pattern, so a fixed-line match is FIXED_LINE_OR_MOBILE.
 *
 * @example
 * declare const flags: number; // a plan record's flags
 * const fixedIsMobile = (flags & FLAG_FIXED_LINE_IS_MOBILE) !== 0;
 */
export const FLAG_FIXED_LINE_IS_MOBILE = 1;

/**
 * Plan flag: the region has leading digits (it shares its calling code).
 *
 * @example
 * declare const flags: number; // a plan record's flags
 * const hasLeadingDigits = (flags & FLAG_HAS_LEADING_DIGITS) !== 0;
 */
export const FLAG_HAS_LEADING_DIGITS = 2;

/**
 * Plan flag: the plan has number types (validity is "some type matches", else the national pattern).
 *
 * @example
 * declare const flags: number; // a plan record's flags
 * const hasTypes = (flags & FLAG_HAS_TYPES) !== 0;
 */
export const FLAG_HAS_TYPES = 4;
