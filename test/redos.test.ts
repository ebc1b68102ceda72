/**
 * Backstop ReDoS test over every regular expression literal the package ships.
 *
 * It walks `src/` with the TypeScript compiler API (so nothing can hide from it by being added later)
 * and collects every `/.../flags` literal and every `new RegExp('...', '...')` / `RegExp('...')` whose
 * arguments are string literals. Each one is checked with recheck, which decides catastrophic
 * backtracking by automata analysis (no timing involved): the pattern must be `safe` (no super-linear
 * backtracking on any input). Patterns built from data tables (postal formats) are covered by the
 * area's own ReDoS test, which instantiates them from the data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

function collect(): Found[] {
  const found: Found[] = [];
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
        if (pattern && ts.isStringLiteralLike(pattern)) {
          found.push({
            where: at(node),
            source: pattern.text,
            flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '',
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

const regexes = collect();

describe('ReDoS: every regex literal in src/', () => {
  it('finds the regexes (the scan is not vacuous)', () => {
    expect(regexes.length).toBeGreaterThan(10);
  });

  it.each(regexes.map((r) => [r.where, r] as const))('%s is free of super-linear backtracking', (_where, r) => {
    const result = checkSync(r.source, r.flags);
    expect({ pattern: `/${r.source}/${r.flags}`, status: result.status }).toEqual({
      pattern: `/${r.source}/${r.flags}`,
      status: 'safe',
    });
  });
});
