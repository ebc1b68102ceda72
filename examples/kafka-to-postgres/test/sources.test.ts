/** Generator and NDJSON sources, the event generator and the envelopes (no services). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMemorySink } from '../src/custom-sink.js';
import { toKafkaMessage } from '../src/demo/producer.js';
import { toEnvelope } from '../src/events.js';
import { runPipeline } from '../src/pipeline.js';
import { createInlinePreparer } from '../src/preparers.js';
import { createGeneratorSource } from '../src/sources/generator.js';
import { createNdjsonSource } from '../src/sources/ndjson.js';
import type { Source, SourceContext, StoredOffsets } from '../src/types.js';
import { generateLabelledEvents } from './fixture-events.js';
import { modelOf } from './helpers.js';

function context(stored: StoredOffsets = new Map()): SourceContext {
  return { groupId: 'g', signal: new AbortController().signal, loadOffsets: async () => stored };
}

async function collect(source: Source, ctx: SourceContext): Promise<{ offsets: string[]; sizes: number[] }> {
  const offsets: string[] = [];
  const sizes: number[] = [];
  for await (const batch of source.batches(ctx)) {
    sizes.push(batch.messages.length);
    offsets.push(...batch.messages.map((m) => m.offset));
  }
  return { offsets, sizes };
}

describe('event generator', () => {
  test('is deterministic per seed and mixes about 70% inserts, 25% updates, 5% deletes', () => {
    const a = [...generateLabelledEvents(20_000, 3)];
    const b = [...generateLabelledEvents(20_000, 3)];
    expect(a).toEqual(b);
    const share = (op: string) => a.filter((e) => e.cdc_operation === op).length / a.length;
    expect(share('INSERT')).toBeGreaterThan(0.65);
    expect(share('INSERT')).toBeLessThan(0.75);
    expect(share('UPDATE')).toBeGreaterThan(0.2);
    expect(share('DELETE')).toBeGreaterThan(0.03);
    // Updates and deletes only touch ids that exist at that point.
    const live = new Set<number>();
    for (const e of a) {
      if (e.cdc_operation === 'INSERT') {
        expect(live.has(e.id)).toBe(false);
        live.add(e.id);
      } else {
        expect(live.has(e.id)).toBe(true);
        if (e.cdc_operation === 'DELETE') live.delete(e.id);
      }
    }
  });

  test('envelopes carry the row and the operation in each format', () => {
    const [insert] = [...generateLabelledEvents(1, 1)];
    const debezium = toEnvelope(insert!, 'debezium');
    expect(debezium).toMatchObject({ op: 'c', before: null, after: { id: insert!.id } });
    expect(toEnvelope(insert!, 'maxwell')).toMatchObject({ type: 'insert', data: { id: insert!.id } });
    expect(toEnvelope(insert!, 'canal')).toMatchObject({ type: 'INSERT', data: [{ id: insert!.id }], isDdl: false });
    expect(toKafkaMessage(insert!).key).toBe(String(insert!.id));
  });
});

describe('custom sink example', () => {
  test('the memory sink of custom-sink.ts applies every event once and keeps the newest row per key', async () => {
    const events = [...generateLabelledEvents(2000, 5)];
    const sink = createMemorySink();
    const totals = await runPipeline({
      source: createGeneratorSource({ messages: () => events, batchSize: 300 }),
      sink,
      groupId: 'memory',
      preparer: createInlinePreparer(),
      maxBatchMessages: 200,
      progressIntervalMs: 0,
    }).done;
    expect(totals).toMatchObject({ consumed: 2000, applied: 2000, duplicates: 0 });
    expect(sink.rows.size).toBe(modelOf(events).size);
  }, 60_000);
});

describe('generator source', () => {
  test('batches by size and resumes after the stored offset', async () => {
    const source = createGeneratorSource({
      messages: () => Array.from({ length: 25 }, (_, i) => ({ i })),
      batchSize: 10,
    });
    expect((await collect(source, context())).sizes).toEqual([10, 10, 5]);
    const resumed = await collect(source, context(new Map([[0, '20']])));
    expect(resumed.offsets).toEqual(['20', '21', '22', '23', '24']);
  });
});

describe('NDJSON source', () => {
  test('one message per line, line index as offset, resume after the stored line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndjson-'));
    const path = join(dir, 'events.ndjson');
    writeFileSync(path, `${Array.from({ length: 7 }, (_, i) => JSON.stringify({ i })).join('\n')}\n`);
    const source = createNdjsonSource({ path, batchSize: 3 });
    const all = await collect(source, context());
    expect(all.sizes).toEqual([3, 3, 1]);
    const resumed = await collect(source, context(new Map([[0, '5']])));
    expect(resumed.offsets).toEqual(['5', '6']);
  });
});
