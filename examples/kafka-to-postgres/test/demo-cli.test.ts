/**
 * The README's first command (`npm run demo`), run as a user runs it: a child process on a fresh folder.
 * Issue 10: on a fresh clone `.pgdata/` does not exist, and the demo must create it (and say which path failed
 * when it cannot).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const DEMO = fileURLToPath(new URL('../src/cli/demo.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'cdc-demo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function demo(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', DEMO, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    // No services: the embedded path must work on its own.
    env: { ...process.env, KAFKA_BOOTSTRAP_SERVERS: '', DATABASE_URL: '', POSTGRES_HOST: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run demo (embedded PGlite)', () => {
  test('creates its data folder and missing parents, and reports balanced counts', () => {
    const dataDir = join(scratch, 'fresh-clone', '.pgdata', 'demo');
    const run = demo(['--embedded', '--count', '300', '--data-dir', dataDir]);
    expect(run.stderr).not.toMatch(/demo failed/);
    expect(run.status).toBe(0);
    expect(existsSync(dataDir)).toBe(true);
    expect(run.stdout).toMatch(/events in:\s+300\b/);
    expect(run.stdout).toMatch(/balance:\s+consumed 300 = applied \+ dead-lettered \+ skipped = 300/);
    expect(run.stdout).toMatch(/users_enriched:\s+[1-9]\d* rows/);
  }, 120_000);

  test('a data folder that cannot be created fails with exit 1 and names the path', () => {
    const file = join(scratch, 'not-a-folder');
    writeFileSync(file, '');
    const target = join(file, 'demo');
    const run = demo(['--embedded', '--count', '10', '--data-dir', target]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('demo failed');
    expect(run.stderr).toContain(target);
  }, 120_000);
});
