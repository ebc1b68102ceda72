/**
 * Integers beyond 2^53 stay exact (issue 13 item 4): `9223372036854775807` in a BIGINT key came out of the
 * parser as `9223372036854776000`. Both exact paths (the source-text reviver of Node 22+ and the Node 20
 * scanner) are pinned to the same answers.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { EXACT_PATH, parseJsonExact, quoteUnsafeIntegers } from '../../src/cdc/exact.js';
import { parseChangeEvents } from '../../src/cdc/index.js';

const debezium = (after: string) =>
  `{"op":"c","before":null,"after":${after},"source":{"db":"shop","schema":"public","table":"orders","ts_ms":1700000000000,"ts_ns":1700000000000123456}}`;

describe('exact big integers', () => {
  it('keeps BIGINT keys and Snowflake ids exact, as decimal strings of the same digits', () => {
    const r = parseChangeEvents(
      debezium('{"id":9223372036854775807,"min":-9223372036854775808,"snowflake":1541815603606036480,"n":7}'),
    );
    expect(r).toMatchObject({
      ok: true,
      events: [
        {
          after: { id: '9223372036854775807', min: '-9223372036854775808', snowflake: '1541815603606036480', n: 7 },
        },
      ],
    });
  });

  it('keeps 2^53 + 1, the first integer a double cannot hold, exact', () => {
    const r = parseChangeEvents(debezium('{"id":9007199254740993}'));
    expect(r.ok && r.events[0]?.after?.['id']).toBe('9007199254740993');
    // 2^53 - 1 and below stay numbers
    const safe = parseChangeEvents(debezium('{"id":9007199254740991}'));
    expect(safe.ok && safe.events[0]?.after?.['id']).toBe(9007199254740991);
  });

  it('looks into JSON column values, and reads Buffers and JSON arrays of messages the same way', () => {
    const text = debezium('{"id":1,"doc":{"ids":[12345678901234567890]}}');
    for (const input of [text, Buffer.from(text), `[${text}]`]) {
      const r = parseChangeEvents(input);
      expect(r.ok && r.events[0]?.after?.['doc']).toEqual({ ids: ['12345678901234567890'] });
    }
  });

  it('leaves floats, exponents and strings alone', () => {
    expect(quoteUnsafeIntegers('{"a":1.5e300,"b":12345678901234567890.5,"c":"9223372036854775807","d":1e20}')).toBe(
      '{"a":1.5e300,"b":12345678901234567890.5,"c":"9223372036854775807","d":1e20}',
    );
    expect(quoteUnsafeIntegers('{"k\\"ey":[9223372036854775807, -9223372036854775808]}')).toBe(
      '{"k\\"ey":["9223372036854775807", "-9223372036854775808"]}',
    );
  });

  const bigint = fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });
  test.prop([
    fc.array(
      fc.oneof(
        bigint,
        fc.integer(),
        fc
          .double({ noNaN: true, noDefaultInfinity: true })
          .filter((v) => !Number.isInteger(v) || Number.isSafeInteger(v)),
        fc.string(),
      ),
      {
        minLength: 1,
        maxLength: 40,
      },
    ),
  ])('the exact parse equals the value with unsafe integers written as their digits (both paths)', (values) => {
    const text = `[${values.map((v) => (typeof v === 'bigint' ? v.toString() : JSON.stringify(v))).join(',')}]`;
    const expected = values.map((v) =>
      typeof v === 'bigint'
        ? v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)
          ? v.toString()
          : Number(v)
        : typeof v === 'number'
          ? JSON.parse(JSON.stringify(v))
          : v,
    );
    expect(JSON.parse(quoteUnsafeIntegers(text))).toEqual(expected);
    expect(parseJsonExact(text)).toEqual(expected);
  });

  it('names the path this Node takes (source text on 22+, the scanner on 20)', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(EXACT_PATH).toBe(major >= 22 ? 'source-text' : 'scanner');
  });
});

describe('Debezium schema → ChangeEvent.schema', () => {
  it('gives each column its Connect type, optionality and logical type', () => {
    const msg = {
      schema: {
        type: 'struct',
        fields: [
          {
            field: 'before',
            type: 'struct',
            optional: true,
            fields: [{ field: 'customer_id', type: 'int64', optional: false }],
          },
          {
            field: 'after',
            type: 'struct',
            optional: true,
            fields: [
              { field: 'customer_id', type: 'int64', optional: false },
              { field: 'email_address', type: 'string', optional: true },
              { field: 'signed_up', type: 'int32', optional: true, name: 'io.debezium.time.Date' },
            ],
          },
        ],
      },
      payload: { op: 'c', before: null, after: { customer_id: 1, email_address: null, signed_up: 19000 }, source: {} },
    };
    const r = parseChangeEvents(JSON.stringify(msg));
    expect(r.ok && { ...r.events[0]?.schema }).toEqual({
      customer_id: { type: 'int64', optional: false },
      email_address: { type: 'string', optional: true },
      signed_up: { type: 'int32', optional: true, logical: 'io.debezium.time.Date' },
    });
    expect(r.ok && r.events[0]?.after?.['signed_up']).toBe('2022-01-08');
  });
});

describe('timestamps already in the output form', () => {
  const slow = (s: string) => {
    // the general path, for comparison: parse with Date and format
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  };
  test.prop([
    fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
  ])('leave as they came, equal to the general path', (d) => {
    const iso = d.toISOString();
    const r = parseChangeEvents(JSON.stringify({ cdc_operation: 'INSERT', id: 1, cdc_timestamp: iso }));
    expect(r.ok && r.events[0]?.timestamp).toBe(slow(iso));
  });
  it('days past the 28th, and out-of-range fields, still go through the general rules', () => {
    const ts = (s: string) => {
      const r = parseChangeEvents(JSON.stringify({ cdc_operation: 'INSERT', id: 1, cdc_timestamp: s }));
      return r.ok ? r.events[0]?.timestamp : r.error.code;
    };
    expect(ts('2024-02-29T10:00:00.000Z')).toBe('2024-02-29T10:00:00.000Z');
    expect(ts('2024-13-01T10:00:00.000Z')).toBe('invalid_field');
    expect(ts('2024-01-01T24:00:00.000Z')).toBe('2024-01-02T00:00:00.000Z');
  });
});
