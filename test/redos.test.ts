/**
 * Backstop ReDoS test over every regular expression literal the package ships.
 *
 * It walks `src/` with the TypeScript compiler API (so nothing can hide from it by being added later)
 * and collects every `/.../flags` literal and every `new RegExp('...', '...')` / `RegExp('...')` whose
 * arguments are string literals. Each one is checked with recheck, which decides catastrophic
 * backtracking by automata analysis (no timing involved): the pattern must be `safe` (no super-linear
 * backtracking on any input), and it must compile (`new RegExp(source, flags)`). Nothing is skipped
 * silently: a `RegExp` built from a non-literal (data tables, options) fails this test unless its file is
 * listed in DYNAMIC_REGEXES with the test that checks those patterns (each area's ReDoS test instantiates
 * them from the data) or the reason they are safe; a listed file that no longer builds one fails too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'src');

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

interface Found {
  where: string;
  source: string;
  flags: string;
}

/** A `RegExp` built from something other than string literals. */
interface Dynamic {
  file: string;
  where: string;
  expression: string;
}

/**
 * Files that build regexes from data or options, and where those regexes are checked. A path under test/ must
 * exist; anything else is the reason the patterns need no check here.
 */
const DYNAMIC_REGEXES: Readonly<Record<string, string>> = {
  'src/geo/phone-evidence.ts': 'test/geo/redos.test.ts',
  'src/geo/postal.ts': 'test/geo/redos.test.ts',
  'src/phone/tables.ts': 'test/phone/redos.test.ts',
};

function collect(): { literals: Found[]; dynamic: Dynamic[] } {
  const found: Found[] = [];
  const dynamic: Dynamic[] = [];
  for (const file of walk(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const at = (n: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(sf);
        const end = lit.lastIndexOf('/');
        found.push({ where: at(node), source: lit.slice(1, end), flags: lit.slice(end + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags))) {
          found.push({ where: at(node), source: pattern.text, flags: flags ? flags.text : '' });
        } else {
          dynamic.push({ file: relative(root, file), where: at(node), expression: node.getText(sf).slice(0, 120) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals: found, dynamic };
}

const { literals: regexes, dynamic } = collect();

describe('ReDoS: every regex literal in src/', () => {
  it('finds the regexes (the scan is not vacuous)', () => {
    expect(regexes.length).toBeGreaterThan(10);
  });

  it.each(regexes.map((r) => [r.where, r] as const))(
    '%s compiles and is free of super-linear backtracking',
    (_where, r) => {
      expect(() => new RegExp(r.source, r.flags)).not.toThrow();
      const result = checkSync(r.source, r.flags);
      expect({ pattern: `/${r.source}/${r.flags}`, status: result.status }).toEqual({
        pattern: `/${r.source}/${r.flags}`,
        status: 'safe',
      });
    },
  );
});

describe('ReDoS: regexes built from data or options', () => {
  it('every file that builds one is listed with the test that checks its patterns', () => {
    const unlisted = dynamic
      .filter((d) => DYNAMIC_REGEXES[d.file] === undefined)
      .map((d) => `${d.where}: ${d.expression}`);
    expect(unlisted, 'check these patterns here, or list the file in DYNAMIC_REGEXES with the test that does').toEqual(
      [],
    );
  });

  it.each(Object.entries(DYNAMIC_REGEXES))('%s still builds regexes, checked by: %s', (file, coverage) => {
    expect(
      dynamic.some((d) => d.file === file),
      `${file} builds no RegExp any more: remove it from the list`,
    ).toBe(true);
    if (coverage.startsWith('test/')) expect(existsSync(join(root, coverage)), `${coverage} is missing`).toBe(true);
  });
});
