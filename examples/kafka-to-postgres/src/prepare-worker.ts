/** The worker thread behind `createThreadedPreparer`: unpack, prepare, reply. */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { createMessagePreparer, type PrepareOptions } from './prepare.js';
import { type PackedMessages, unpackMessages } from './preparers.js';

const prepare = createMessagePreparer((workerData as { prepare: PrepareOptions }).prepare);

parentPort?.on('message', ({ id, packed }: { id: number; packed: PackedMessages }) => {
  const t0 = performance.now();
  const messages = unpackMessages(packed).map(prepare);
  // A dead letter keeps its raw bytes: copy them out of the shared buffer so only they are cloned back.
  for (const m of messages) {
    for (const e of m.effects) if (e.kind === 'dead-letter' && e.raw) e.raw = e.raw.slice();
  }
  parentPort?.postMessage({ id, messages, cpuMs: performance.now() - t0 });
});
