#!/usr/bin/env node
/**
 * `cdc-enrich`: NDJSON in, NDJSON out. See `cdc-enrich --help` and docs/cli.md.
 *
 * Exit codes: 0 the input was read to the end (bad lines are reported on stderr and skipped),
 * 2 usage error, 1 I/O error.
 *
 * Memory: V8 lets garbage build up in its old generation until the heap is several times the live data, so
 * an unbounded `enrich` over a long stream of new values (caches churning) reached 400 MB of RSS although its
 * live heap stays near 100 MB. The command therefore runs in a child Node process with a bounded old
 * generation (measured in docs/benchmarks.md: under 200 MB of RSS at the same speed), unless the caller chose
 * heap flags already (`NODE_OPTIONS` or node flags) or set CDC_ENRICH_HEAP=default.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Heap flags of the child: an old generation of 128 MB and 8 MB semi-spaces (docs/benchmarks.md). */
const HEAP_FLAGS = ['--max-old-space-size=128', '--max-semi-space-size=8'];
const CHILD_MARK = 'CDC_ENRICH_BOUNDED_HEAP';

function chosenHeap(): boolean {
  const flags = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  return flags.some((f) => f.startsWith('--max-old-space-size')) || process.env['CDC_ENRICH_HEAP'] === 'default';
}

function runHere(): void {
  import('./run.js')
    .then(({ runCli }) =>
      runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }),
    )
    .then(
      (code) => {
        process.exitCode = code;
      },
      () => {
        process.exitCode = 1;
      },
    );
}

function runBounded(script: string): void {
  const child = spawn(process.execPath, [...HEAP_FLAGS, ...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_MARK]: '1' },
  });
  // Ctrl-C reaches the child through the terminal's process group; a plain `kill` of this process is passed on.
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', () => runHere());
  child.on('exit', (code, signal) => {
    // A child ended by a signal exits as a shell reports it: 128 + the signal's number.
    process.exitCode = code ?? (signal === null ? 1 : 128 + (constants.signals[signal] ?? 0));
  });
}

const script = process.argv[1];
if (process.env[CHILD_MARK] === '1' || chosenHeap() || script === undefined) runHere();
else runBounded(script);
