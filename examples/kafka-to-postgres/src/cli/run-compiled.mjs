// Runs one of the example's commands as compiled JavaScript: `node [node flags] src/cli/run-compiled.mjs worker
// [args]` (what `npm run worker` does).
//
// Why not tsx: tsx compiles TypeScript in module-loader hooks, and Node runs those hooks on a thread of their own
// per thread that loads TypeScript, each a V8 isolate. A worker with a prepare thread therefore carried two extra
// isolates: measured on the drain benchmark, ~65 MB more peak RSS (319-333 MB vs 258 MB) and ~25 µs more CPU per
// event over a 100k-event drain (docs/benchmarks.md). Here esbuild bundles the command and the prepare thread's
// module (~0.1 s) into `.cache/run/<content hash>/` next to this package, then the command is imported in this
// process; packages stay external (resolved from node_modules as usual), the library's own sources are bundled
// through the repository's tsconfig paths, as tsx resolves them.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const COMMANDS = ['worker'];
const exampleDir = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = join(exampleDir, '../..');
const cacheDir = join(exampleDir, '.cache', 'run');
const PRUNE_AFTER_MS = 24 * 3600 * 1000;

// A SIGINT/SIGTERM before the command has installed its own handlers (while esbuild builds and the bundle loads,
// ~0.3-1 s) would otherwise end the process by the signal's default action: killed, no exit code, where the worker
// promises a clean exit 0. Such a signal is held here and raised again once the command is loaded, so the command
// handles it like any other (a worker that has fetched nothing stops at once). When the command already listens,
// this listener stands aside.
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'];
const heldSignals = [];
const holdSignal = (signal) => {
  if (process.listenerCount(signal) > 1) return;
  if (heldSignals.length > 0) process.exit(1); // a second signal: exit at once, as the worker does
  heldSignals.push(signal);
};
for (const signal of STOP_SIGNALS) process.on(signal, holdSignal);
const log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

const [command, ...args] = process.argv.slice(2);
if (!command || !COMMANDS.includes(command)) {
  process.stderr.write(`usage: node src/cli/run-compiled.mjs <${COMMANDS.join('|')}> [args]\n`);
  process.exit(2);
}

// From this line on a stop signal is handled (the worker's log format; tests wait for it before signalling).
log(`run-compiled: building src/cli/${command}.ts`);
// Loaded after the handlers above are in place (it is the slowest import here).
const { build } = await import('esbuild');
const result = await build({
  absWorkingDir: exampleDir,
  entryPoints: [`src/cli/${command}.ts`, 'src/prepare-worker.ts'],
  outbase: 'src',
  outdir: 'out',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  tsconfig: join(repoRoot, 'tsconfig.json'),
  write: false,
  logLevel: 'warning',
});

// One directory per distinct build, written whole then renamed: concurrent starts (several workers) never see a
// half-written build, and a build in use is never overwritten.
const hash = createHash('sha256');
for (const file of result.outputFiles) hash.update(file.path).update(file.contents);
const buildDir = join(cacheDir, hash.digest('hex').slice(0, 16));
const outDir = join(exampleDir, 'out');
try {
  statSync(buildDir);
} catch {
  const staging = `${buildDir}.${process.pid}.tmp`;
  for (const file of result.outputFiles) {
    const target = join(staging, relative(outDir, file.path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  try {
    renameSync(staging, buildDir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process renamed the same build first
  }
}
pruneOldBuilds(buildDir);

process.argv = [process.argv[0] ?? process.execPath, join(buildDir, 'cli', `${command}.js`), ...args];
await import(pathToFileURL(process.argv[1]).href);
for (const signal of STOP_SIGNALS) process.off(signal, holdSignal);
for (const signal of heldSignals) process.kill(process.pid, signal);

/** Drops builds not started from for a day (a running process has already loaded its modules). */
function pruneOldBuilds(keep) {
  for (const name of readdirSync(cacheDir)) {
    const dir = join(cacheDir, name);
    if (dir === keep) continue;
    try {
      if (Date.now() - statSync(dir).mtimeMs > PRUNE_AFTER_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
