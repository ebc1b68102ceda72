/** Test helpers: the services gate, a reference model, table snapshots, prepared messages. */
import { connect } from 'node:net';
import pg from 'pg';
import { test } from 'vitest';
import { databaseUrlFromEnv, kafkaBrokersFromEnv, redactDatabaseUrl } from '../src/config.js';
import type { SeedEvent } from '../src/events.js';
import { toSqlRow } from '../src/prepare.js';
import { USERS_ENRICHED_COLUMNS } from '../src/schema.js';
import type { SqlSession } from '../src/sinks/sql-sink.js';
import type { PreparedMessage, Preparer, SourceMessage } from '../src/types.js';

/** Reachable services for the integration tests. */
export interface Services {
  brokers: string[];
  databaseUrl: string;
}

function tcpReachable(hostPort: string, timeoutMs = 2000): Promise<boolean> {
  const index = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, index) || '127.0.0.1';
  const port = Number(hostPort.slice(index + 1));
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

async function probe(): Promise<{ ok: true; services: Services } | { ok: false; reason: string }> {
  const brokers = kafkaBrokersFromEnv();
  const databaseUrl = databaseUrlFromEnv();
  if (!brokers) return { ok: false, reason: 'KAFKA_BOOTSTRAP_SERVERS is not set' };
  if (!databaseUrl) return { ok: false, reason: 'DATABASE_URL (or POSTGRES_HOST...) is not set' };
  if (!(await tcpReachable(brokers[0]!))) return { ok: false, reason: `Kafka at ${brokers[0]} is unreachable` };
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch {
    return { ok: false, reason: `PostgreSQL at ${redactDatabaseUrl(databaseUrl)} is unreachable` };
  } finally {
    await client.end().catch(() => {});
  }
  return { ok: true, services: { brokers, databaseUrl } };
}

/**
 * The gate of every integration test file. Services missing or unreachable: with `CI` set, a test that FAILS
 * with the reason is registered; otherwise a skipped test names the reason. Returns the services or null.
 */
export async function requireServices(): Promise<Services | null> {
  const status = await probe();
  if (status.ok) return status.services;
  const hint = 'start them with `bash scripts/services.sh up` and `eval "$(bash scripts/services.sh env)"`';
  if (process.env['CI']) {
    test('required services (Kafka, PostgreSQL) are reachable', () => {
      throw new Error(`CI requires the real services: ${status.reason}; ${hint}`);
    });
  } else {
    test.skip(`needs Kafka and PostgreSQL: ${status.reason}; ${hint}`, () => {});
  }
  return null;
}

/** A unique suffix for topics, group ids and schemas of one test run. */
export function runId(): string {
  return `${Date.now().toString(36)}-${process.pid}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * The reference model: for each id, the event with the highest `cdc_sequence` decides; a DELETE means no row.
 * Returns id → that event's sequence (the row's `cdc_sequence` must equal it).
 */
export function modelOf(
  events: Iterable<Pick<SeedEvent, 'id' | 'cdc_operation' | 'cdc_sequence'>>,
): Map<string, number> {
  const last = new Map<string, { op: string; seq: number }>();
  for (const e of events) {
    const key = String(e.id);
    const current = last.get(key);
    if (!current || e.cdc_sequence > current.seq) last.set(key, { op: e.cdc_operation, seq: e.cdc_sequence });
  }
  const model = new Map<string, number>();
  for (const [id, { op, seq }] of last) if (op !== 'DELETE') model.set(id, seq);
  return model;
}

/** The table as id → cdc_sequence. */
export async function tableSnapshot(db: SqlSession, table = 'users_enriched'): Promise<Map<string, number>> {
  const result = await db.query(`SELECT id::text AS id, cdc_sequence::text AS seq FROM ${table}`);
  return new Map(result.rows.map((r) => [String(r['id']), Number(r['seq'])]));
}

/** Differences between a table snapshot and the model (empty = equal). */
export function diffModel(actual: Map<string, number>, model: Map<string, number>): string[] {
  const problems: string[] = [];
  for (const [id, seq] of model) {
    const got = actual.get(id);
    if (got === undefined) problems.push(`lost id ${id}`);
    else if (got < seq) problems.push(`regressed id ${id}: ${got} < ${seq}`);
    else if (got !== seq) problems.push(`id ${id}: ${got} != ${seq}`);
  }
  for (const id of actual.keys()) if (!model.has(id)) problems.push(`extra (resurrected) id ${id}`);
  return problems;
}

/** The values of a COPY text line (`\N` = null, escapes undone): what the database will store, as text. */
export function decodeCopyLine(line: string): (string | null)[] {
  return line
    .split('\t')
    .map((field) =>
      field === '\\N' ? null : field.replace(/\\([\\nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c),
    );
}

/** A prepared message with one upsert or delete, for sink tests that bypass parse + enrich. */
export function preparedChange(
  partition: number,
  offset: number,
  change: { id: number; op: 'INSERT' | 'UPDATE' | 'DELETE'; seq: number; email?: string },
  topic = 't',
): PreparedMessage {
  const base = { topic, partition, offset: String(offset), timestampMs: null };
  const key = String(change.id);
  const sequence = String(change.seq);
  if (change.op === 'DELETE') return { ...base, effects: [{ kind: 'delete', key, sequence, keyValues: [key] }] };
  const converted = toSqlRow({
    id: change.id,
    email: change.email ?? `user${change.id}@example.com`,
    cdc_operation: change.op,
    cdc_sequence: change.seq,
    migration_timestamp: '2026-11-25T00:00:00Z',
    is_valid_email_flag: true,
    email_category: 'corporate',
    inferred_country: 'US',
  });
  if (!converted.ok) throw new Error(converted.message);
  return {
    ...base,
    effects: [{ kind: 'upsert', key, sequence, line: converted.row.line, columns: null, partial: false }],
  };
}

/** A copy of an upsert message with one column replaced by a value the database will reject. */
export function withColumn(message: PreparedMessage, column: string, value: string): PreparedMessage {
  const effect = message.effects[0];
  if (effect?.kind !== 'upsert') throw new Error('not an upsert');
  const fields = effect.line.split('\t');
  fields[USERS_ENRICHED_COLUMNS.findIndex((c) => c.name === column)] = value;
  return { ...message, effects: [{ ...effect, line: fields.join('\t') }] };
}

/** A preparer over a synchronous function (tests that bypass parse + enrich). */
export function preparerOf(prepare: (message: SourceMessage) => PreparedMessage): Preparer {
  return {
    description: 'test',
    prepare: async (messages) => ({ messages: messages.map(prepare), cpuMs: 0 }),
    close: async () => {},
  };
}
