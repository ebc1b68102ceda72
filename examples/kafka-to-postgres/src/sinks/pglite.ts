/** PGlite sink: real PostgreSQL compiled to WASM, in-process, stored in a local folder (or in memory). */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Sink } from '../types.js';
import { createSqlSink, type SqlDriver, type SqlSession, type SqlSinkOptions } from './sql-sink.js';

interface PgliteLike {
  query<T>(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[]; affectedRows?: number }>;
}

function session(db: PgliteLike): SqlSession {
  return {
    async query(text, params) {
      const result = await db.query<Record<string, unknown>>(text, params ? [...params] : undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async copyFrom(copySql, data) {
      // PGlite reads COPY input from the virtual file /dev/blob (https://pglite.dev/docs/api#options).
      const fromBlob = copySql.replace(/FROM STDIN$/, "FROM '/dev/blob'");
      await db.query(fromBlob, [], { blob: new Blob([data]) });
    },
  };
}

/**
 * A {@link SqlDriver} over PGlite. `dataDir` undefined keeps the database in memory (tests).
 *
 * @example
 * ```ts
 * const driver = await createPgliteDriver('.pgdata/demo');
 * ```
 */
export async function createPgliteDriver(dataDir?: string): Promise<SqlDriver> {
  // PGlite creates its own folder but not the missing parents (a fresh clone has no `.pgdata/`).
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create({ dataDir });
  const base = session(db);
  return {
    description: `pglite ${dataDir ?? '(memory)'}`,
    query: base.query,
    copyFrom: base.copyFrom,
    async exec(text) {
      await db.exec(text);
    },
    transaction: (fn) => db.transaction((tx) => fn(session(tx))),
    async close() {
      if (!db.closed) await db.close();
    },
  };
}

/**
 * The PGlite sink (the demo's default, and the sink of the tests that need no services).
 *
 * @example
 * ```ts
 * const sink = await createPgliteSink('.pgdata/demo');
 * await sink.init();
 * ```
 */
export async function createPgliteSink(dataDir?: string, options: SqlSinkOptions = {}): Promise<Sink> {
  return createSqlSink(await createPgliteDriver(dataDir), options);
}
