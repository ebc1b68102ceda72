/**
 * The deterministic automata that scripts/generate-phone-tables.ts compiles from libphonenumber-js's
 * regular expressions (see scripts/generate-phone-automaton.ts for the construction), decoded from their
 * packed text on first use.
 *
 * An automaton is a transition table `next[state * classes + class]` (state 0 is dead, state 1 the start)
 * and, per state, an index into its accept sets. Running one costs one table lookup per input character.
 */

/**
 * A decoded automaton.
 *
 * @example
 * declare const packed: string; // a calling code's automaton: phoneTables().callingCodes['49'][1] (./data.ts)
 * const a: Automaton = decodeAutomaton(packed);
 * a.acceptSets[a.accept[runDigits(a, '30901820')]!]!.length > 0; // true
 */
export interface Automaton {
  readonly classes: number;
  readonly next: Uint16Array;
  /** Per state, the index of its accept set (0: accepts nothing). */
  readonly accept: Uint16Array;
  /** The accept sets' tags, in order; `acceptSets[0]` is empty. */
  readonly acceptSets: readonly (readonly number[])[];
}

const PACK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PACK_VALUE = new Int8Array(128).fill(-1);
for (let k = 0; k < PACK_ALPHABET.length; k++) PACK_VALUE[PACK_ALPHABET.charCodeAt(k)] = k;

/**
 * Reads the varint stream written by `packNumbers` in scripts/generate-phone-automaton.ts: 5 data bits
 * per character, the 6th says more characters follow.
 *
 * @example
 * unpackNumbers('BC'); // [1, 2]
 */
export function unpackNumbers(packed: string): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < packed.length; i++) {
    const v = PACK_VALUE[packed.charCodeAt(i)]!;
    if (v < 0) throw new Error('corrupt phone table');
    value += (v & 31) * scale;
    if (v & 32) scale *= 32;
    else {
      out.push(value);
      value = 0;
      scale = 1;
    }
  }
  return out;
}

/**
 * Decodes an automaton packed by `packAutomaton` (scripts/generate-phone-automaton.ts).
 *
 * @example
 * declare const packed: string; // phoneTables().callingCodes['1'][1] (./data.ts)
 * const a = decodeAutomaton(packed);
 * a.classes; // 10
 */
export function decodeAutomaton(packed: string): Automaton {
  const values = unpackNumbers(packed);
  let k = 0;
  const read = (): number => values[k++]!;
  const states = read();
  const classes = read();
  const setCount = read();
  const acceptSets: number[][] = [];
  for (let s = 0; s < setCount; s++) {
    const size = read();
    const tags: number[] = [];
    for (let t = 0; t < size; t++) tags.push(read());
    acceptSets.push(tags);
  }
  const next = new Uint16Array(states * classes);
  const accept = new Uint16Array(states);
  for (let s = 0; s < states; s++) {
    accept[s] = read();
    for (let c = 0; c < classes; ) {
      const run = read();
      const target = Math.floor(run / classes);
      const length = (run % classes) + 1;
      next.fill(target, s * classes + c, s * classes + c + length);
      c += length;
    }
  }
  if (k !== values.length) throw new Error('corrupt phone table');
  return { classes, next, accept, acceptSets };
}

/**
 * Runs a digit automaton (10 classes, `'0'`-`'9'`) over `digits` (ASCII digits only) and returns the
 * final state; 0 when no pattern can match any more.
 *
 * @example
 * declare const automaton: Automaton; // the +1 automaton (see decodeAutomaton)
 * runDigits(automaton, '2125550100') > 0;
 */
export function runDigits(a: Automaton, digits: string): number {
  const next = a.next;
  let s = 1;
  for (let i = 0; i < digits.length && s !== 0; i++) s = next[s * 10 + digits.charCodeAt(i) - 48]!;
  return s;
}
