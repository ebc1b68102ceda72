/**
 * Conformance with Apache Flink's own CDC JSON fixtures (debezium-json, canal-json, maxwell-json, ogg-json),
 * read at test time from the peer folder `../shared/conformance/flink-cdc-json/` next to the repository
 * (see its README for provenance and license). Our `update` is Flink's `-U`/`+U` pair; snapshot and insert are
 * `+I`; delete is `-D`. Weights are Flink FLOATs, so they are compared after Math.fround.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CdcFormat, type ChangeEvent, type ParseOptions, parseChangeEvents } from '../../src/cdc/index.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = join(repoRoot, '..', 'shared', 'conformance', 'flink-cdc-json');

interface FlinkRow {
  id: number;
  name: string | null;
  description: string | null;
  weight: number | null;
}
interface Entry {
  kind: '+I' | '-U' | '+U' | '-D';
  row: FlinkRow;
}
interface Expected {
  fixture: string;
  format: 'debezium-json' | 'canal-json' | 'maxwell-json' | 'ogg-json';
  columns: string[];
  filter: { database: string; table: string } | null;
  changelog: Entry[];
  finalState: FlinkRow[];
  expectedError?: { line: number; op: string; message: string };
  ignoreParseErrorsFinalState?: FlinkRow[];
}

const FORMAT: Record<Expected['format'], CdcFormat> = {
  'debezium-json': 'debezium',
  'canal-json': 'canal',
  'maxwell-json': 'maxwell',
  'ogg-json': 'ogg',
};

/** Keeps the reading schema's columns, with the weight rounded to a 32-bit float as Flink's FLOAT. */
function project(row: Record<string, unknown> | null, columns: string[]): FlinkRow {
  expect(row).not.toBeNull();
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = row?.[c] ?? null;
  if (typeof out['weight'] === 'number') out['weight'] = Math.fround(out['weight']);
  return out as unknown as FlinkRow;
}

function normalizeExpected(row: FlinkRow): FlinkRow {
  return { ...row, weight: row.weight === null ? null : Math.fround(row.weight) };
}

/** Flink's changelog for our events: insert/snapshot → +I, update → -U then +U, delete → -D. */
function toChangelog(events: ChangeEvent[], columns: string[]): Entry[] {
  const out: Entry[] = [];
  for (const e of events) {
    if (e.op === 'insert' || e.op === 'snapshot') out.push({ kind: '+I', row: project(e.after, columns) });
    else if (e.op === 'update') {
      out.push({ kind: '-U', row: project(e.before, columns) });
      out.push({ kind: '+U', row: project(e.after, columns) });
    } else if (e.op === 'delete') out.push({ kind: '-D', row: project(e.before, columns) });
    else throw new Error(`unexpected op ${e.op}`);
  }
  return out;
}

function applyChangelog(entries: Entry[]): FlinkRow[] {
  const table = new Map<number, FlinkRow>();
  for (const { kind, row } of entries) {
    if (kind === '+I' || kind === '+U') table.set(row.id, row);
    else table.delete(row.id);
  }
  return [...table.values()].sort((a, b) => a.id - b.id);
}

function readLines(fixture: string): string[] {
  return readFileSync(join(fixtureDir, fixture), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
}

function parseAll(lines: string[], options: ParseOptions): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  lines.forEach((line, i) => {
    const r = parseChangeEvents(line, options);
    if (!r.ok) throw new Error(`line ${i + 1}: ${r.error.code} ${r.error.message} at ${r.error.path}`);
    events.push(...r.events);
  });
  return events;
}

it('finds the shared Flink fixtures next to the repository', () => {
  // Fail loudly rather than pass vacuously when the peer data is missing.
  expect(
    existsSync(fixtureDir),
    `Flink conformance fixtures not found at ${fixtureDir}; expected ../shared/conformance/flink-cdc-json next to the repo`,
  ).toBe(true);
  const expectedFiles = readdirSync(fixtureDir).filter((f) => f.endsWith('.expected.json'));
  expect(expectedFiles).toHaveLength(9);
});

const expectations: Expected[] = existsSync(fixtureDir)
  ? readdirSync(fixtureDir)
      .filter((f) => f.endsWith('.expected.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(fixtureDir, f), 'utf8')) as Expected)
  : [];

const REPLICA_IDENTITY = 'debezium-postgres-data-replica-identity.txt';

describe.each(expectations.filter((e) => e.fixture !== REPLICA_IDENTITY))('Flink fixture $fixture', (exp) => {
  const options: ParseOptions = { format: FORMAT[exp.format] };
  if (exp.filter !== null) options.filter = { database: exp.filter.database, table: exp.filter.table };

  it('gives exactly the changelog Flink expects, in order', () => {
    const events = parseAll(readLines(exp.fixture), options);
    expect(toChangelog(events, exp.columns)).toEqual(
      exp.changelog.map((e) => ({ kind: e.kind, row: normalizeExpected(e.row) })),
    );
  });

  it('gives the same result with format auto-detection', () => {
    const auto: ParseOptions = { ...options, format: 'auto' };
    const events = parseAll(readLines(exp.fixture), auto);
    expect(toChangelog(events, exp.columns)).toEqual(
      exp.changelog.map((e) => ({ kind: e.kind, row: normalizeExpected(e.row) })),
    );
  });

  it("leaves Flink's final table state", () => {
    const events = parseAll(readLines(exp.fixture), options);
    expect(applyChangelog(toChangelog(events, exp.columns))).toEqual(exp.finalState.map(normalizeExpected));
  });
});

describe('Flink fixture debezium-postgres-data-replica-identity.txt (deliberate difference)', () => {
  const exp = expectations.find((e) => e.fixture === REPLICA_IDENTITY);

  it('is present', () => {
    expect(exp, `${REPLICA_IDENTITY} expectations missing in ${fixtureDir}`).toBeDefined();
  });

  it('matches Flink up to the line where Flink fails, then emits updates with before null', () => {
    if (exp === undefined) throw new Error('missing fixture');
    const lines = readLines(exp.fixture);
    const events = parseAll(lines, { format: 'debezium' });
    const errorLine = exp.expectedError?.line ?? 0;
    expect(errorLine).toBe(10);
    // Lines 1-9: exactly Flink's changelog.
    expect(toChangelog(events.slice(0, errorLine - 1), exp.columns)).toEqual(
      exp.changelog.map((e) => ({ kind: e.kind, row: normalizeExpected(e.row) })),
    );
    // Line 10, where Flink raises "The before field of UPDATE message is null": an update with no before image.
    const raw = JSON.parse(lines[errorLine - 1]!) as { op: string; after: FlinkRow };
    expect(raw.op).toBe('u');
    const tenth = events[errorLine - 1]!;
    expect(tenth.op).toBe('update');
    expect(tenth.before).toBeNull();
    expect(tenth.beforeImage).toBe('none');
    expect(project(tenth.after, exp.columns)).toEqual(normalizeExpected(raw.after));
  });

  it('leaves the keyed state a sink gets by upserting after images (deletes without a key are no-ops)', () => {
    if (exp?.ignoreParseErrorsFinalState === undefined) throw new Error('missing fixture');
    const lines = readLines(exp.fixture);
    const events = parseAll(lines, { format: 'debezium' });
    expect(events).toHaveLength(lines.length);
    // Expected: Flink's ignore-parse-errors state (inserts only) with every update's after image applied,
    // taken from the fixture lines themselves.
    const expected = new Map(exp.ignoreParseErrorsFinalState.map((r) => [r.id, normalizeExpected(r)]));
    for (const line of lines) {
      const raw = JSON.parse(line) as { op: string; before: FlinkRow | null; after: FlinkRow | null };
      if (raw.op === 'u' && raw.after !== null) expected.set(raw.after.id, normalizeExpected(raw.after));
      if (raw.op === 'd' && raw.before !== null) expected.delete(raw.before.id);
    }
    const state = new Map<number, FlinkRow>();
    for (const e of events) {
      if (e.after !== null) {
        const row = project(e.after, exp.columns);
        state.set(row.id, row);
      } else if (e.op === 'delete' && e.before !== null) state.delete(project(e.before, exp.columns).id);
    }
    expect([...state.values()].sort((a, b) => a.id - b.id)).toEqual([...expected.values()].sort((a, b) => a.id - b.id));
    const lastDelete = events[events.length - 1]!;
    expect(lastDelete).toMatchObject({ op: 'delete', before: null, after: null, beforeImage: 'none' });
  });
});
