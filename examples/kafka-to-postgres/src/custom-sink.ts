/**
 * A custom Sink in ~40 lines: the newest row per key kept in memory, offsets too (a real sink must store them
 * atomically with the rows: that is what makes the pipeline exactly-once). Run it:
 *   npx tsx examples/kafka-to-postgres/src/custom-sink.ts
 */
import { pathToFileURL } from 'node:url';
import { generateSeedEvents } from '@cdc-enrich/corpus';
import { runPipeline } from './pipeline.js';
import { createGeneratorSource } from './sources/generator.js';
import { emptyWriteResult, type Sink } from './types.js';

/** Keeps `key → COPY line` of upserted rows; deletes remove them. */
export function createMemorySink(): Sink & { rows: Map<string, string> } {
  const rows = new Map<string, string>();
  const offsets = new Map<string, string>(); // `group/topic/partition` → next offset
  return {
    description: 'memory',
    rows,
    init: async () => {},
    async loadOffsets(groupId, topic, partitions) {
      const stored = partitions.map((p) => [p, offsets.get(`${groupId}/${topic}/${p}`)] as const);
      return new Map(stored.filter((e): e is readonly [number, string] => e[1] !== undefined));
    },
    async write(groupId, messages) {
      const result = emptyWriteResult();
      for (const m of messages) {
        const at = `${groupId}/${m.topic}/${m.partition}`;
        if (BigInt(m.offset) < BigInt(offsets.get(at) ?? '0')) {
          result.duplicates++;
          continue;
        }
        result.consumed++;
        for (const e of m.effects) {
          if (e.kind === 'upsert') rows.set(e.key, e.line);
          else if (e.kind === 'delete') rows.delete(e.key);
        }
        if (m.effects.some((e) => e.kind === 'dead-letter')) result.deadLettered++;
        else if (m.effects.some((e) => e.kind === 'upsert' || e.kind === 'delete')) result.applied++;
        else result.skipped++;
        offsets.set(at, (BigInt(m.offset) + 1n).toString());
        result.offsets.set(`${m.topic}/${m.partition}`, offsets.get(at)!);
      }
      return result;
    },
    close: async () => {},
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sink = createMemorySink();
  const source = createGeneratorSource({ messages: () => generateSeedEvents(5000) });
  const totals = await runPipeline({ source, sink, groupId: 'memory' }).done;
  process.stdout.write(`${totals.applied} applied, ${sink.rows.size} rows in memory\n`);
}
