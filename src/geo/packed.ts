/**
 * The name tables (country names, subdivisions, cities) that the generators in scripts/ write as sorted
 * `key\tvalue` lines in Brotli-compressed data files (`data/geo/*.br`, scripts/geo-data.ts).
 *
 * Why data files: importing a module that holds ~1 MB of names as an object literal (or even as a packed
 * string) costs milliseconds of parsing on every start-up, and was shipped twice (ESM and CommonJS builds),
 * for tables most processes never touch. A table is read and decompressed only when a lookup first needs it.
 * The text stays one string; lookups binary-search its sorted lines instead of building a `Map` of tens of
 * thousands of entries (memory is part of the product too).
 */
import { readDataText } from '../shared/data-files.js';

/**
 * A read-only sorted `key\tvalue` table with binary search. Keys are compared by UTF-16 code units, the
 * order the generators sort them in.
 */
export class PackedTable {
  readonly size: number;
  readonly #text: string;
  /** Start offset of each line. */
  readonly #starts: Int32Array;

  constructor(text: string) {
    this.#text = text;
    let count = text.length === 0 ? 0 : 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let line = 0;
    if (count > 0) starts[line++] = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
    this.#starts = starts;
    this.size = count;
  }

  /** Reads a table from its data file (`geo/cities.br`; see src/shared/data-files.ts). */
  static fromDataFile(name: string): PackedTable {
    return new PackedTable(readDataText(name));
  }

  /** The value stored under `key`, or undefined. */
  get(key: string): string | undefined {
    const text = this.#text;
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const start = starts[mid]!;
      const order = compareKeyAt(text, start, key);
      if (order === 0) {
        const valueStart = start + key.length + 1;
        const end = mid + 1 < starts.length ? starts[mid + 1]! - 1 : text.length;
        return text.slice(valueStart, end);
      }
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  /** Every `[key, value]` pair, in key order (tests and tools; not a hot path). */
  *entries(): Generator<[string, string]> {
    for (let i = 0; i < this.#starts.length; i++) {
      const start = this.#starts[i]!;
      const end = i + 1 < this.#starts.length ? this.#starts[i + 1]! - 1 : this.#text.length;
      const tab = this.#text.indexOf('\t', start);
      yield [this.#text.slice(start, tab), this.#text.slice(tab + 1, end)];
    }
  }
}

/** Compares the key of the line at `start` (up to its tab) with `key`: < 0 when the line's key sorts first. */
function compareKeyAt(text: string, start: number, key: string): number {
  for (let i = 0; ; i++) {
    const a = text.charCodeAt(start + i);
    const lineEnded = a === 9; // tab ends the line's key
    if (i === key.length) return lineEnded ? 0 : 1;
    if (lineEnded) return -1;
    const b = key.charCodeAt(i);
    if (a !== b) return a - b;
  }
}
