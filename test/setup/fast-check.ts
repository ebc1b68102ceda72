/**
 * fast-check sizes for every property and fuzz test (vitest `setupFiles` of both configs).
 *
 * fast-check's default size ("small") caps a generated array or string at about 10 elements whatever its
 * `maxLength` says, so a property over "up to 500 operations" against a 64-entry cache never filled the cache.
 * With `defaultSizeToMaxWhenMaxSpecified` an explicit `maxLength` (or `maxDepth`, `maxKeys`) means what it says:
 * a property whose collection must exceed a cache capacity or batch size declares a `maxLength` beyond it.
 * Collections without a bound keep the small default: a larger `baseSize` ('medium') makes `fc.object()` and
 * `fc.anything()` values of hundreds of kilobytes, which took the enricher's junk property from 1 s to over
 * 2 minutes while proving nothing the bounded properties do not (measured when this file was written).
 * test/fast-check-sizes.test.ts checks that this configuration is in force.
 */
import fc from 'fast-check';

fc.configureGlobal({ defaultSizeToMaxWhenMaxSpecified: true });
