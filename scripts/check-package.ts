/**
 * `npm run check:package`: packs the package once and lints that tarball with publint (strict) and
 * @arethetypeswrong/cli (node16 profile). Packing with `--ignore-scripts` uses the dist that `npm run build`
 * just wrote, instead of letting `prepack` build it a second time (as `attw --pack` and publint's own packing
 * would). Run `npm run build` first; `npm test` and CI do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HELP = `Usage: npm run check:package

Packs the package (npm pack --ignore-scripts, using the existing dist/) and runs publint --strict and
attw --profile node16 on the tarball. Run npm run build first.`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const out = join(root, '.cache', 'pack');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const packed = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
  cwd: root,
  encoding: 'utf8',
});
const [{ filename }] = JSON.parse(packed.slice(packed.indexOf('['))) as [{ filename: string }];
const tarball = join(out, filename);
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
execFileSync(bin('publint'), ['run', tarball, '--strict'], { cwd: root, stdio: 'inherit' });
execFileSync(bin('attw'), [tarball, '--profile', 'node16'], { cwd: root, stdio: 'inherit' });
