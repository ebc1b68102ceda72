/**
 * `dependencies` is exactly what the built package imports at run time: every bare specifier that an ESM or CJS
 * file of dist/ imports or requires (Node built-ins aside) names a dependency, and every dependency is imported.
 * A package bundled into dist (email-providers, zod) must therefore be a devDependency, and a dependency that
 * dist stopped importing must go.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/**
 * `import x from "s"`, `export * from "s"`, `import "s"`, `import("s")`, `require("s")`, a lazy
 * `createRequire(url)("s")` and a data file read at run time through `require.resolve("s")`: the specifier s. A call
 * must close right after its string, so a computed `require('u' + 'rl')` (tsup's import.meta.url shim) is not
 * read as a package `u`.
 */
const SPECIFIER =
  /\bfrom\s*(["'])([^"'\n]+)\1|\bimport\s*(["'])([^"'\n]+)\3|\b(?:require|import)\s*\(\s*(["'])([^"'\n]+)\5\s*\)|\bcreateRequire\([^()]*\)\s*\(\s*(["'])([^"'\n]+)\7\s*\)|\.resolve\(\s*(["'])([^"'\n]+)\9\s*\)/g;

/** The package a bare specifier names (`libphonenumber-js/max` → `libphonenumber-js`, `@a/b/c` → `@a/b`). */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

function runtimeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return runtimeFiles(path);
    return /\.(c|m)?js$/.test(entry.name) ? [path] : [];
  });
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(path);
    return /\.d\.(c|m)?ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Packages the published declarations may import although dist does not load them at run time, each with the
 * reason. A consumer who type-checks libraries (`skipLibCheck: false`) must install them.
 */
const TYPE_ONLY_IMPORTS: Readonly<Record<string, string>> = {
  // zod is bundled into dist (start-up), but parseOptionsSchema (cdc) and columnMappingSchema (enrich) are
  // exported as zod/mini schemas, so their declarations import zod's types.
  zod: 'exported option schemas are typed as zod/mini schemas',
};

/** Package name → the dist files that import it. */
function importedPackages(files: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const name = packageOf((match[2] ?? match[4] ?? match[6] ?? match[8] ?? match[10])!);
      if (name === null) continue;
      const files = found.get(name) ?? [];
      files.push(file.slice(dist.length + 1));
      found.set(name, files);
    }
  }
  return found;
}

beforeAll(() => {
  if (!existsSync(join(dist, 'index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}, 300_000);

describe('runtime dependencies', () => {
  it('reads package names from specifiers (not vacuous)', () => {
    expect(packageOf('libphonenumber-js/max')).toBe('libphonenumber-js');
    expect(packageOf('@scope/pkg/sub')).toBe('@scope/pkg');
    expect(packageOf('node:fs')).toBeNull();
    expect(packageOf('fs')).toBeNull();
    expect(packageOf('./chunk-ABC.js')).toBeNull();
  });

  it('dependencies are exactly the packages dist imports at run time', () => {
    const imported = importedPackages(runtimeFiles(dist));
    const declared = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).sort();
    const missing = [...imported.keys()].filter((name) => !declared.includes(name));
    const unused = declared.filter((name) => !imported.has(name));
    expect(
      missing.map((name) => `${name} (imported by ${imported.get(name)!.slice(0, 3).join(', ')})`),
      'imported by dist but not in dependencies',
    ).toEqual([]);
    expect(unused, 'in dependencies but never imported by dist (bundled? then a devDependency)').toEqual([]);
    expect(imported.size).toBeGreaterThan(0);
  });

  it('the declarations import only dependencies and the listed type-only packages', () => {
    const imported = importedPackages(declarationFiles(dist));
    const allowed = [
      ...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }),
      ...Object.keys(TYPE_ONLY_IMPORTS),
    ];
    const unlisted = [...imported.keys()].filter((name) => !allowed.includes(name));
    expect(
      unlisted.map((name) => `${name} (imported by ${imported.get(name)!.slice(0, 3).join(', ')})`),
      'types of a package consumers do not get: make it a dependency, or keep it out of the public types',
    ).toEqual([]);
  });
});
