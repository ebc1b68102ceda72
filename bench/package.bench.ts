/**
 * Package size (`npm run bench -- package`): packs the package as `npm publish` would (dist must be built),
 * installs the tarball into an empty project and reports the packed size, the package's own installed size
 * and the installed size with its dependencies, per dependency. The packed size has a budget in
 * test/package/package.test.ts.
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { directoryBytes, installTarball, packPackage } from '../test/package/tarball.js';

const kB = (bytes: number) => `${(bytes / 1000).toLocaleString('en-US', { maximumFractionDigits: 0 })} kB`;

const packed = packPackage();
const project = installTarball(packed.tarball);
try {
  const modules = join(project, 'node_modules');
  const packages = readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name]));
  const sizes = packages.map((name) => ({ name, bytes: directoryBytes(join(modules, name)) }));
  sizes.sort((a, b) => b.bytes - a.bytes);
  const total = sizes.reduce((sum, p) => sum + p.bytes, 0);
  const byFolder = new Map<string, number>();
  for (const file of packed.files) {
    const folder = file.path.startsWith('dist/') ? 'dist (JavaScript)' : file.path;
    const key = /\.d\.c?ts$/.test(file.path) ? 'dist (declarations)' : folder;
    byFolder.set(key, (byFolder.get(key) ?? 0) + file.size);
  }
  const lines = [
    '## Package size',
    '',
    `Packed (the .tgz): **${kB(packed.packedBytes)}**, ${packed.files.length} files, ${kB(packed.unpackedBytes)} unpacked.`,
    `Installed with its dependencies (\`npm install cdc-enrich\` into an empty project): **${kB(total)}**.`,
    '',
    '| installed package | size |',
    '| --- | --- |',
    ...sizes.map((p) => `| ${p.name} | ${kB(p.bytes)} |`),
    '',
    '| packed content | unpacked size |',
    '| --- | --- |',
    ...[...byFolder].map(([name, bytes]) => `| ${name} | ${kB(bytes)} |`),
    '',
  ];
  console.log(lines.join('\n'));
} finally {
  rmSync(project, { recursive: true, force: true });
  rmSync(dirname(packed.tarball), { recursive: true, force: true });
}
