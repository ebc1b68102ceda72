import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/** The long fuzz run (`npm run test:fuzz`): >= 100k runs per property, not part of `npm test`. */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/**/*.fuzz.test.ts'],
      exclude: ['**/node_modules/**'],
      testTimeout: 900_000,
    },
  }),
);
