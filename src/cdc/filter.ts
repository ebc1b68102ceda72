/**
 * The database/table include filter (`ParseOptions.filter`), compiled with a linear-time engine.
 *
 * Why not `RegExp`: the patterns are user input, and a backtracking engine takes exponential time on patterns
 * such as `(a+)+` (206 s against a 41-character table name, issue 13). RE2 (here its pure-JavaScript port
 * `re2js`) matches in time linear in the name, for any pattern. It supports the usual syntax (classes,
 * alternation, repetition, anchors, `i`/`s`/`m` flags) but not backreferences or lookahead; such patterns are
 * rejected with a TypeError when the options are checked, never at match time.
 *
 * `re2js` costs ~15-20 ms to import, so it is loaded on first use, only when a filter is given.
 */
import { createRequire } from 'node:module';

type Re2Module = typeof import('re2js');

let re2: Re2Module | undefined;

/** Loads re2js synchronously (parseChangeEvents is synchronous), from the ESM or the CommonJS build alike. */
function loadRe2(): Re2Module {
  if (re2 === undefined) {
    // In the CommonJS build `import.meta.url` is empty and `__filename` is defined; in ESM the reverse.
    const here = typeof __filename === 'string' ? __filename : import.meta.url;
    re2 = createRequire(here)('re2js') as Re2Module;
  }
  return re2;
}

/** A compiled include pattern: true when the whole name matches. */
export type NameMatcher = (name: string) => boolean;

/**
 * Compiles a filter pattern (a regular expression source, or a RegExp whose source and `i`/`s`/`m` flags are
 * used) that must match the whole name, as Flink's `table.include` (java.util.regex.Matcher#matches).
 * Returns null when the pattern is not one the linear-time engine accepts.
 *
 * @example
 * compileNameFilter('prod.*')?.('products'); // true
 * compileNameFilter('(a)\\1'); // null (backreference)
 */
export function compileNameFilter(pattern: string | RegExp): NameMatcher | null {
  const { RE2JS } = loadRe2();
  try {
    // translateRegExp turns JavaScript syntax (named groups, `\/`, a RegExp's i/s/m flags) into RE2's.
    const compiled = RE2JS.compile(`(?:${RE2JS.translateRegExp(pattern)})`);
    return (name) => compiled.matches(name);
  } catch {
    return null;
  }
}
