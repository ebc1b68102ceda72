/** PostgreSQL sink on node-postgres (`pg`): a small pool, one transaction per batch. */
import pg from 'pg';
import { redactDatabaseUrl } from '../config.js';
import type { Sink } from '../types.js';
import { createSqlSink, type SqlDriver, type SqlResult, type SqlSession } from './sql-sink.js';

function adapt(result: pg.QueryResult | pg.QueryResult[]): SqlResult {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.rowCount ?? 0 };
}

/**
 * A {@link SqlDriver} over a `pg.Pool`. Connection errors on idle clients are logged (redacted), not thrown:
 * the pool replaces the client and the next query reconnects, which is what a database restart needs.
 *
 * @example
 * ```ts
 * const driver = createPostgresDriver('postgres://cdc:secret@127.0.0.1:5432/cdc_enrich');
 * ```
 */
export function createPostgresDriver(
  connectionString: string,
  options: { max?: number; log?: (line: string) => void } = {},
): SqlDriver {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 2,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'cdc-enrich-kafka-to-postgres',
  });
  const log = options.log ?? (() => {});
  pool.on('error', (error) => log(`postgres idle client error: ${(error as { code?: string }).code ?? error.name}`));
  const description = `postgres ${redactDatabaseUrl(connectionString)}`;
  return {
    description,
    async query(text, params) {
      return adapt(await pool.query(text, params as unknown[] | undefined));
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const session: SqlSession = {
          async query(text, params) {
            return adapt(await client.query(text, params as unknown[] | undefined));
          },
        };
        const value = await fn(session);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.off('error', onError);
        // A client whose connection failed is destroyed, not returned to the pool.
        client.release(broken ? true : undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * The PostgreSQL sink.
 *
 * @example
 * ```ts
 * const sink = createPostgresSink(process.env.DATABASE_URL!);
 * await sink.init();
 * ```
 */
export function createPostgresSink(connectionString: string, options: { log?: (line: string) => void } = {}): Sink {
  return createSqlSink(createPostgresDriver(connectionString, options));
}
