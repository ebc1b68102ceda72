/**
 * The phone numbering tables (libphonenumber-js `max` metadata compiled by scripts/generate-phone-tables.ts)
 * live in the package's data file `data/phone/tables.br` (JSON, Brotli-compressed; one copy for the ESM and
 * CommonJS builds) and are read and parsed on the first lookup, never at import: a process that does not
 * touch phone numbers does not pay for them (src/shared/data-files.ts).
 */
import { readDataText } from '../shared/data-files.js';

/** Per numbering plan: [callingCode, idd, nationalPrefixForParsing, transformRule, lengths, typeLengths, flags]. */
export type PlanRecord = readonly [string, string, string, string, number, readonly number[], number];

/** The text of data/phone/tables.br, as scripts/generate-phone-tables.ts writes it. */
export interface PhoneTables {
  /** `libphonenumber-js <version> max`. */
  readonly source: string;
  /** Per numbering plan (region, or non-geographic calling code such as `800`). */
  readonly plans: Readonly<Record<string, PlanRecord>>;
  /** Per calling code: [regions (space-separated, empty for non-geographic codes), packed automaton]. */
  readonly callingCodes: Readonly<Record<string, readonly [string, string]>>;
  /** Text-level automata over character classes (`alphabet`: packed [lo, hi, class] ranges). */
  readonly textAutomata: {
    readonly alphabet: string;
    readonly viable: string;
    readonly extensionReversed: string;
    readonly phoneContextGlobal: string;
    readonly phoneContextDomain: string;
  };
}

/** The data file's name under data/. */
export const PHONE_TABLES_FILE = 'phone/tables.br';

let tables: PhoneTables | undefined;

/**
 * The phone tables, read from the data file on the first call and kept.
 *
 * @example
 * phoneTables().plans.DE?.[0]; // '49'
 */
export function phoneTables(): PhoneTables {
  tables ??= JSON.parse(readDataText(PHONE_TABLES_FILE)) as PhoneTables;
  return tables;
}
