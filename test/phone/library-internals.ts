/**
 * libphonenumber-js's internal modules, loaded from its CommonJS build by file (they are not in its exports
 * map): the tests use them to pin our copy of the library's text grammar and to compute, with the library's
 * own code, what it reads from a text before it looks at the digits.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * One module of `libphonenumber-js/build/`, e.g. `'constants.js'`.
 *
 * @example
 * const constants = libraryInternal('constants.js');
 */
export function libraryInternal(path: string): Record<string, unknown> {
  const file = fileURLToPath(new URL(`../../node_modules/libphonenumber-js/build/${path}`, import.meta.url));
  return createRequire(import.meta.url)(file) as Record<string, unknown>;
}
