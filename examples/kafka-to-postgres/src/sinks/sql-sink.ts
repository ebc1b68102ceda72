/**
 * The sink logic shared by the PostgreSQL and PGlite adapters. A driver only runs a parameterized query, a
 * `COPY ... FROM STDIN` and a transaction; everything else (offset fencing, collapsing, the staged merge, deletes
 * and tombstones, dead letters, tombstone retention) is here, so both sinks run exactly the same SQL.
 *
 * One transaction per write:
 * 1. lock the partitions' offset rows and drop messages below the stored offsets (exactly once);
 * 2. collapse the changes of each key to the newest one;
 * 3. `COPY` the upserted rows into a temporary staging table and merge them with one set-based
 *    `INSERT ... SELECT ... ON CONFLICT DO UPDATE` (no-regression guard, tombstone check);
 * 4. delete + tombstone the deleted keys; insert dead letters; store the next offsets; commit.
 */
import {
  BOOKKEEPING_DDL,
  DEAD_LETTER_SQL,
  OFFSETS_ENSURE_SQL,
  OFFSETS_LOCK_SQL,
  OFFSETS_SELECT_SQL,
  OFFSETS_UPDATE_SQL,
  SCHEMA_LOCK_KEY,
} from '../schema.js';
import { buildTableSql, type TableColumn, type TableSpec, type TableSql, USERS_TABLE } from '../table.js';
import {
  emptyWriteResult,
  type PreparedEffect,
  type PreparedMessage,
  type Sink,
  type StoredOffsets,
  type WriteResult,
} from '../types.js';

/** The result shape both drivers are adapted to. */
export interface SqlResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** A connection (or transaction) that runs one parameterized statement, or a COPY from text. */
export interface SqlSession {
  query(text: string, params?: readonly unknown[]): Promise<SqlResult>;
  /** Runs `COPY ... FROM STDIN` with `data` (COPY text format, one line per row). */
  copyFrom(copySql: string, data: string): Promise<void>;
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

/** Options of {@link createSqlSink}. */
export interface SqlSinkOptions {
  /** Target table (default: the seed's `users_enriched` and its `user_analytics` view). */
  table?: TableSpec;
  /**
   * Tombstones older than this are dropped (default 7 days, Kafka's default retention: a replay older than the
   * topic's retention cannot happen). `0` keeps them forever. Pruned at most once a minute, in its own statement.
   */
  tombstoneRetentionMs?: number;
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

/** The newest change of one key in a write, plus partial (TOAST) updates newer than it, in order. */
interface Collapsed {
  last: Extract<PreparedEffect, { kind: 'upsert' | 'delete' }>;
  sequence: bigint | null;
  /** Partial updates after `last` (applied in order after it). */
  partials: Extract<PreparedEffect, { kind: 'upsert' }>[];
}

const toSequence = (s: string | null): bigint | null => (s === null ? null : BigInt(s));

/** True when `next` should replace `current` for the same key: newer position, or unknown order (later wins). */
function supersedes(current: bigint | null, next: bigint | null): boolean {
  if (current === null || next === null) return true;
  return next >= current;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Adds one change to the per-key collapse map. */
function collapseInto(
  collapsed: Map<string, Collapsed>,
  effect: Extract<PreparedEffect, { kind: 'upsert' | 'delete' }>,
) {
  const sequence = toSequence(effect.sequence);
  const current = collapsed.get(effect.key);
  const isPartial = effect.kind === 'upsert' && effect.partial;
  if (!current) {
    collapsed.set(effect.key, { last: effect, sequence, partials: [] });
    return;
  }
  if (!supersedes(current.sequence, sequence)) return;
  if (isPartial) current.partials.push(effect);
  else collapsed.set(effect.key, { last: effect, sequence, partials: [] });
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
export function createSqlSink(driver: SqlDriver, options: SqlSinkOptions = {}): Sink {
  // A mapped table starts without columns: it is created by the first write, from the rows' own column types.
  let spec = options.table ?? USERS_TABLE;
  let sql: TableSql | null = spec.columns.length > 0 ? buildTableSql(spec) : null;
  const retentionMs = options.tombstoneRetentionMs ?? 7 * 24 * 3600 * 1000;
  let lastPrune = 0;

  return {
    description: driver.description,

    async init() {
      await driver.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
        for (const statement of [...BOOKKEEPING_DDL, ...(sql?.ddl ?? [])]) await tx.query(statement);
      });
    },

    async loadOffsets(groupId, topic, partitions): Promise<StoredOffsets> {
      const result = await driver.query(OFFSETS_SELECT_SQL, [groupId, topic, [...partitions]]);
      const offsets: StoredOffsets = new Map();
      for (const row of result.rows) offsets.set(Number(row['kafka_partition']), String(row['next_offset']));
      return offsets;
    },

    async write(groupId, messages) {
      if (messages.length === 0) return emptyWriteResult();
      const byTopic = new Map<string, PreparedMessage[]>();
      for (const m of messages) {
        const list = byTopic.get(m.topic);
        if (list) list.push(m);
        else byTopic.set(m.topic, [m]);
      }
      const added = newColumns(spec, messages);
      const nextSpec = added.length > 0 ? { ...spec, columns: [...spec.columns, ...added] } : spec;
      const nextSql = added.length > 0 || !sql ? buildTableSql(nextSpec) : sql;
      const result = await driver.transaction(async (tx) => {
        if (added.length > 0) {
          // New columns (or the table's first rows): DDL in the same transaction, serialized across workers.
          await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
          for (const statement of nextSql.ddl) await tx.query(statement);
        }
        const out = emptyWriteResult();
        await tx.query(nextSql.createStage);
        for (const [topic, list] of byTopic) await writeTopic(tx, nextSql, groupId, topic, list, out);
        return out;
      });
      // Only after the commit: a rolled-back DDL is redone by the retry.
      spec = nextSpec;
      sql = nextSql;
      if (retentionMs > 0 && Date.now() - lastPrune > 60_000) {
        lastPrune = Date.now();
        await driver.query(nextSql.pruneTombstones, [retentionMs]).catch(() => {});
      }
      return result;
    },

    close: () => driver.close(),
  };
}

/** Columns that mapped rows carry and the table does not have yet, with their types, in first-seen order. */
function newColumns(spec: TableSpec, messages: readonly PreparedMessage[]): TableColumn[] {
  const known = new Set(spec.columns.map((c) => c.name));
  const added: TableColumn[] = [];
  for (const m of messages) {
    for (const e of m.effects) {
      if ((e.kind !== 'upsert' && e.kind !== 'delete') || !e.types || !e.columns) continue;
      for (let i = 0; i < e.columns.length; i++) {
        const name = e.columns[i]!;
        if (known.has(name)) continue;
        known.add(name);
        added.push({ name, type: e.types[i] ?? 'TEXT' });
      }
    }
  }
  return added;
}

/** Fences by stored offset, counts, and collapses one topic's messages. */
function fenceAndCollapse(
  messages: readonly PreparedMessage[],
  stored: ReadonlyMap<number, bigint>,
  result: WriteResult,
) {
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
    if (dead?.kind === 'dead-letter') {
      deadLetters.push({ m, code: dead.code, message: dead.message, raw: dead.raw });
      result.deadLettered++;
      increment(result.deadLetterCodes, dead.code);
      continue;
    }
    let changed = false;
    for (const effect of m.effects) {
      if (effect.kind !== 'upsert' && effect.kind !== 'delete') continue;
      changed = true;
      collapseInto(collapsed, effect);
    }
    if (changed) {
      result.applied++;
      if (m.timestampMs !== null) result.appliedTimestamps.push(m.timestampMs);
    } else {
      result.skipped++;
      const reason = m.effects.find((e) => e.kind === 'skip');
      increment(result.skipReasons, reason?.kind === 'skip' ? reason.reason : 'no_change');
    }
  }
  return { collapsed, next, deadLetters };
}

/** Upserts through the staging table: one COPY and one merge per set of present columns. */
async function upsertStaged(
  tx: SqlSession,
  sql: TableSql,
  rounds: Map<string, { columns: readonly string[]; lines: string[] }>[],
): Promise<number> {
  let upserted = 0;
  let staged = false;
  for (const round of rounds) {
    for (const { columns, lines } of round.values()) {
      if (staged) await tx.query(sql.clearStage);
      await tx.copyFrom(sql.copyStage(columns), `${lines.join('\n')}\n`);
      staged = true;
      upserted += (await tx.query(sql.mergeStage(columns))).rowCount;
    }
  }
  return upserted;
}

async function writeTopic(
  tx: SqlSession,
  sql: TableSql,
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
  const { collapsed, next, deadLetters } = fenceAndCollapse(messages, stored, result);

  // Round 0: the newest full row or delete of each key; round n: the n-th partial update after it.
  const allColumns = sql.spec.columns.map((c) => c.name);
  const rounds: Map<string, { columns: readonly string[]; lines: string[] }>[] = [new Map()];
  const addRow = (round: number, columns: readonly string[] | null, line: string) => {
    while (rounds.length <= round) rounds.push(new Map());
    const signature = columns === null ? '' : columns.join('\u0000');
    const group = rounds[round]!.get(signature);
    if (group) group.lines.push(line);
    else rounds[round]!.set(signature, { columns: columns ?? allColumns, lines: [line] });
  };
  const deleteKeys: string[][] = sql.spec.key.map(() => []);
  const deleteSequences: (string | null)[] = [];
  for (const c of collapsed.values()) {
    if (c.last.kind === 'upsert') addRow(0, c.last.columns, c.last.line);
    else {
      for (const [i, v] of c.last.keyValues.entries()) deleteKeys[i]?.push(v);
      deleteSequences.push(c.last.sequence);
    }
    for (const [i, p] of c.partials.entries()) addRow(i + 1, p.columns, p.line);
  }
  if (deleteSequences.length > 0) {
    const deleted = await tx.query(sql.deleteRows, [...deleteKeys, deleteSequences]);
    result.rowsDeleted += Number(deleted.rows[0]?.['removed'] ?? 0);
  }
  result.rowsUpserted += await upsertStaged(tx, sql, rounds);
  for (const d of deadLetters) {
    await tx.query(DEAD_LETTER_SQL, [groupId, topic, d.m.partition, d.m.offset, d.code, d.message, d.raw]);
  }
  if (next.size > 0) {
    const ps = [...next.keys()];
    await tx.query(OFFSETS_UPDATE_SQL, [groupId, topic, ps, ps.map((p) => next.get(p)!.toString())]);
    for (const [p, offset] of next) result.offsets.set(`${topic}/${p}`, offset.toString());
  }
}
