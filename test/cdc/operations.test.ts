/** The operation-code table: own keys only, every format's documented codes, and what the parsers make of them. */
import { describe, expect, it } from 'vitest';
import { parseChangeEvents } from '../../src/cdc/index.js';
import { OPERATION_CODES, operationMeaning } from '../../src/cdc/operations.js';

describe('operationMeaning', () => {
  it('reads own codes only: Object.prototype names and non-strings are not codes', () => {
    for (const codes of Object.values(OPERATION_CODES)) {
      for (const inherited of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
        expect(operationMeaning(codes, inherited)).toBeUndefined();
      expect(operationMeaning(codes, 1)).toBeUndefined();
      expect(operationMeaning(codes, null)).toBeUndefined();
    }
  });

  it('maps the documented codes (Debezium c/r/u/d/t, wal2json v2 B/C are transaction boundaries)', () => {
    expect(operationMeaning(OPERATION_CODES.debezium, 'r')).toBe('snapshot');
    expect(operationMeaning(OPERATION_CODES.debezium, 'm')).toEqual({ skip: 'message' });
    expect(operationMeaning(OPERATION_CODES.canal, 'INIT')).toBe('insert');
    expect(operationMeaning(OPERATION_CODES.dms, 'load')).toBe('snapshot');
    expect(operationMeaning(OPERATION_CODES.maxwell, 'bootstrap-start')).toEqual({ skip: 'bootstrap_control' });
    expect(operationMeaning(OPERATION_CODES.wal2jsonV2, 'C')).toEqual({ skip: 'transaction_boundary' });
  });
});

describe('parsers reject an inherited name as an operation code', () => {
  const cases: [string, string][] = [
    [
      'debezium',
      JSON.stringify({ before: null, after: { id: 1 }, source: { table: 'users' }, op: 'constructor', ts_ms: 1 }),
    ],
    ['ogg', JSON.stringify({ op_type: 'toString', table: 'S.USERS', after: { ID: 1 } })],
    ['canal', JSON.stringify({ type: 'constructor', data: [{ id: '1' }], table: 'users', database: 'd' })],
    ['maxwell', JSON.stringify({ type: '__proto__', data: { id: 1 }, table: 'users', database: 'd' })],
  ];
  it.each(cases)('%s: invalid_operation', (format, text) => {
    const result = parseChangeEvents(text, { format: format as 'debezium' });
    expect(result.ok ? null : result.error.code).toBe('invalid_operation');
  });
});
