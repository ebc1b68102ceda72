/**
 * Two ways to run the CLI in tests: in-process (`runCli` with injected streams and environment), and as a
 * process running the current sources through tsx (never a stale build).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name: string) => join(root, 'test', 'fixtures', 'cli', name);

export interface CliRun {
  code: number | null;
  stdout: string[];
  stderr: string[];
}

const lines = (s: string) => s.split('\n').filter((l) => l.length > 0);

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** `runCli` in this process, with `input` as stdin. */
export async function runInProcess(
  argv: string[],
  input = '',
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await runCli(argv, { stdin: Readable.from([Buffer.from(input)]), stdout, stderr, env });
  return { code, stdout: lines(out()), stderr: lines(err()) };
}

/** The CLI as a process, from the sources (`node --import tsx src/cli/main.ts`). */
export function runProcess(args: string[], input?: string, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    cwd: root,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: lines(r.stdout), stderr: lines(r.stderr) };
}

/** The JSON lines of stderr that report a bad input line. */
export const failures = (stderr: string[]) =>
  stderr
    .filter((l) => l.startsWith('{"line"'))
    .map((l) => JSON.parse(l) as { line: number; code: string; message: string; path: (string | number)[] });

export const statsOf = (stderr: string[]) =>
  stderr
    .filter((l) => l.startsWith('{"stats"'))
    .map((l) => (JSON.parse(l) as { stats: Record<string, unknown> }).stats)[0];
