/** Configuration from the environment and redaction: passwords never reach a log line. */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { databaseUrlFromEnv, kafkaBrokersFromEnv, redactDatabaseUrl } from '../src/config.js';
import { toInt64, toSqlRow } from '../src/prepare.js';
import { USERS_ENRICHED_COLUMNS } from '../src/schema.js';
import { decodeCopyLine } from './helpers.js';

describe('database url', () => {
  test('DATABASE_URL wins over the seed POSTGRES_* variables', () => {
    expect(databaseUrlFromEnv({ DATABASE_URL: 'postgres://a@h/db', POSTGRES_HOST: 'other' })).toBe('postgres://a@h/db');
  });
  test('the seed POSTGRES_* variables build a URL, with reserved characters encoded', () => {
    const url = databaseUrlFromEnv({
      POSTGRES_HOST: 'db.internal',
      POSTGRES_PORT: '6543',
      POSTGRES_DB: 'flink',
      POSTGRES_USER: 'flink',
      POSTGRES_PASSWORD: 'p@ss:w/rd',
    });
    expect(url).toBe('postgres://flink:p%40ss%3Aw%2Frd@db.internal:6543/flink');
    expect(new URL(url!).password).toBe('p%40ss%3Aw%2Frd');
  });
  test('nothing configured gives null (the demo then uses PGlite)', () => {
    expect(databaseUrlFromEnv({})).toBeNull();
    expect(kafkaBrokersFromEnv({})).toBeNull();
    expect(kafkaBrokersFromEnv({ KAFKA_BOOTSTRAP_SERVERS: ' a:1 , b:2 ' })).toEqual(['a:1', 'b:2']);
  });
  test('redaction hides the password and query options', () => {
    expect(redactDatabaseUrl('postgres://cdc:cdc@127.0.0.1:5432/cdc_enrich')).toBe(
      'postgres://cdc:***@127.0.0.1:5432/cdc_enrich',
    );
    expect(redactDatabaseUrl('postgres://u:x@h/db?password=y&sslmode=require')).not.toMatch(/[xy]$|password=y/);
    expect(redactDatabaseUrl('not a url secret')).toBe('(unparsable url)');
  });
  propTest.prop([fc.stringMatching(/^[A-Za-z0-9]{6,20}$/)])(
    'a redacted URL never contains the password',
    (password) => {
      const redacted = redactDatabaseUrl(`postgres://user:${password}@host:5432/db`);
      expect(redacted).not.toContain(password);
    },
  );
});

describe('SQL row conversion', () => {
  test('ids must be 64-bit integers', () => {
    expect(toInt64(42)).toBe('42');
    expect(toInt64('9223372036854775807')).toBe('9223372036854775807');
    expect(toInt64('9223372036854775808')).toBeNull();
    expect(toInt64(1.5)).toBeNull();
    expect(toInt64('12abc')).toBeNull();
    expect(toSqlRow({ id: 'abc' })).toMatchObject({ ok: false, code: 'invalid_id' });
    expect(toSqlRow({})).toMatchObject({ ok: false, code: 'invalid_id' });
  });
  test('timestamps are normalized to ISO-8601, impossible ones rejected', () => {
    const ok = toSqlRow({ id: 1, created_at: '2024-01-15T10:30:00+01:00' });
    expect(ok.ok && decodeCopyLine(ok.row.line)[USERS_ENRICHED_COLUMNS.findIndex((c) => c.name === 'created_at')]).toBe(
      '2024-01-15T09:30:00.000Z',
    );
    expect(toSqlRow({ id: 1, created_at: 'yesterday' })).toMatchObject({ ok: false, code: 'invalid_column' });
    expect(toSqlRow({ id: 1, updated_at: 8.64e15 })).toMatchObject({ ok: false, code: 'invalid_column' });
  });
  test('NUL characters are rejected before they can fail a batch in PostgreSQL', () => {
    expect(toSqlRow({ id: 1, first_name: 'a\u0000b' })).toMatchObject({ ok: false, code: 'invalid_column' });
  });
  propTest.prop([fc.dictionary(fc.constantFrom(...USERS_ENRICHED_COLUMNS.map((c) => c.name)), fc.anything())])(
    'never throws, and an accepted row has one value per column',
    (value) => {
      const result = toSqlRow(value);
      if (result.ok) expect(decodeCopyLine(result.row.line)).toHaveLength(USERS_ENRICHED_COLUMNS.length);
      else expect(result.message).not.toMatch(/@/);
    },
  );
});
