/**
 * The sink logic shared by the PostgreSQL and PGlite adapters. A driver only has to run a parameterized
 * query and a transaction; everything else (offset fencing, collapsing, upsert/delete, dead letters) is here,
 * so both sinks run exactly the same SQL.
 */
import {
  DEAD_LETTER_SQL,
  DELETE_SQL,
  OFFSETS_ENSURE_SQL,
  OFFSETS_LOCK_SQL,
  OFFSETS_SELECT_SQL,
  OFFSETS_UPDATE_SQL,
  SCHEMA_LOCK_KEY,
  SCHEMA_SQL,
  UPSERT_SQL,
  USERS_ENRICHED_COLUMNS,
} from '../schema.js';
import type { PreparedMessage, Sink, SqlRow, StoredOffsets, WriteResult } from '../types.js';

/** The result shape both drivers are adapted to. */
export interface SqlResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** A connection (or transaction) that runs one parameterized statement. */
export interface SqlSession {
  query(text: string, params?: readonly unknown[]): Promise<SqlResult>;
}

/** What a database adapter provides: queries, transactions and a close. */
export interface SqlDriver extends SqlSession {
  /** Description for logs: never includes a password. */
  readonly description: string;
  /** Runs `fn` in BEGIN/COMMIT; rolls back and rethrows when it throws. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Runs several statements (DDL) in one call. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * SQLSTATE classes that mean "this data can never be written" (22 data exception, 23 integrity violation,
 * 54 program limit such as a too-large row). Anything else (connection loss, shutdown, deadlock) is transient.
 * See https://www.postgresql.org/docs/current/errcodes-appendix.html.
 */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}

interface Collapsed {
  kind: 'upsert' | 'delete';
  sequence: bigint | null;
  row: SqlRow | null;
}

/** True when `next` should replace `current` for the same id: newer position, or unknown order (later wins). */
function supersedes(current: Collapsed, next: Collapsed): boolean {
  if (current.sequence === null || next.sequence === null) return true;
  return next.sequence >= current.sequence;
}

function emptyResult(): WriteResult {
  return {
    consumed: 0,
    applied: 0,
    deadLettered: 0,
    skipped: 0,
    duplicates: 0,
    rowsUpserted: 0,
    rowsDeleted: 0,
    deadLetterCodes: new Map(),
    skipReasons: new Map(),
    appliedTimestamps: [],
  };
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Builds a {@link Sink} on a SQL driver.
 *
 * @example
 * ```ts
 * const sink = createSqlSink(await createPgliteDriver('.pgdata/demo'));
 * await sink.init();
 * ```
 */
export function createSqlSink(driver: SqlDriver): Sink {
  return {
    description: driver.description,

    async init() {
      await driver.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
        for (const statement of SCHEMA_SQL.split(/;\s*\n/)) {
          if (statement.trim()) await tx.query(statement);
        }
      });
    },

    async loadOffsets(groupId, topic, partitions): Promise<StoredOffsets> {
      const result = await driver.query(OFFSETS_SELECT_SQL, [groupId, topic, [...partitions]]);
      const offsets: StoredOffsets = new Map();
      for (const row of result.rows) offsets.set(Number(row['kafka_partition']), String(row['next_offset']));
      return offsets;
    },

    async write(groupId, messages) {
      if (messages.length === 0) return emptyResult();
      const byTopic = new Map<string, PreparedMessage[]>();
      for (const m of messages) {
        const list = byTopic.get(m.topic);
        if (list) list.push(m);
        else byTopic.set(m.topic, [m]);
      }
      return driver.transaction(async (tx) => {
        const result = emptyResult();
        for (const [topic, list] of byTopic) await writeTopic(tx, groupId, topic, list, result);
        return result;
      });
    },

    close: () => driver.close(),
  };
}

async function writeTopic(
  tx: SqlSession,
  groupId: string,
  topic: string,
  messages: readonly PreparedMessage[],
  result: WriteResult,
): Promise<void> {
  const partitions = [...new Set(messages.map((m) => m.partition))].sort((a, b) => a - b);
  await tx.query(OFFSETS_ENSURE_SQL, [groupId, topic, partitions]);
  // Row locks: a concurrent writer of the same partition (a rebalance overlap) waits here, then sees our offsets.
  const locked = await tx.query(OFFSETS_LOCK_SQL, [groupId, topic, partitions]);
  const stored = new Map<number, bigint>();
  for (const row of locked.rows) stored.set(Number(row['kafka_partition']), BigInt(String(row['next_offset'])));

  const collapsed = new Map<string, Collapsed>();
  const next = new Map<number, bigint>();
  const deadLetters: { m: PreparedMessage; code: string; message: string; raw: Uint8Array | null }[] = [];
  for (const m of messages) {
    const offset = BigInt(m.offset);
    const floor = next.get(m.partition) ?? stored.get(m.partition) ?? 0n;
    if (offset < floor) {
      // Already applied (replay after a crash or a rebalance): exactly-once means we drop it.
      result.duplicates++;
      continue;
    }
    next.set(m.partition, offset + 1n);
    result.consumed++;
    const dead = m.effects.find((e) => e.kind === 'dead-letter');
    if (dead && dead.kind === 'dead-letter') {
      deadLetters.push({ m, code: dead.code, message: dead.message, raw: dead.raw });
      result.deadLettered++;
      increment(result.deadLetterCodes, dead.code);
      continue;
    }
    let changed = false;
    for (const effect of m.effects) {
      if (effect.kind === 'skip') {
        continue;
      }
      if (effect.kind !== 'upsert' && effect.kind !== 'delete') continue;
      changed = true;
      const candidate: Collapsed = {
        kind: effect.kind,
        sequence: effect.sequence === null ? null : BigInt(effect.sequence),
        row: effect.kind === 'upsert' ? effect.row : null,
      };
      const current = collapsed.get(effect.id);
      if (!current || supersedes(current, candidate)) collapsed.set(effect.id, candidate);
    }
    if (changed) {
      result.applied++;
      if (m.timestampMs !== null) result.appliedTimestamps.push(m.timestampMs);
    } else {
      result.skipped++;
      const reason = m.effects.find((e) => e.kind === 'skip');
      increment(result.skipReasons, reason && reason.kind === 'skip' ? reason.reason : 'no_change');
    }
  }

  const upserts: SqlRow[] = [];
  const deleteIds: string[] = [];
  const deleteSequences: (string | null)[] = [];
  for (const [id, c] of collapsed) {
    if (c.kind === 'upsert' && c.row) upserts.push(c.row);
    else {
      deleteIds.push(id);
      deleteSequences.push(c.sequence === null ? null : c.sequence.toString());
    }
  }
  if (upserts.length > 0) {
    const columns = USERS_ENRICHED_COLUMNS.map((_, i) => upserts.map((row) => row[i] ?? null));
    const upserted = await tx.query(UPSERT_SQL, columns);
    result.rowsUpserted += upserted.rowCount;
  }
  if (deleteIds.length > 0) {
    const deleted = await tx.query(DELETE_SQL, [deleteIds, deleteSequences]);
    result.rowsDeleted += Number(deleted.rows[0]?.['removed'] ?? 0);
  }
  for (const d of deadLetters) {
    await tx.query(DEAD_LETTER_SQL, [groupId, topic, d.m.partition, d.m.offset, d.code, d.message, d.raw]);
  }
  if (next.size > 0) {
    const ps = [...next.keys()];
    await tx.query(OFFSETS_UPDATE_SQL, [groupId, topic, ps, ps.map((p) => next.get(p)!.toString())]);
  }
}
