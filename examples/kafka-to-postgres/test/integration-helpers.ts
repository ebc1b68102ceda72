/** Helpers for the tests against real Kafka and PostgreSQL. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { remainingMessages } from '../src/kafka.js';
import { createPostgresDriver } from '../src/sinks/postgres.js';
import type { SqlDriver } from '../src/sinks/sql-sink.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * An isolated PostgreSQL schema for one test: returns a database URL whose connections use it as their
 * search_path, so the fixed table names of the example do not collide between tests or runs.
 */
export async function createTestSchema(
  databaseUrl: string,
  schema: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
      await c.end();
    },
  };
}

/** A driver on the test schema (for assertions). */
export function testDb(url: string): SqlDriver {
  return createPostgresDriver(url, { max: 1 });
}

/** Sum over partitions of (end offset - stored next offset): 0 when the group has applied everything. */
export function remaining(brokers: string[], db: SqlDriver, groupId: string, topic: string): Promise<bigint> {
  return remainingMessages(brokers, topic, async (partitions) => {
    const stored = await db
      .query(
        'SELECT kafka_partition, next_offset::text AS n FROM cdc_offsets WHERE group_id = $1 AND topic = $2 AND kafka_partition = ANY($3::int[])',
        [groupId, topic, partitions],
      )
      .catch(() => ({ rows: [] as Record<string, unknown>[] }));
    return new Map(stored.rows.map((r) => [Number(r['kafka_partition']), String(r['n'])]));
  });
}

/** Number of messages applied so far by the group (sum of stored next offsets). */
export async function storedProgress(db: SqlDriver, groupId: string): Promise<bigint> {
  const r = await db
    .query('SELECT COALESCE(SUM(next_offset), 0)::text AS n FROM cdc_offsets WHERE group_id = $1', [groupId])
    .catch(() => ({ rows: [{ n: '0' }] }));
  return BigInt(String(r.rows[0]?.['n'] ?? '0'));
}

/** Polls until the group has caught up with the topic, or throws after `timeoutMs`. */
export async function waitCaughtUp(
  brokers: string[],
  db: SqlDriver,
  groupId: string,
  topic: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await remaining(brokers, db, groupId, topic);
    if (left === 0n) return;
    if (Date.now() > deadline) throw new Error(`not caught up after ${timeoutMs} ms: ${left} messages left`);
    await sleep(250);
  }
}

/** Polls `check` until true, or throws. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const LAUNCHER = fileURLToPath(new URL('../src/cli/run-compiled.mjs', import.meta.url));

/** A worker child process with its captured output. */
export interface ChildWorker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns the worker as `npm run worker` does (compiled by `src/cli/run-compiled.mjs`), a separate process. */
export function spawnWorker(env: Record<string, string>, args: string[]): ChildWorker {
  const child = spawn(process.execPath, [LAUNCHER, 'worker', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/**
 * Resolves once the worker process handles stop signals (its launcher's first log line). Before that, during
 * Node's own bootstrap (~50-150 ms here), a SIGTERM ends any Node process by the default action.
 */
export function waitStopHandlers(worker: ChildWorker, timeoutMs = 30_000): Promise<void> {
  return waitFor(() => /run-compiled: building/.test(worker.output()), timeoutMs, 'the worker handling signals');
}
