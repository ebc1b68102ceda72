import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The long fuzz run (`npm run test:fuzz`): >= 100k runs per property, not part of `npm test`.
 * Built from the base config by hand rather than `mergeConfig`, because merging concatenates the
 * `exclude` arrays and the base config excludes exactly the `*.fuzz.test.ts` files we want here.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/**/*.fuzz.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 900_000,
  },
});
