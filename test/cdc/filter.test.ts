/**
 * The database/table include filter runs on a linear-time engine (RE2 via re2js): user-supplied patterns can
 * not hang the parser (issue 13 item 5: `(a+)+` against a 41-character table name ran for 206 s with RegExp).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileNameFilter } from '../../src/cdc/filter.js';
import { parseChangeEvents } from '../../src/cdc/index.js';

const debezium = (table: string) =>
  JSON.stringify({ op: 'c', before: null, after: { id: 1 }, source: { db: 'shop', schema: 'public', table } });

describe('filter patterns (RE2)', () => {
  it('the catastrophic pattern of the issue answers at once, with the right result', () => {
    const name = `${'a'.repeat(40)}!`; // 41 characters: exponential for a backtracking engine
    expect(name).toHaveLength(41);
    expect(parseChangeEvents(debezium(name), { filter: { table: '(a+)+' } })).toEqual({
      ok: true,
      events: [],
      skipped: 'filtered',
    });
    expect(parseChangeEvents(debezium('a'.repeat(41)), { filter: { table: '(a+)+' } })).toMatchObject({ ok: true });
    expect(parseChangeEvents(debezium(name), { filter: { table: /(a|aa)+!/ } })).toMatchObject({ ok: true });
  });

  it('matches the whole name, keeps RegExp flags, as Flink table.include does', () => {
    expect(compileNameFilter('prod.*')?.('products')).toBe(true);
    expect(compileNameFilter('prod')?.('products')).toBe(false);
    expect(compileNameFilter('a|b')?.('ab')).toBe(false);
    expect(compileNameFilter(/USERS/i)?.('users')).toBe(true);
    expect(compileNameFilter(/USERS/)?.('users')).toBe(false);
    expect(compileNameFilter('^pub.*$')?.('public')).toBe(true);
  });

  it('rejects patterns a linear-time engine cannot run (backreferences, lookahead) as option errors', () => {
    expect(compileNameFilter('(a)\\1')).toBeNull();
    expect(() => parseChangeEvents('{}', { filter: { table: '(?=a)a' } })).toThrow(
      /invalid option filter.table: .*linear-time/,
    );
    expect(() => parseChangeEvents('{}', { filter: { database: /(x)\1/ } })).toThrow(/filter.database/);
  });

  const simple = fc.stringMatching(/^[a-z_]{0,4}(\.\*|\[a-z\]\+|\(a\|b\))?[a-z_]{0,3}$/);
  const name = fc.stringMatching(/^[a-z_.]{0,12}$/);
  test.prop([simple, name])('agrees with an anchored JavaScript RegExp on the common syntax', (source, table) => {
    expect(compileNameFilter(source)?.(table)).toBe(new RegExp(`^(?:${source})$`).test(table));
  });
});
