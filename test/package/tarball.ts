/**
 * Packing and installing the package the way a consumer gets it, shared by the package tests and the package
 * size benchmark (bench/package.bench.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const run = (cmd: string, args: readonly string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

/** The packed tarball and what npm reports about it. */
export interface Packed {
  /** Absolute path of the .tgz. */
  tarball: string;
  /** Bytes of the .tgz (what the registry stores and a consumer downloads). */
  packedBytes: number;
  /** Bytes of the package's files once extracted. */
  unpackedBytes: number;
  files: { path: string; size: number }[];
}

/** Builds dist/ when missing, then packs the package into a fresh temporary folder (prepack skipped: dist is built). */
export function packPackage(): Packed {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) run('npm', ['run', 'build'], ROOT);
  const work = mkdtempSync(join(tmpdir(), 'cdc-enrich-pack-'));
  const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as [
    { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] },
  ];
  const tarball = join(work, info.filename);
  return { tarball, packedBytes: statSync(tarball).size, unpackedBytes: info.unpackedSize, files: info.files };
}

/** Installs the tarball into a new consumer project next to it; returns the project folder. */
export function installTarball(tarball: string): string {
  const project = mkdtempSync(join(tmpdir(), 'cdc-enrich-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  return project;
}

/** Bytes of the files under a folder (symbolic links not followed), as `du --apparent-size` counts them. */
export function directoryBytes(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.isFile() ? stat.size : 0;
  let total = 0;
  for (const entry of readdirSync(path)) total += directoryBytes(join(path, entry));
  return total;
}
