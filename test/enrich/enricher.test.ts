import { generateSeedEvents } from '@cdc-enrich/corpus';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/cdc/index.js';
import { analyzeEmail } from '../../src/email/index.js';
import {
  createEnricher,
  ENRICHED_USER_COLUMNS,
  type EnrichedUser,
  type EnrichResult,
  FAILURE_CODES,
  SEED_ROW_FIELDS,
  USERS_ENRICHED_COLUMNS,
} from '../../src/enrich/index.js';
import { inferCountryFromPostalCode } from '../../src/geo/index.js';
import { normalizePhone } from '../../src/phone/index.js';

const FIXED = new Date('2026-11-25T12:00:00.000Z');
const clock = () => FIXED;

const ada = {
  id: 42,
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: '  Ada.Lovelace@Example.CO.UK ',
  phone: '020 7946 0958',
  address: '12 St James Square',
  city: 'London',
  state: null,
  country: 'United Kingdom',
  postal_code: 'sw1a1aa',
  created_at: '2024-03-01T10:00:00Z',
  updated_at: '2024-03-02T10:00:00Z',
  source_system: 'legacy_crm',
  cdc_operation: 'UPDATE',
  cdc_sequence: 1007,
  cdc_timestamp: '2024-03-02T10:00:01Z',
};

function ok(r: EnrichResult<EnrichedUser>): EnrichedUser {
  if (!r.ok) throw new Error(`expected a row, got ${r.error.code}`);
  return r.value;
}

describe('enrichRow: columns', () => {
  const row = ok(createEnricher({ clock }).enrichRow(ada));

  it('keeps the 21 users_enriched columns in order, then the extras', () => {
    expect(Object.keys(row)).toEqual([...ENRICHED_USER_COLUMNS]);
    expect(Object.keys(row).slice(0, 21)).toEqual([...USERS_ENRICHED_COLUMNS]);
  });

  it('passes the source columns through unchanged', () => {
    for (const k of [
      'first_name',
      'last_name',
      'email',
      'phone',
      'address',
      'city',
      'country',
      'postal_code',
    ] as const) {
      expect(row[k]).toBe(ada[k]);
    }
    expect(row.id).toBe(42);
    expect(row.source_system).toBe('legacy_crm');
    expect(row.created_at).toBe(ada.created_at);
  });

  it('derives the email columns', () => {
    expect(row.email_domain).toBe('example.co.uk');
    expect(row.email_registrable_domain).toBe('example.co.uk');
    expect(row.is_valid_email_flag).toBe(true);
    expect(row.normalized_email).toBe('ada.lovelace@example.co.uk');
    expect(row.email_category).toBe('corporate');
    expect(row.email_is_role).toBe(false);
  });

  it('derives name, country, phone and CDC columns', () => {
    expect(row.full_name).toBe('Ada Lovelace');
    expect(row.country_code).toBe('GB');
    expect(row.inferred_country).toBe('GB');
    expect(row.inferred_country_confidence).toBe(1);
    expect(row.postal_code_normalized).toBe('SW1A 1AA');
    expect(row.phone_e164).toBe('+442079460958');
    expect(row.phone_country).toBe('GB');
    expect(row.phone_valid).toBe(true);
    expect(row.cdc_operation).toBe('UPDATE');
    expect(row.cdc_sequence).toBe(1007);
    expect(row.cdc_timestamp).toBe('2024-03-02T10:00:01Z');
    expect(row.migration_timestamp).toBe(FIXED.toISOString());
  });

  it('infers the country from the postal code with hints when the country field is empty', () => {
    const e = createEnricher({ clock });
    const us = ok(e.enrichRow({ id: 1, postal_code: '90210', state: 'CA', city: 'Beverly Hills' }));
    expect(us.inferred_country).toBe('US');
    expect(us.country_code).toBeNull();
    expect(us.inferred_country_confidence).toBeGreaterThanOrEqual(0.5);
    const ca = ok(e.enrichRow({ id: 2, postal_code: 'M5V 3L9' }));
    expect(ca.inferred_country).toBe('CA');
  });

  it('is honest when the postal code alone is ambiguous', () => {
    const r = ok(createEnricher({ clock }).enrichRow({ id: 3, postal_code: '10115' }));
    expect(r.inferred_country).toBeNull();
    expect(r.inferred_country_confidence).toBeLessThan(0.5);
  });

  it('uses the record country as the phone default region', () => {
    const r = ok(createEnricher({ clock }).enrichRow({ id: 4, country: 'Deutschland', phone: '030 901820' }));
    expect(r.phone_e164).toBe('+4930901820');
    expect(r.phone_country).toBe('DE');
  });

  it('marks invalid emails: flag false, category invalid, no normalized email, domain kept', () => {
    const r = ok(createEnricher({ clock }).enrichRow({ id: 5, email: 'someone@@gmail.com' }));
    expect(r.is_valid_email_flag).toBe(false);
    expect(r.email_category).toBe('invalid');
    expect(r.normalized_email).toBeNull();
    const tld = ok(createEnricher({ clock }).enrichRow({ id: 6, email: 'x@example.invalid' }));
    expect(tld.email_domain).toBe('example.invalid');
    expect(tld.is_valid_email_flag).toBe(false);
  });

  it('categorizes real-world domains', () => {
    const e = createEnricher({ clock });
    const cat = (email: string) => ok(e.enrichRow({ id: 7, email })).email_category;
    expect(cat('jane@gmail.com')).toBe('personal');
    expect(cat('prof@cs.stanford.edu')).toBe('educational');
    expect(cat('clerk@cabinetoffice.gov.uk')).toBe('government');
    expect(cat('sgt@army.mil')).toBe('military');
    expect(cat('tmp@mailinator.com')).toBe('disposable');
    expect(cat('info@siemens.com')).toBe('corporate');
    expect(ok(e.enrichRow({ id: 7, email: 'info@siemens.com' })).email_is_role).toBe(true);
  });

  it('gives an all-null record null derived columns, not invented values', () => {
    const r = ok(
      createEnricher({ clock }).enrichRow({
        id: '9007199254740993',
        first_name: null,
        last_name: null,
        email: null,
        phone: null,
        address: null,
        city: null,
        state: null,
        country: null,
        postal_code: null,
        created_at: null,
        updated_at: null,
        source_system: null,
      }),
    );
    expect(r.id).toBe('9007199254740993');
    for (const k of ENRICHED_USER_COLUMNS) {
      if (k === 'id' || k === 'migration_timestamp' || k === 'cdc_operation') continue;
      expect(r[k], k).toBeNull();
    }
    expect(r.cdc_operation).toBe('INSERT');
  });
});

describe('enrichRow: typed failures', () => {
  const e = createEnricher({ clock });
  it.each([
    [null, 'invalid_record'],
    ['a string', 'invalid_record'],
    [[1, 2], 'invalid_record'],
    [{ first_name: 'No Id' }, 'missing_id'],
    [{ id: 1.5 }, 'invalid_id'],
    [{ id: 2 ** 60 }, 'invalid_id'],
    [{ id: true }, 'invalid_id'],
    [{ id: { n: 1 } }, 'invalid_id'],
    [{ id: '   ' }, 'missing_id'],
    [{ id: 1, email: { nested: true } }, 'invalid_field'],
    [{ id: 1, city: ['x'] }, 'invalid_field'],
    [{ id: 1, address: 'x'.repeat(5000) }, 'too_large'],
    [{ id: 1, cdc_operation: 'MERGE' }, 'invalid_operation'],
    [{ id: 1, cdc_sequence: { n: 1 } }, 'invalid_sequence'],
    [{ id: 1, cdc_timestamp: 'x'.repeat(5000) }, 'too_large'],
    [{ id: 1, cdc_timestamp: { seconds: 1 } }, 'invalid_field'],
    [{ id: 1, cdc_timestamp: true }, 'invalid_field'],
  ])('%j → %s', (input, code) => {
    const r = e.enrichRow(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(FAILURE_CODES[r.error.code].modules).toContain('enrich');
      // the path names the offending column (none for a record that is not an object)
      const isRow = typeof input === 'object' && input !== null && !Array.isArray(input);
      const column = !isRow ? undefined : code.endsWith('_id') ? 'id' : Object.keys(input).at(-1);
      expect(r.error.path).toEqual(column === undefined ? [] : [column]);
      // messages name the field, never the value
      expect(r.error.message).not.toContain('x'.repeat(20));
    }
  });

  it.each([
    ['42', 42],
    [' 42 ', 42],
    ['9007199254740993', '9007199254740993'],
    [9007199254740993n, '9007199254740993'],
    ['99999999999999999999', '99999999999999999999'],
    ['5b4f3e0c-6f1e-4c7a-9d3b-1a2b3c4d5e6f', '5b4f3e0c-6f1e-4c7a-9d3b-1a2b3c4d5e6f'],
  ])('key %s → %s (exact integers, text keys)', (id, expected) => {
    expect(ok(e.enrichRow({ id })).id).toBe(expected);
  });

  it('formats each instant of the clock (the per-millisecond formatting cache never sticks)', () => {
    let ms = Date.UTC(2026, 10, 25, 12, 0, 0, 0);
    const e = createEnricher({ clock: () => new Date(ms) });
    const stamps: string[] = [];
    for (const step of [0, 0, 1, 0, 999, 60_000]) {
      ms += step;
      stamps.push(ok(e.enrichRow({ id: 1 })).migration_timestamp);
    }
    expect(stamps).toEqual([
      '2026-11-25T12:00:00.000Z',
      '2026-11-25T12:00:00.000Z',
      '2026-11-25T12:00:00.001Z',
      '2026-11-25T12:00:00.001Z',
      '2026-11-25T12:00:01.000Z',
      '2026-11-25T12:01:01.000Z',
    ]);
  });

  it('rejects bad options as programmer misuse', () => {
    // a clock that returns an invalid Date is a programming error too
    expect(() => createEnricher({ clock: () => new Date(Number.NaN) }).enrichRow({ id: 1 })).toThrow(TypeError);
    expect(() => createEnricher({ defaultCountry: 'Atlantis' })).toThrow(
      /createEnricher: invalid option defaultCountry/,
    );
    expect(() => createEnricher({ cacheSize: -1 })).toThrow(TypeError);
    expect(() => createEnricher({ maxFieldLength: 0 })).toThrow(TypeError);
    expect(() => createEnricher({ colums: {} } as never)).toThrow(
      new TypeError('createEnricher: unknown option "colums"'),
    );
    expect(() => createEnricher({ enrichments: { emial: false } } as never)).toThrow(
      /unknown option "enrichments.emial"/,
    );
    expect(() => createEnricher({ cacheSize: { emails: 1 } } as never)).toThrow(TypeError);
  });

  it.each(['DE', 'de', 'DEU', 'Germany', 'Deutschland'])(
    'defaultCountry %j is the fallback region for national phones and postal inference',
    (defaultCountry) => {
      const de = createEnricher({ clock, defaultCountry });
      const r = ok(de.enrichRow({ id: 1, phone: '030 901820', postal_code: '10115' }));
      expect(r.phone_e164).toBe('+4930901820');
      expect(r.phone_country).toBe('DE');
      expect(r.inferred_country).toBe('DE');
      // the record's own country wins over the fallback
      const fr = ok(de.enrichRow({ id: 2, phone: '01 42 68 53 00', country: 'France' }));
      expect(fr.phone_e164).toBe('+33142685300');
    },
  );
});

describe('enrichEvent', () => {
  const e = createEnricher({ clock });
  const base: ChangeEvent = {
    op: 'insert',
    before: null,
    after: { id: 7, first_name: '太郎', last_name: '山田', email: 'taro@yahoo.co.jp', country: 'JP' },
    table: 'crm.users',
    format: 'debezium',
    position: 12345,
    timestamp: '2026-01-01T00:00:00.000Z',
    transaction: null,
    beforeImage: 'none',
  };

  it('maps ops and takes the row from after, or before for deletes', () => {
    const ins = ok(e.enrichEvent(base));
    expect(ins.cdc_operation).toBe('INSERT');
    expect(ins.full_name).toBe('山田太郎');
    expect(ins.email_category).toBe('personal');
    expect(ins.cdc_sequence).toBe(12345);
    expect(ok(e.enrichEvent({ ...base, op: 'snapshot' })).cdc_operation).toBe('INSERT');
    expect(ok(e.enrichEvent({ ...base, op: 'update' })).cdc_operation).toBe('UPDATE');
    const del = ok(e.enrichEvent({ ...base, op: 'delete', before: { id: 7 }, after: null, beforeImage: 'key-only' }));
    expect(del.cdc_operation).toBe('DELETE');
    expect(del.id).toBe(7);
    expect(del.email).toBeNull();
  });

  it('fails on truncates and events without a row image', () => {
    expect(e.enrichEvent({ ...base, op: 'truncate', after: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid_operation' },
    });
    expect(e.enrichEvent({ ...base, after: null })).toMatchObject({ ok: false, error: { code: 'invalid_record' } });
  });

  it('enrichEvents and enrichBatch give one result per input, in order', () => {
    const rs = e.enrichEvents([base, { ...base, op: 'truncate' }]);
    expect(rs.map((r) => r.ok)).toEqual([true, false]);
    const rows = e.enrichBatch([{ id: 1 }, { nope: true }, { id: 2 }]);
    expect(rows.map((r) => (r.ok ? r.value.id : r.error.code))).toEqual([1, 'missing_id', 2]);
  });
});

describe('enricher properties', () => {
  const corpus = [...generateSeedEvents(400, 7)];
  const seedRow = fc.constantFrom(...corpus);
  const field = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constant(null),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(undefined),
    fc.object({ maxDepth: 1 }),
  );

  const junkCounts = { ok: 0, failed: 0 };
  test.prop([fc.anything()])('never throws on any value', (x) => {
    expect(() => createEnricher({ clock }).enrichRow(x)).not.toThrow();
  });

  test.prop([seedRow, fc.dictionary(fc.constantFrom(...USERS_ENRICHED_COLUMNS), field)])(
    'seed rows with fields replaced by junk: a full row when every field is usable, else the failure of a junk field',
    (row, junk) => {
      const r = createEnricher({ clock }).enrichRow({ ...row, ...junk });
      const unusable = (k: string, v: unknown) =>
        k === 'id'
          ? v === undefined ||
            v === null ||
            v === '' ||
            typeof v === 'boolean' ||
            typeof v === 'object' ||
            (typeof v === 'number' && !Number.isSafeInteger(v)) ||
            (typeof v === 'string' && v.trim() === '')
          : typeof v === 'boolean' || (typeof v === 'object' && v !== null);
      const bad = Object.entries(junk)
        .filter(([k]) => (SEED_ROW_FIELDS as readonly string[]).includes(k))
        .filter(
          ([k, v]) => unusable(k, v) && !(k === 'cdc_operation' || k === 'cdc_sequence' || k === 'cdc_timestamp'),
        );
      if (r.ok) {
        junkCounts.ok++;
        expect(Object.keys(r.value)).toEqual([...ENRICHED_USER_COLUMNS]);
        expect(bad).toEqual([]);
      } else {
        junkCounts.failed++;
        const column = r.error.path[0];
        expect(Object.keys(junk)).toContain(column);
        expect([
          'invalid_field',
          'invalid_id',
          'missing_id',
          'too_large',
          'invalid_operation',
          'invalid_sequence',
        ]).toContain(r.error.code);
      }
    },
  );
  afterAll(() => {
    // both outcomes were exercised
    expect(junkCounts.ok).toBeGreaterThan(5);
    expect(junkCounts.failed).toBeGreaterThan(5);
  });

  test.prop([fc.array(seedRow, { maxLength: 30 })])('deterministic under a fixed clock', (rows) => {
    const a = createEnricher({ clock }).enrichBatch(rows);
    const b = createEnricher({ clock }).enrichBatch(rows);
    expect(a).toEqual(b);
  });

  test.prop([fc.array(seedRow, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 5 })])(
    'differential: caches on (any size) and off give identical rows',
    (rows, size) => {
      const cached = createEnricher({ clock, cacheSize: size }).enrichBatch([...rows, ...rows]);
      const uncached = createEnricher({ clock, cacheSize: 0 }).enrichBatch([...rows, ...rows]);
      expect(cached).toEqual(uncached);
    },
  );

  // The enricher takes the typo suggestion from the email analysis (one way to suggest), not a memo of its own.
  describe('typo suggestions', () => {
    const suggestions = { some: 0 };
    test.prop([
      fc.oneof(
        fc.string(),
        // Typos of major providers (the suggestion branch) and their near misses.
        fc.constantFrom('jane@gmial.com', 'x@hotmial.com', 'a@yahooo.com', 'b@gmail.con', '@gmial.com', 'c@zoom.com'),
      ),
    ])('email_suggested_domain is the analysis suggestion', (email) => {
      const row = ok(createEnricher({ clock }).enrichRow({ id: 1, email }));
      const expected = analyzeEmail(email)?.suggestedDomain ?? null;
      if (expected !== null) suggestions.some++;
      expect(row.email_suggested_domain).toBe(expected);
    });
    afterAll(() => {
      expect(suggestions.some).toBeGreaterThan(0);
    });
  });

  it('differential: postal inference gives what inferCountryFromPostalCode gives with the same hints', () => {
    let inferred = 0;
    for (const defaultCountry of [undefined, 'DE'] as const) {
      const enricher = createEnricher(defaultCountry === undefined ? { clock } : { clock, defaultCountry });
      for (const row of corpus) {
        const r = ok(enricher.enrichRow(row));
        if (r.country_code !== null || row.postal_code === null) continue;
        const phone = normalizePhone(row.phone, defaultCountry === undefined ? undefined : { defaultCountry });
        const expected = inferCountryFromPostalCode(
          row.postal_code,
          {
            state: row.state,
            city: row.city,
            phone:
              phone === null
                ? null
                : {
                    callingCode: phone.callingCode,
                    country: phone.country,
                    international: phone.international,
                    valid: phone.valid,
                  },
            emailDomain: analyzeEmail(row.email)?.domain ?? null,
          },
          defaultCountry === undefined ? undefined : { defaultCountry },
        );
        const decided = expected.candidates.length > 0;
        expect(r.inferred_country).toBe(decided ? expected.country : null);
        expect(r.inferred_country_confidence).toBe(decided ? expected.confidence : null);
        if (r.inferred_country !== null) inferred++;
      }
    }
    expect(inferred).toBeGreaterThan(10); // the inference branch ran
  });

  it('enriches the generated corpus without failures (the property inputs are not vacuous)', () => {
    const results = createEnricher({ clock }).enrichBatch(corpus);
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = results.flatMap((r) => (r.ok ? [r.value] : []));
    expect(rows.filter((r) => r.inferred_country !== null).length).toBeGreaterThan(corpus.length / 2);
    expect(rows.filter((r) => r.is_valid_email_flag === true).length).toBeGreaterThan(corpus.length / 2);
  });
});

describe('toggles', () => {
  it('leaves disabled enrichments null', () => {
    const r = ok(
      createEnricher({
        clock,
        enrichments: { email: false, phone: false, name: false, country: false, postal: false },
      }).enrichRow(ada),
    );
    expect([r.email_domain, r.email_category, r.phone_e164, r.full_name, r.country_code, r.inferred_country]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(r.email).toBe(ada.email);
  });
});
