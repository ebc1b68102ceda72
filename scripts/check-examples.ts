/**
 * `npm run docs:examples`: every `@example` in the JSDoc of src/ must compile. Each example becomes a module of
 * its own that imports, by name, every export of the file it documents and every export of the package root
 * (`cdc-enrich`), then the whole set is type-checked with the project's compiler options. Errors are reported
 * at the example's place in src (file, line, declaration), with the compiler's message.
 *
 * Also lists the exported functions and classes of the package whose JSDoc has no `@example` (the house rule
 * is one per export); `--require-examples` makes those an error too.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const HELP = `Usage: npm run docs:examples [-- --require-examples]

Type-checks every @example block of the JSDoc in src/ (each example as its own module, with the exports of its
file and of the package root in scope). Exits 1 and lists each failing example at its place in src.

  --require-examples   also fail when an exported function or class of the package has no @example
  -h, --help           print this help`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.cache', 'examples');

/** One `@example` block, where it is written and what it documents. */
export interface Example {
  file: string;
  /** 1-based line of the `@example` tag. */
  line: number;
  /** The documented declaration's name, or `(file)` for a module comment. */
  owner: string;
  code: string;
}

/** The code of each `@example` in a JSDoc comment: up to the next tag or the end, fences and `*` margins removed. */
export function examplesOfComment(comment: string): { offsetLines: number; code: string }[] {
  const lines = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const found: { offsetLines: number; code: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const tag = /^\s*@example\b(.*)$/.exec(lines[i]!);
    if (!tag) continue;
    const body: string[] = [];
    // Text after `@example` on the same line is the example's caption, not code.
    let j = i + 1;
    for (; j < lines.length && !/^\s*@\w+/.test(lines[j]!); j++) body.push(lines[j]!);
    const code = body
      .filter((line) => !/^\s*```/.test(line))
      .join('\n')
      .trim();
    if (code.length > 0) found.push({ offsetLines: i, code });
    i = j - 1;
  }
  return found;
}

function sourceFiles(program: ts.Program): ts.SourceFile[] {
  const src = join(ROOT, 'src');
  return program.getSourceFiles().filter((f) => f.fileName.startsWith(src) && !f.isDeclarationFile);
}

/** The name of the declaration a JSDoc comment belongs to. */
function ownerName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  if (ts.isVariableStatement(node)) {
    const first = node.declarationList.declarations[0];
    if (first && ts.isIdentifier(first.name)) return first.name.text;
  }
  return '(declaration)';
}

/** Every `@example` of a file, with the declaration it documents. */
function examplesOf(file: ts.SourceFile): Example[] {
  const out: Example[] = [];
  const visit = (node: ts.Node) => {
    for (const doc of (node as ts.Node & { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
      const start = file.getLineAndCharacterOfPosition(doc.getStart(file)).line + 1;
      for (const example of examplesOfComment(doc.getText(file)))
        out.push({
          file: file.fileName,
          line: start + example.offsetLines,
          owner: ownerName(node),
          code: example.code,
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Value and type names a module exports (what an example may use without importing it). */
function exportNames(checker: ts.TypeChecker, file: ts.SourceFile): string[] {
  const symbol = checker.getSymbolAtLocation(file);
  return symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : [];
}

/** Exported functions and classes of the package entry points whose declaration has no `@example`. */
function exportsWithoutExample(checker: ts.TypeChecker, entry: ts.SourceFile): string[] {
  const symbol = checker.getSymbolAtLocation(entry);
  if (!symbol) return [];
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(symbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = target.declarations?.[0];
    if (!declaration || !(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue;
    if (ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example')) continue;
    const where = declaration.getSourceFile();
    const line = where.getLineAndCharacterOfPosition(declaration.getStart(where)).line + 1;
    missing.push(`${relative(ROOT, where.fileName)}:${line} ${exported.name}`);
  }
  return missing;
}

function loadConfig(): ts.ParsedCommandLine {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, configPath);
  return { ...parsed, fileNames: parsed.fileNames.filter((f) => f.startsWith(join(ROOT, 'src'))) };
}

/** The module an example becomes: imports of its file's and the root's exports, then its code. */
function exampleModule(example: Example, fileExports: readonly string[], rootExports: readonly string[]): string {
  const fromRoot = rootExports.filter((name) => !fileExports.includes(name) && name !== 'default');
  const own = fileExports.filter((name) => name !== 'default');
  const path = relative(OUT, example.file).replace(/\.ts$/, '.js');
  return [
    `// ${relative(ROOT, example.file)}:${example.line} @example of ${example.owner}`,
    own.length > 0 ? `import { ${own.join(', ')} } from '${path.startsWith('.') ? path : `./${path}`}';` : '',
    fromRoot.length > 0 ? `import { ${fromRoot.join(', ')} } from 'cdc-enrich';` : '',
    '',
    example.code,
    '',
    'export {};',
    '',
  ].join('\n');
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const rootFile = program.getSourceFile(join(ROOT, 'src', 'index.ts'));
  if (!rootFile) throw new Error('src/index.ts not found');
  const rootExports = exportNames(checker, rootFile);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const origin = new Map<string, Example>();
  for (const file of sourceFiles(program)) {
    const fileExports = exportNames(checker, file);
    for (const example of examplesOf(file)) {
      const name = `${relative(join(ROOT, 'src'), example.file).replace(/[/.]/g, '_')}_${example.line}.ts`;
      const path = join(OUT, name);
      writeFileSync(path, exampleModule(example, fileExports, rootExports));
      origin.set(path, example);
    }
  }

  // The project's ambient declarations (untyped vendor modules) come along; everything else is imported.
  const ambient = config.fileNames.filter((f) => f.endsWith('.d.ts'));
  const check = ts.createProgram([...origin.keys(), ...ambient], {
    ...config.options,
    noEmit: true,
    noUnusedLocals: false,
  });
  const failures = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(check)) {
    const path = diagnostic.file?.fileName;
    const example = path ? origin.get(path) : undefined;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const key = example ? `${relative(ROOT, example.file)}:${example.line} @example of ${example.owner}` : 'setup';
    const generatedLine =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0;
    const list = failures.get(key) ?? [];
    list.push(`  TS${diagnostic.code} (line ${generatedLine} of ${path ? relative(ROOT, path) : '?'}): ${message}`);
    failures.set(key, list);
  }

  const entries = ['email', 'name', 'geo', 'phone', 'cdc', 'enrich'].map((area) =>
    program.getSourceFile(join(ROOT, 'src', area, 'index.ts')),
  );
  const missing = [...new Set(entries.flatMap((entry) => (entry ? exportsWithoutExample(checker, entry) : [])))];

  console.log(`${origin.size} @example blocks type-checked, ${failures.size} failing.`);
  for (const [where, messages] of failures) console.log(`\n${where}\n${messages.join('\n')}`);
  if (missing.length > 0) {
    console.log(`\n${missing.length} exported functions or classes without an @example:\n  ${missing.join('\n  ')}`);
  }
  const strict = argv.includes('--require-examples');
  return failures.size > 0 || (strict && missing.length > 0) ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
