/** PostgreSQL sink on node-postgres (`pg`): a small pool, one transaction per batch. */
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { redactDatabaseUrl } from '../config.js';
import type { Sink } from '../types.js';
import { createSqlSink, type SqlDriver, type SqlResult, type SqlSession, type SqlSinkOptions } from './sql-sink.js';

/** `COPY ... FROM STDIN` on one client: the whole text in one write (the batch is already in memory). */
async function copyText(client: pg.PoolClient, copySql: string, data: string): Promise<void> {
  const stream = client.query(copyFrom(copySql));
  await pipeline(async function* () {
    yield Buffer.from(data);
  }, stream);
}

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
    async copyFrom(copySql, data) {
      const client = await pool.connect();
      try {
        await copyText(client, copySql, data);
      } finally {
        client.release();
      }
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
          copyFrom: (copySql, data) => copyText(client, copySql, data),
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
export function createPostgresSink(
  connectionString: string,
  options: SqlSinkOptions & { log?: (line: string) => void } = {},
): Sink {
  return createSqlSink(createPostgresDriver(connectionString, options.log ? { log: options.log } : {}), options);
}
