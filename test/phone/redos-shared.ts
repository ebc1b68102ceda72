/**
 * Shared pieces of the phone ReDoS tests (test/phone/redos.test.ts and redos.fuzz.test.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Every regex literal and `new RegExp('literal')` in src/phone, found with the TypeScript parser. */
export function phoneRegexLiterals(): { where: string; source: string; flags: string }[] {
  const found: { where: string; source: string; flags: string }[] = [];
  for (const name of ['normalize.ts', 'regions.ts', 'index.ts']) {
    const file = fileURLToPath(new URL(`../../src/phone/${name}`, import.meta.url));
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
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
