/**
 * One way to check a factory's options: a strict `zod/mini` schema per factory, and a `TypeError` that names
 * the offending option when the caller misuses the API (an unknown or misspelled key, a wrong type, a value
 * out of range). Bad *data* never reaches this path: only options, which are programmer input.
 *
 * Why `zod/mini`: it is tree-shakeable, so the few validators the package uses cost kilobytes at import
 * time instead of the whole of zod (start-up is part of the product, see docs/benchmarks.md). Each
 * factory's schema is module-level `z.lazy(() => z.strictObject(...))`, built on its first parse: building
 * one runs zod's constructors, about a millisecond per factory's schema, which every process importing the
 * package would otherwise pay at start-up for options it may never check.
 */
import * as z from 'zod/mini';
import { formatFailurePath } from './errors.js';

// Not re-exported: a namespace passed on as a value keeps all of zod/mini (every locale) in the bundle; each
// module imports `* as z from 'zod/mini'` itself, which esbuild tree-shakes to the members it uses.

/** A schema accepted by {@link checkOptions}. */
export type OptionsSchema<T> = z.ZodMiniType<T, unknown>;

/** `a.b[0].c` for an issue path (the option, never its value). */
function formatPath(path: readonly PropertyKey[]): string {
  return formatFailurePath(path.map((key) => (typeof key === 'number' ? key : String(key))));
}

/**
 * Validates `options` (undefined means `{}`) against a strict schema and returns the parsed value.
 * Throws a `TypeError` naming the option: `createEnricher: unknown option "colums"` or
 * `createEnricher: invalid option cacheSize.email: expected a non-negative integer`.
 *
 * @example
 * import * as z from 'zod/mini';
 * const schema = z.strictObject({ cacheSize: z.optional(z.number()) });
 * checkOptions('createThing', schema, { cacheSize: 10 }); // { cacheSize: 10 }
 * // checkOptions('createThing', schema, { cachesize: 10 }) throws TypeError: createThing: unknown option "cachesize"
 */
export function checkOptions<T>(where: string, schema: OptionsSchema<T>, options: unknown): T {
  const result = schema.safeParse(options === undefined ? {} : options);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new TypeError(`${where}: invalid options`);
  const at = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => `"${at.length === 0 ? k : `${at}.${k}`}"`).join(', ');
    throw new TypeError(`${where}: unknown option ${names}`);
  }
  if (at.length === 0) throw new TypeError(`${where}: options must be an object`);
  throw new TypeError(`${where}: invalid option ${at}: ${issue.message}`);
}

/**
 * A non-negative integer (cache sizes in entries: 0 disables a cache).
 *
 * @example
 * import * as z from 'zod/mini';
 * checkOptions('f', z.strictObject({ n: nonNegativeInteger() }), { n: 3 });
 */
export function nonNegativeInteger(): z.ZodMiniNumber<number> {
  return z.number().check(z.int('expected a non-negative integer'), z.minimum(0, 'expected a non-negative integer'));
}

/**
 * A function option (clocks, callbacks); zod 4 has no function schema, so it is a custom check.
 *
 * @example
 * import * as z from 'zod/mini';
 * checkOptions('f', z.strictObject({ clock: z.optional(functionOption<() => Date>()) }), { clock: () => new Date() });
 */
export function functionOption<F extends (...args: never[]) => unknown>(): z.ZodMiniCustom<F, F> {
  return z.custom<F>((v) => typeof v === 'function', 'expected a function');
}
