import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checkOptions, functionOption, nonNegativeInteger } from '../../src/shared/options.js';

const schema = z.strictObject({
  cacheSize: z.optional(z.union([nonNegativeInteger(), z.strictObject({ email: z.optional(nonNegativeInteger()) })])),
  clock: z.optional(functionOption<() => Date>()),
});

describe('checkOptions', () => {
  it('returns the parsed options, and {} for undefined', () => {
    expect(checkOptions('f', schema, { cacheSize: 3 })).toEqual({ cacheSize: 3 });
    expect(checkOptions('f', schema, undefined)).toEqual({});
  });

  it('names an unknown top-level or nested option', () => {
    expect(() => checkOptions('createThing', schema, { cachesize: 1 })).toThrow(
      new TypeError('createThing: unknown option "cachesize"'),
    );
    expect(() => checkOptions('createThing', schema, { cacheSize: { emial: 1 } })).toThrow(/unknown option|cacheSize/);
  });

  it('names the option with a bad value, never the value', () => {
    expect(() => checkOptions('f', schema, { clock: 'secret-value' })).toThrow(/^f: invalid option clock: /);
    try {
      checkOptions('f', schema, { clock: 'secret-value' });
    } catch (e) {
      expect(String(e)).not.toContain('secret-value');
    }
    expect(() => checkOptions('f', schema, { cacheSize: -1 })).toThrow(TypeError);
    expect(() => checkOptions('f', schema, { cacheSize: 1.5 })).toThrow(TypeError);
  });

  it('rejects options that are not an object', () => {
    expect(() => checkOptions('f', schema, 42)).toThrow(new TypeError('f: options must be an object'));
    expect(() => checkOptions('f', schema, null)).toThrow(TypeError);
  });
});
