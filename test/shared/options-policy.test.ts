/**
 * One options policy across modules (issues 12 and 13 item 5): every factory rejects unknown or misspelled
 * options with a TypeError naming the option (one strict schema per factory, `checkOptions`), and every
 * function that takes a country accepts the same inputs (alpha-2, alpha-3, names) through `toAlpha2`.
 *
 * This test spans the email, phone, geo, cdc and enrich modules: each module's engineer makes their factory
 * pass it, so on a single area's branch the other areas' rows may fail until the branches are merged.
 */
import { describe, expect, it } from 'vitest';
import { parseChangeEvents } from '../../src/cdc/index.js';
import { createEmailAnalyzer } from '../../src/email/index.js';
import { createEnricher } from '../../src/enrich/index.js';
import { inferCountryFromPostalCode } from '../../src/geo/index.js';
import { createPhoneNormalizer, normalizePhone } from '../../src/phone/index.js';

/** Every factory of the package, called with one misspelled option. */
const FACTORIES: readonly [name: string, misuse: () => unknown][] = [
  ['createEnricher', () => createEnricher({ cachesize: 10 } as never)],
  ['createEmailAnalyzer', () => createEmailAnalyzer({ cachesize: 10 } as never)],
  ['createPhoneNormalizer', () => createPhoneNormalizer({ cachesize: 10 } as never)],
  ['parseChangeEvents', () => parseChangeEvents('{}', { fromat: 'seed' } as never)],
];

describe('unknown options throw a TypeError naming the option, in every factory', () => {
  it.each(FACTORIES)('%s', (name, misuse) => {
    expect(misuse).toThrow(TypeError);
    expect(misuse).toThrow(new RegExp(`^${name}: unknown option "(cachesize|fromat)"`));
  });
});

/** The same country, written every way the policy accepts. */
const GERMANY = ['DE', 'de', 'DEU', 'Germany', 'Deutschland'];

describe('every function that takes a country accepts the same inputs', () => {
  it.each(GERMANY)('createEnricher({ defaultCountry: %j })', (defaultCountry) => {
    const r = createEnricher({ defaultCountry }).enrichRow({ id: 1, phone: '030 901820' });
    expect(r.ok && r.value.phone_e164).toBe('+4930901820');
  });
  it.each(GERMANY)('normalizePhone(x, { defaultCountry: %j })', (defaultCountry) => {
    expect(normalizePhone('030 901820', { defaultCountry })?.e164).toBe('+4930901820');
    expect(createPhoneNormalizer()('030 901820', { defaultCountry })?.e164).toBe('+4930901820');
  });
  it.each(GERMANY)('inferCountryFromPostalCode(code, {}, { defaultCountry: %j })', (defaultCountry) => {
    expect(inferCountryFromPostalCode('10115', {}, { defaultCountry }).country).toBe('DE');
  });

  it('a factory option that names no country throws; a per-call value from data is ignored', () => {
    expect(() => createEnricher({ defaultCountry: 'Atlantis' })).toThrow(TypeError);
    expect(() => inferCountryFromPostalCode('10115', {}, { defaultCountry: 'Atlantis' })).toThrow(TypeError);
    expect(normalizePhone('+49 30 901820', { defaultCountry: 'Atlantis' })?.e164).toBe('+4930901820');
  });
});
