import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

/**
 * One entry per public area, so that `cdc-enrich/email` pulls in only the email tables.
 * With `"type": "module"`, tsup writes ESM as `.js` and CommonJS as `.cjs` (+ `.d.ts` / `.d.cts`),
 * which is what publint and @arethetypeswrong expect for a dual package.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'email/index': 'src/email/index.ts',
    'name/index': 'src/name/index.ts',
    'geo/index': 'src/geo/index.ts',
    'phone/index': 'src/phone/index.ts',
    'cdc/index': 'src/cdc/index.ts',
    'enrich/index': 'src/enrich/index.ts',
    'cli/main': 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // No source maps in the package: dist is unminified, readable JavaScript (stack traces point at real code),
  // and maps embedding the sources were 2.3 MB of the 3.6 MB installed.
  sourcemap: false,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'node20',
  platform: 'node',
  // `import.meta.url` in the CommonJS build (the email lists are read from their installed packages on first
  // use, resolved relative to the module: src/email/data/third-party.ts).
  shims: true,
  // zod is bundled, so it is a devDependency (test/package/dependencies.test.ts derives `dependencies` from what
  // dist imports): the option checks use zod/mini; tree-shaken into dist it costs a few milliseconds at
  // start-up, where loading the external package cost ~70 ms (bench/startup.bench.ts).
  noExternal: ['zod'],
  define: { __CDC_ENRICH_VERSION__: JSON.stringify(version) },
});
