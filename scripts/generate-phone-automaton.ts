/**
 * Regular expressions → minimal deterministic automata, for `scripts/generate-phone-tables.ts`.
 *
 * libphonenumber-js decides everything about a phone number with regular expressions: per region the
 * national number pattern, one pattern per number type and the "leading digits" of regions that share a
 * calling code; on the input text a viability pattern and an extension pattern. The library compiles them
 * with `new RegExp` on every call. We compile all the patterns of one calling code into ONE deterministic
 * automaton over the digits, whose final state says, for every region of the code at once, which patterns
 * matched; one pass over the digits then decides region, validity and type. The text patterns become
 * automata over character classes, which also makes them linear-time (the library's own regexes backtrack
 * polynomially on adversarial input).
 *
 * Only the regex subset the sources use is supported (checked, anything else throws): literals, `[...]`
 * classes with ranges, `\d`, `\t` and escaped punctuation, `(...)` and `(?:...)` groups, `|`, and the
 * quantifiers `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`; with the `i` flag, JavaScript's (non-Unicode) case
 * folding. No backreferences or lookarounds, so matching is language membership: `^(?:p)$` matches a string
 * exactly when the automaton accepts it, whatever order a backtracking engine tries alternatives in.
 *
 * Construction: Glushkov (position) automaton, subset construction, Moore minimization (all our languages
 * are finite or end in a self-loop, so it converges in a few rounds), states renumbered breadth-first with
 * the dead state 0 and the start state 1.
 */

/** A set of UTF-16 code units, as sorted inclusive ranges. */
type CodeUnitRanges = Array<[number, number]>;

type Ast =
  | { kind: 'set'; ranges: CodeUnitRanges }
  | { kind: 'seq'; items: Ast[] }
  | { kind: 'alt'; items: Ast[] }
  | { kind: 'repeat'; item: Ast; min: number; max: number };

const EMPTY: Ast = { kind: 'seq', items: [] };

/** JavaScript's Canonicalize for a non-Unicode, case-insensitive RegExp (ECMA-262, 22.2.2.7.3). */
function canonicalize(unit: number): number {
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length !== 1) return unit;
  const u = upper.charCodeAt(0);
  return unit >= 128 && u < 128 ? unit : u;
}

let caseClasses: Map<number, number[]> | undefined;
/** Every code unit that an `i` regex treats as equal to `unit`. */
function caseVariants(unit: number): number[] {
  if (caseClasses === undefined) {
    caseClasses = new Map();
    for (let u = 0; u <= 0xffff; u++) {
      const c = canonicalize(u);
      const list = caseClasses.get(c);
      if (list === undefined) caseClasses.set(c, [u]);
      else list.push(u);
    }
  }
  return caseClasses.get(canonicalize(unit)) ?? [unit];
}

function normalizeRanges(ranges: CodeUnitRanges): CodeUnitRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: CodeUnitRanges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function withCaseVariants(ranges: CodeUnitRanges): CodeUnitRanges {
  const out: CodeUnitRanges = [...ranges];
  for (const [lo, hi] of ranges) {
    for (let u = lo; u <= hi; u++) for (const v of caseVariants(u)) out.push([v, v]);
  }
  return normalizeRanges(out);
}

const DIGIT_RANGE: [number, number] = [48, 57];
const ESCAPES: Record<string, CodeUnitRanges> = { d: [DIGIT_RANGE], t: [[9, 9]] };

/** Parses a pattern of the supported subset. `^` and `$` are accepted only at the very ends and ignored. */
export function parsePattern(source: string, ignoreCase = false): Ast {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`unsupported regex (${what}) at ${i} in ${JSON.stringify(source)}`);
  };
  const escaped = (): CodeUnitRanges => {
    const c = source[i + 1];
    if (c === undefined) return fail('trailing backslash');
    i += 2;
    const known = ESCAPES[c];
    if (known) return known;
    if (/[\\.\-[\]()+*?{}|^$/]/.test(c)) return [[c.charCodeAt(0), c.charCodeAt(0)]];
    return fail(`escape \\${c}`);
  };
  const set = (ranges: CodeUnitRanges): Ast => ({
    kind: 'set',
    ranges: ignoreCase ? withCaseVariants(ranges) : normalizeRanges(ranges),
  });
  const charClass = (): Ast => {
    i++; // [
    if (source[i] === '^') fail('negated class');
    const ranges: CodeUnitRanges = [];
    while (source[i] !== ']') {
      if (i >= source.length) fail('unterminated class');
      let lo: CodeUnitRanges;
      if (source[i] === '\\') lo = escaped();
      else {
        lo = [[source.charCodeAt(i), source.charCodeAt(i)]];
        i++;
      }
      if (source[i] === '-' && source[i + 1] !== ']' && lo.length === 1 && lo[0]![0] === lo[0]![1]) {
        i++;
        const hi =
          source[i] === '\\' ? escaped() : [[source.charCodeAt(i), source.charCodeAt(i++)] as [number, number]];
        if (hi.length !== 1 || hi[0]![0] !== hi[0]![1]) fail('class range to a class');
        ranges.push([lo[0]![0], hi[0]![0]]);
      } else ranges.push(...lo);
    }
    i++; // ]
    return set(ranges);
  };
  const atom = (): Ast => {
    const c = source[i]!;
    if (c === '(') {
      i++;
      if (source.startsWith('?:', i)) i += 2;
      else if (source[i] === '?') fail('lookaround');
      const inner = alternation();
      if (source[i] !== ')') fail('unbalanced group');
      i++;
      return inner;
    }
    if (c === '[') return charClass();
    if (c === '\\') return set(escaped());
    if (c === '.' || c === '^' || c === '$' || c === '*' || c === '+' || c === '?' || c === '{') fail(c);
    i++;
    return set([[c.charCodeAt(0), c.charCodeAt(0)]]);
  };
  const quantified = (item: Ast): Ast => {
    for (;;) {
      const c = source[i];
      let min: number;
      let max: number;
      if (c === '?') [min, max, i] = [0, 1, i + 1];
      else if (c === '*') [min, max, i] = [0, Number.POSITIVE_INFINITY, i + 1];
      else if (c === '+') [min, max, i] = [1, Number.POSITIVE_INFINITY, i + 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (m === null) return fail('bad quantifier');
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
        i += m[0].length;
      } else return item;
      if (source[i] === '?') fail('lazy quantifier');
      item = { kind: 'repeat', item, min, max };
    }
  };
  const sequence = (): Ast => {
    const items: Ast[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') items.push(quantified(atom()));
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  };
  const alternation = (): Ast => {
    const items = [sequence()];
    while (source[i] === '|') {
      i++;
      items.push(sequence());
    }
    return items.length === 1 ? items[0]! : { kind: 'alt', items };
  };
  let body = source;
  if (body.startsWith('^')) body = body.slice(1);
  if (body.endsWith('$') && !body.endsWith('\\$')) body = body.slice(0, -1);
  source = body;
  const ast = alternation();
  if (i !== source.length) fail('trailing input');
  return ast;
}

/** The mirror image of a pattern: it matches exactly the reversed strings. */
export function reversePattern(ast: Ast): Ast {
  switch (ast.kind) {
    case 'set':
      return ast;
    case 'seq':
      return { kind: 'seq', items: ast.items.map(reversePattern).reverse() };
    case 'alt':
      return { kind: 'alt', items: ast.items.map(reversePattern) };
    case 'repeat':
      return { ...ast, item: reversePattern(ast.item) };
  }
}

/** Every range boundary used by the patterns, as disjoint classes; class 0 is "any other code unit". */
export interface Alphabet {
  /** Sorted disjoint ranges, each with its class id (1-based). */
  ranges: Array<[number, number, number]>;
  size: number;
}

/** The coarsest partition of the code units that every set of every pattern is a union of. */
export function alphabetOf(asts: readonly Ast[]): Alphabet {
  const bounds = new Set<number>();
  const visit = (a: Ast): void => {
    if (a.kind === 'set') {
      for (const [lo, hi] of a.ranges) {
        bounds.add(lo);
        bounds.add(hi + 1);
      }
    } else if (a.kind === 'repeat') visit(a.item);
    else for (const x of a.items) visit(x);
  };
  for (const a of asts) visit(a);
  const cuts = [...bounds].sort((a, b) => a - b);
  // Pieces between consecutive cuts; a piece belongs to a class by its membership signature in every set.
  const sets: CodeUnitRanges[] = [];
  const collect = (a: Ast): void => {
    if (a.kind === 'set') sets.push(a.ranges);
    else if (a.kind === 'repeat') collect(a.item);
    else for (const x of a.items) collect(x);
  };
  for (const a of asts) collect(a);
  const bySignature = new Map<string, number>();
  const ranges: Array<[number, number, number]> = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const lo = cuts[k]!;
    const hi = cuts[k + 1]! - 1;
    const signature = sets.map((s) => (s.some(([a, b]) => lo >= a && lo <= b) ? '1' : '0')).join('');
    if (!signature.includes('1')) continue;
    let id = bySignature.get(signature);
    if (id === undefined) {
      id = bySignature.size + 1;
      bySignature.set(signature, id);
    }
    ranges.push([lo, hi, id]);
  }
  return { ranges, size: bySignature.size + 1 };
}

/** The digits 0-9 as classes 0-9 (the metadata automata index transitions by `charCode - 48`). */
export const DIGIT_ALPHABET: Alphabet = {
  ranges: Array.from({ length: 10 }, (_, d) => [48 + d, 48 + d, d] as [number, number, number]),
  size: 10,
};

function classesOf(ranges: CodeUnitRanges, alphabet: Alphabet): number[] {
  const out: number[] = [];
  for (const [lo, hi, id] of alphabet.ranges) {
    if (ranges.some(([a, b]) => lo >= a && hi <= b)) out.push(id);
    else if (ranges.some(([a, b]) => lo <= b && hi >= a)) throw new Error('alphabet does not refine the set');
  }
  return out;
}

/** One pattern of an automaton: its tag is reported by every state in which it has matched. */
export interface TaggedPattern {
  ast: Ast;
  tag: number;
  /** Match a prefix instead of the whole input (libphonenumber's leading digits: `search(...) === 0`). */
  prefix?: boolean;
}

/** A minimal DFA: `next[state * classes + class]`, state 0 dead, state 1 start. */
export interface Automaton {
  states: number;
  classes: number;
  next: number[];
  /** Per state, the index into `acceptSets` (0 = the empty set). */
  accept: number[];
  /** Sorted tags; `acceptSets[0]` is empty. */
  acceptSets: number[][];
}

interface Position {
  classes: Set<number>;
  follow: Set<number>;
  /** The tag this position completes, or -1. */
  tag: number;
}

interface Glushkov {
  nullable: boolean;
  first: number[];
  last: number[];
}

function positionsOf(ast: Ast, alphabet: Alphabet, positions: Position[]): Glushkov {
  switch (ast.kind) {
    case 'set': {
      const p = positions.length;
      positions.push({ classes: new Set(classesOf(ast.ranges, alphabet)), follow: new Set(), tag: -1 });
      return { nullable: false, first: [p], last: [p] };
    }
    case 'alt': {
      const parts = ast.items.map((x) => positionsOf(x, alphabet, positions));
      return {
        nullable: parts.some((r) => r.nullable),
        first: parts.flatMap((r) => r.first),
        last: parts.flatMap((r) => r.last),
      };
    }
    case 'seq': {
      let acc: Glushkov = { nullable: true, first: [], last: [] };
      for (const item of ast.items) {
        const r = positionsOf(item, alphabet, positions);
        for (const l of acc.last) for (const f of r.first) positions[l]!.follow.add(f);
        acc = {
          nullable: acc.nullable && r.nullable,
          first: acc.nullable ? [...acc.first, ...r.first] : acc.first,
          last: r.nullable ? [...acc.last, ...r.last] : r.last,
        };
      }
      return acc;
    }
    case 'repeat': {
      const { item, min, max } = ast;
      const items: Ast[] = Array.from({ length: min }, () => item);
      if (max === Number.POSITIVE_INFINITY) {
        const star = positionsOf(item, alphabet, positions);
        for (const l of star.last) for (const f of star.first) positions[l]!.follow.add(f);
        const head = positionsOf({ kind: 'seq', items }, alphabet, positions);
        // head then star: wire by hand since star's positions already exist.
        for (const l of head.last) for (const f of star.first) positions[l]!.follow.add(f);
        return {
          nullable: head.nullable,
          first: head.nullable ? [...head.first, ...star.first] : head.first,
          last: [...head.last, ...star.last],
        };
      }
      // x{min,max} = x…x (x (x …)?)? : nested optionals keep the automaton linear in max.
      let optional: Ast | null = null;
      for (let k = max - min; k > 0; k--) {
        optional = { kind: 'alt', items: [optional === null ? item : { kind: 'seq', items: [item, optional] }, EMPTY] };
      }
      if (optional !== null) items.push(optional);
      return positionsOf({ kind: 'seq', items }, alphabet, positions);
    }
  }
}

/** Compiles tagged patterns into one minimal DFA over `alphabet`. */
export function compileAutomaton(patterns: readonly TaggedPattern[], alphabet: Alphabet): Automaton {
  const K = alphabet.size;
  const positions: Position[] = [];
  const first = new Set<number>();
  const startTags = new Set<number>();
  for (const { ast, tag, prefix } of patterns) {
    const g = positionsOf(ast, alphabet, positions);
    for (const l of g.last) positions[l]!.tag = tag;
    for (const f of g.first) first.add(f);
    if (g.nullable) startTags.add(tag);
    if (prefix) {
      // Once the pattern matched a prefix, any continuation keeps the tag: a sink that loops on every class.
      const sink = positions.length;
      positions.push({ classes: new Set(Array.from({ length: K }, (_, c) => c)), follow: new Set([sink]), tag });
      for (const l of g.last) positions[l]!.follow.add(sink);
      if (g.nullable) first.add(sink);
    }
  }
  // Subset construction. Set 0 is the empty (dead) set, set 1 the start.
  const ids = new Map<string, number>();
  const sets: number[][] = [];
  const intern = (set: number[]): number => {
    const key = set.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      id = sets.length;
      ids.set(key, id);
      sets.push(set);
    }
    return id;
  };
  intern([]);
  sets.push([]); // start: special, its successors come from `first`
  const next: number[] = [];
  const tagsOf: string[] = [];
  for (let s = 0; s < sets.length; s++) {
    const members = sets[s]!;
    const tags = new Set<number>(s === 1 ? startTags : []);
    for (const p of members) if (positions[p]!.tag >= 0) tags.add(positions[p]!.tag);
    tagsOf[s] = [...tags].sort((a, b) => a - b).join(',');
    const candidates = s === 1 ? [...first] : [...new Set(members.flatMap((p) => [...positions[p]!.follow]))];
    for (let c = 0; c < K; c++) {
      const target = candidates.filter((q) => positions[q]!.classes.has(c)).sort((a, b) => a - b);
      next[s * K + c] = s === 1 && target.length === 0 ? 0 : intern(target);
    }
  }
  return minimize(sets.length, K, next, tagsOf);
}

/** Moore's partition refinement, then breadth-first renumbering (dead 0, start 1). */
function minimize(n: number, K: number, next: number[], tagsOf: string[]): Automaton {
  let block = tagsOf.map(String);
  let count = -1;
  for (;;) {
    const signatures = new Map<string, number>();
    const refined: string[] = [];
    for (let s = 0; s < n; s++) {
      let key = `${block[s]}|`;
      for (let c = 0; c < K; c++) key += `${block[next[s * K + c]!]},`;
      let id = signatures.get(key);
      if (id === undefined) {
        id = signatures.size;
        signatures.set(key, id);
      }
      refined[s] = String(id);
    }
    block = refined;
    if (signatures.size === count) break;
    count = signatures.size;
  }
  // Renumber blocks: the dead block (block of set 0) → 0, start block → 1, then breadth-first.
  const order = new Map<string, number>([[block[0]!, 0]]);
  const representative = new Map<string, number>();
  for (let s = n - 1; s >= 0; s--) representative.set(block[s]!, s);
  const queue = [block[1]!];
  if (!order.has(block[1]!)) order.set(block[1]!, 1);
  else throw new Error('the start state accepts nothing: empty automaton');
  for (let k = 0; k < queue.length; k++) {
    const s = representative.get(queue[k]!)!;
    for (let c = 0; c < K; c++) {
      const b = block[next[s * K + c]!]!;
      if (!order.has(b)) {
        order.set(b, order.size);
        queue.push(b);
      }
    }
  }
  const states = order.size;
  const outNext = new Array<number>(states * K).fill(0);
  const accept = new Array<number>(states).fill(0);
  const acceptIds = new Map<string, number>([['', 0]]);
  const acceptSets: number[][] = [[]];
  for (const [b, id] of order) {
    const s = representative.get(b)!;
    for (let c = 0; c < K; c++) outNext[id * K + c] = order.get(block[next[s * K + c]!]!)!;
    const tags = tagsOf[s]!;
    let a = acceptIds.get(tags);
    if (a === undefined) {
      a = acceptSets.length;
      acceptIds.set(tags, a);
      acceptSets.push(tags.split(',').map(Number));
    }
    accept[id] = a;
  }
  return { states, classes: K, next: outNext, accept, acceptSets };
}

/** Runs an automaton on a string of class ids; returns the tags of the final state. */
export function acceptedTags(a: Automaton, classes: readonly number[]): number[] {
  let s = 1;
  for (const c of classes) s = a.next[s * a.classes + c]!;
  return a.acceptSets[a.accept[s]!]!;
}

// ---- Packing: a varint stream in a URL-safe base64 alphabet (5 data bits per character). ----

const PACK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Numbers → text: 5 bits per character, the 6th bit says "more characters follow". */
export function packNumbers(values: readonly number[]): string {
  let out = '';
  for (let v of values) {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`cannot pack ${v}`);
    while (v >= 32) {
      out += PACK_ALPHABET[32 + (v % 32)];
      v = Math.floor(v / 32);
    }
    out += PACK_ALPHABET[v];
  }
  return out;
}

/**
 * The number stream of an automaton: states, classes, accept sets (count, then per set its size and
 * tags), then per state its accept set and its transitions as runs `target * classes + (runLength - 1)`.
 * Decoded by `src/phone/automaton.ts`.
 */
export function packAutomaton(a: Automaton): string {
  const out: number[] = [a.states, a.classes, a.acceptSets.length];
  for (const set of a.acceptSets) out.push(set.length, ...set);
  for (let s = 0; s < a.states; s++) {
    out.push(a.accept[s]!);
    for (let c = 0; c < a.classes; ) {
      const target = a.next[s * a.classes + c]!;
      let run = 1;
      while (c + run < a.classes && a.next[s * a.classes + c + run] === target) run++;
      out.push(target * a.classes + run - 1);
      c += run;
    }
  }
  return packNumbers(out);
}
