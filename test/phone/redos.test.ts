/**
 * ReDoS: every regular expression src/phone runs is checked with recheck, which decides super-linear
 * backtracking by automata analysis (no timing): the literals in the source, and the two kinds built from
 * the metadata that stay regexes because their match (not just membership) matters: the international
 * (IDD) prefix of every region and the national prefix for parsing with its capture groups.
 *
 * Everything else libphonenumber-js does with regexes (national, type and leading-digits patterns, the
 * viability, extension and phone-context patterns, whose library versions backtrack polynomially) runs
 * as deterministic automata: linear by construction. Inputs are capped at 256 characters before any of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { phoneTables } from '../../src/phone/data.js';
import { MAX_PHONE_INPUT_LENGTH, normalizePhone } from '../../src/phone/index.js';
import { callingCodeTables, type Plan, planOfRegion } from '../../src/phone/tables.js';

/** Every regex literal in src/phone, found with the TypeScript parser. */
function phoneRegexLiterals(): { where: string; source: string; flags: string }[] {
  const found: { where: string; source: string; flags: string }[] = [];
  const dir = fileURLToPath(new URL('../../src/phone/', import.meta.url));
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const sf = ts.createSourceFile(name, readFileSync(dir + name, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(sf);
        const end = lit.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ where: `src/phone/${name}:${line}`, source: lit.slice(1, end), flags: lit.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

const literals = phoneRegexLiterals();

const plans: Plan[] = Object.keys(phoneTables().plans).map((key) =>
  /^\d/.test(key) ? callingCodeTables(key)!.plans[0]! : planOfRegion(key)!,
);
const fromMetadata = [
  ...new Map(
    plans.flatMap((p) =>
      [p.iddPrefix, p.prefixForParsing].flatMap((re) => (re === null ? [] : [[re.source, `${p.region}`] as const])),
    ),
  ),
];

describe('ReDoS: regexes of src/phone', () => {
  it('finds the literals and the metadata prefixes (not vacuous)', () => {
    expect(literals.length).toBeGreaterThanOrEqual(3);
    expect(plans.length).toBeGreaterThan(250);
    expect(fromMetadata.length).toBeGreaterThan(60);
  });

  it.each(literals.map((r) => [r.where, r] as const))('literal %s is safe', (_where, r) => {
    expect({ pattern: r.source, status: checkSync(r.source, r.flags).status }).toEqual({
      pattern: r.source,
      status: 'safe',
    });
  });

  it('every IDD prefix and national prefix pattern built from the metadata is safe', () => {
    const unsafe = fromMetadata
      .map(([source, region]) => ({ region, source, status: checkSync(source, '').status }))
      .filter((r) => r.status !== 'safe');
    expect(unsafe).toEqual([]);
  }, 120_000);

  it.each([
    ['digits', '0'.repeat(MAX_PHONE_INPUT_LENGTH)],
    ['separators', `+${'1 -.'.repeat(MAX_PHONE_INPUT_LENGTH / 4 - 1)}`],
    ['parentheses', `+1${'('.repeat(MAX_PHONE_INPUT_LENGTH - 3)}`],
    ['exit code then zeros', `011${' '.repeat(100)}${'0'.repeat(100)}`],
    ['extension labels', `+1 212 555 0100${' ext'.repeat(55)}`],
    ['commas and dashes (the library’s extension regex is quadratic here)', `1${' ,-'.repeat(80)}x1`],
    ['dashes and spaces (the library’s viability regex is quadratic here)', `000-${'- '.repeat(120)}\u0000`],
    ['hashes', `${'#'.repeat(MAX_PHONE_INPUT_LENGTH)}`],
    ['phone-context', `1;phone-context=+${'1-'.repeat(110)}`],
  ])('adversarial %s input completes with a result or null', (_name, input) => {
    const r = normalizePhone(input, { defaultCountry: 'US' });
    expect(r === null || typeof r.e164 === 'string').toBe(true);
  });
});
