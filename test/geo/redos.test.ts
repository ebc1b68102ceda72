/**
 * ReDoS: every regex src/geo ships, including every postal, compact, shape, subdivision-prefix and
 * per-shape probe regex compiled from the data modules and the phone leading-digit regexes, is checked
 * statically (safe-regex2: star height ≤ 1; data regexes: no unbounded quantifier at all, so their
 * language is finite) and run on adversarial long inputs, where each must reject (anchored ones) or match
 * a bounded prefix. No timing assertions: a catastrophic regex would hang the run, and the static check
 * names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import safeRegex from 'safe-regex2';
import { describe, expect, it } from 'vitest';
import { CALLING_CODE_REGIONS } from '../../src/geo/data/calling-codes.generated.js';
import { codeEntry, compiledPostalFormats } from '../../src/geo/postal.js';

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

/** [name, regex, anchored at both ends] */
const dataRegexes: [string, RegExp, boolean][] = [];
for (const format of compiledPostalFormats().values()) {
  dataRegexes.push(
    [`${format.region} postal`, format.regex, true],
    [`${format.region} compact`, format.compact, true],
    [`${format.region} shape`, format.shape, true],
  );
  for (const [code, range] of format.subdivisionRanges)
    dataRegexes.push([`${format.region}-${code} prefix`, range, false]);
  // One probe per shape of the source's examples (the shapes real traffic has).
  for (const example of format.examples) {
    const entry = codeEntry(example.toUpperCase().replace(/[ -]/g, ''));
    if (entry.probe !== null) dataRegexes.push([`probe ${entry.shape}`, entry.probe, false]);
  }
}
for (const [code, regions] of Object.entries(CALLING_CODE_REGIONS)) {
  for (const [region, digits] of regions) {
    if (digits.length > 0) dataRegexes.push([`+${code} ${region} leading digits`, new RegExp(`^(?:${digits})`), false]);
  }
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
    expect(dataRegexes.length).toBeGreaterThan(1500);
    expect(dataRegexes.filter(([name]) => name.startsWith('probe')).length).toBeGreaterThan(100);
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

  it('every regex built from the data is safe: no unbounded quantifier (finite language), anchored', () => {
    // safe-regex2 counts `?` as a star, so it flags bounded optional groups such as US `(\d{5})(?:[ -](\d{4}))?`.
    // Those are still safe: a regex without unbounded quantifiers (`*`, `+`, `{n,}`) has a finite language,
    // so backtracking per start position is bounded by a constant; and each is anchored with `^`.
    const unbounded = /(?<!\\)[*+]|\{\d+,\}/;
    expect(dataRegexes.filter(([, regex]) => unbounded.test(regex.source)).map(([name]) => name)).toEqual([]);
    for (const [name, regex] of dataRegexes) expect(regex.source.startsWith('^'), name).toBe(true);
  });

  it('every data regex rejects adversarial input, or matches only a bounded prefix of it', () => {
    let prefixMatches = 0;
    for (const [name, regex, anchored] of dataRegexes) {
      for (const input of ADVERSARIAL) {
        const match = regex.exec(input);
        if (anchored) expect(match, `${name} accepted a ${input.length}-character input`).toBeNull();
        else if (match !== null) {
          prefixMatches++;
          expect(match[0].length, name).toBeLessThanOrEqual(16);
        }
      }
    }
    // The digit runs do reach prefix regexes (subdivision ranges, probes): the bounded-length check ran.
    expect(prefixMatches).toBeGreaterThan(100);
  });
});
