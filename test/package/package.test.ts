/**
 * The published artifact, not the sources: packs the package with `npm pack`, installs the tarball into
 * a throwaway project, and loads it the two ways consumers do (ESM `import` and CJS `require`), for the
 * root and every subpath export. Catches broken `exports` maps, missing files and dual-package hazards
 * that tests against `src/` cannot see.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
};
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
const specifiers = subpaths.map((p) => (p === '.' ? 'cdc-enrich' : `cdc-enrich/${p.slice(2)}`));

let work = '';

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) run('npm', ['run', 'build'], root);
  work = mkdtempSync(join(tmpdir(), 'cdc-enrich-pack-'));
  const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root);
  const [{ filename }] = JSON.parse(out.slice(out.indexOf('['))) as [{ filename: string }];
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, filename)], work);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packed tarball', () => {
  it('declares one subpath export per area', () => {
    expect(specifiers).toEqual(
      expect.arrayContaining([
        'cdc-enrich',
        'cdc-enrich/email',
        'cdc-enrich/name',
        'cdc-enrich/geo',
        'cdc-enrich/phone',
        'cdc-enrich/cdc',
        'cdc-enrich/enrich',
      ]),
    );
  });

  it.each(specifiers)('%s loads with import() and require() and exposes the same names', (spec) => {
    const esm = run(
      'node',
      [
        '--input-type=module',
        '-e',
        `import(${JSON.stringify(spec)}).then(m=>console.log(JSON.stringify(Object.keys(m).sort())))`,
      ],
      work,
    );
    const cjs = run(
      'node',
      ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(spec)})).sort()))`],
      work,
    );
    const esmKeys = JSON.parse(esm) as string[];
    const cjsKeys = JSON.parse(cjs) as string[];
    expect(esmKeys.length).toBeGreaterThan(0);
    expect(cjsKeys).toEqual(esmKeys);
  });

  it('root export re-exports every area export', () => {
    const keysOf = (spec: string) =>
      JSON.parse(
        run('node', ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(spec)}))))`], work),
      ) as string[];
    const rootKeys = new Set(keysOf('cdc-enrich'));
    for (const spec of specifiers.filter((s) => s !== 'cdc-enrich')) {
      for (const k of keysOf(spec)) expect(rootKeys.has(k), `${spec} exports ${k}`).toBe(true);
    }
  });

  it('installs the cdc-enrich bin, which answers --help', () => {
    const out = run(join(work, 'node_modules', '.bin', 'cdc-enrich'), ['--help'], work);
    expect(out).toMatch(/cdc-enrich/);
    expect(out).toMatch(/enrich/);
  });
});
