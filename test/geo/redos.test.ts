/**
 * ReDoS: every regex src/geo ships, including every postal, shape and subdivision-prefix regex compiled
 * from the data module, is checked statically with safe-regex2 (star height ≤ 1, bounded repetition) and
 * run on adversarial long inputs. No timing assertions: a catastrophic regex would hang the test run,
 * and the static check names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import safeRegex from 'safe-regex2';
import { describe, expect, it } from 'vitest';
import { COMPILED_POSTAL_FORMATS, SUBDIVISIONS } from '../../src/geo/postal.js';

const SRC = join(import.meta.dirname, '../../src/geo');

/** Regex literals in the hand-written sources (data modules hold strings, covered below). */
function sourceRegexLiterals(): RegExp[] {
  const found: RegExp[] = [];
  for (const file of readdirSync(SRC).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(SRC, file), 'utf8');
    // A regex literal follows `=`, `(`, `,`, `:`, `?` or `return`; body without unescaped `/` or newline.
    const literal = /(?:[=(,:?]|return)\s*\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuvy]*)/g;
    for (const match of text.matchAll(literal)) {
      try {
        found.push(new RegExp(match[1]!, match[2]!));
      } catch {
        // not a regex (e.g. a division); ignore
      }
    }
  }
  return found;
}

const dataRegexes: [string, RegExp][] = [];
for (const format of COMPILED_POSTAL_FORMATS.values()) {
  dataRegexes.push([`${format.region} postal`, format.regex], [`${format.region} shape`, format.shape]);
  if (format.anySubdivisionPrefix) dataRegexes.push([`${format.region} prefixes`, format.anySubdivisionPrefix]);
}
for (const [region, subdivisions] of SUBDIVISIONS) {
  for (const s of subdivisions) if (s.zipPrefix) dataRegexes.push([`${region}/${s.key} prefix`, s.zipPrefix]);
}

const ADVERSARIAL = [
  '9'.repeat(50_000),
  `${'9'.repeat(50_000)}!`,
  `${'A9'.repeat(25_000)}!`,
  `${'9 '.repeat(25_000)}-`,
  `${'9-'.repeat(25_000)}A`,
  ' '.repeat(50_000),
  `${'a'.repeat(50_000)}\u0000`,
];

describe('ReDoS', () => {
  const literals = sourceRegexLiterals();

  it('found the regex literals of src/geo (the scan is not vacuous)', () => {
    expect(literals.length).toBeGreaterThanOrEqual(15);
    expect(dataRegexes.length).toBeGreaterThan(400);
  });

  it('every regex literal in src/geo is safe (safe-regex2) and survives adversarial input', () => {
    for (const regex of literals) {
      expect(safeRegex(regex), regex.source).toBe(true);
      for (const input of ADVERSARIAL) {
        regex.lastIndex = 0;
        regex.test(input);
      }
    }
  });

  it('every postal, shape and subdivision-prefix regex from the data module is safe', () => {
    // safe-regex2 counts `?` as a star, so it flags bounded optional groups such as US `(\d{5})(?:[ -](\d{4}))?`.
    // Those are still safe: a regex without unbounded quantifiers (`*`, `+`, `{n,}`) has a finite language,
    // so backtracking per start position is bounded by a constant; and each is anchored with `^`.
    const unbounded = /(?<!\\)[*+]|\{\d+,\}/;
    const unsafe = dataRegexes
      .filter(([, regex]) => !safeRegex(regex) && unbounded.test(regex.source))
      .map(([name]) => name);
    expect(unsafe).toEqual([]);
    for (const [name, regex] of dataRegexes) expect(regex.source.startsWith('^'), name).toBe(true);
  });

  it('every data regex survives adversarial input', () => {
    let runs = 0;
    for (const [, regex] of dataRegexes) {
      for (const input of ADVERSARIAL) {
        regex.test(input);
        runs++;
      }
    }
    expect(runs).toBe(dataRegexes.length * ADVERSARIAL.length);
  });
});
