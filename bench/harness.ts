/**
 * A tiny, dependency-free benchmark harness shared by every `bench/*.bench.ts` file.
 *
 * Why not a timing library: we need ratios against baselines *measured in the same process run*,
 * interleaved (A B A B ...) so that a noisy, shared 2-core machine drifts equally on both sides.
 * Each sample runs the function over the whole input array; we report the median of the samples.
 */
import { performance } from 'node:perf_hooks';
import { CORPUS_PROFILES, type CorpusProfile } from '@cdc-enrich/corpus';

/** The environment variable through which bench/run.ts tells a benchmark which corpus profile to measure. */
export const PROFILE_VARIABLE = 'BENCH_PROFILE';

/**
 * The corpus profile of this run: `BENCH_PROFILE` (bench/run.ts sets it: `realistic` first, then `repeated`),
 * `realistic` when unset. A benchmark that builds its input from the corpus passes it on:
 * `generateSeedEvents(n, seed, { profile: corpusProfile() })`, and names it in its table titles.
 */
export function corpusProfile(): CorpusProfile {
  const value = process.env[PROFILE_VARIABLE] ?? 'realistic';
  if (!(CORPUS_PROFILES as readonly string[]).includes(value))
    throw new TypeError(`${PROFILE_VARIABLE} must be one of ${CORPUS_PROFILES.join(', ')}`);
  return value as CorpusProfile;
}

export interface Measurement {
  /** Label printed in the table. */
  name: string;
  /** Median operations (records) per second over the samples. */
  opsPerSec: number;
  /** Median nanoseconds per operation. */
  nsPerOp: number;
  /** All samples, as ops/s. */
  samples: number[];
}

export interface Candidate {
  name: string;
  /** Runs the work once over `count` records; must return something derived from the work (kept alive). */
  run: () => unknown;
  /** Records processed by one call of `run`. */
  count: number;
}

let sink: unknown;

/** Median of a numeric array (copy-sorted). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Measures the candidates interleaved: `warmup` unrecorded rounds, then `samples` rounds, each
 * round running every candidate once in turn.
 */
export function compare(
  candidates: readonly Candidate[],
  opts: { samples?: number; warmup?: number } = {},
): Measurement[] {
  const samples = opts.samples ?? 7;
  const warmup = opts.warmup ?? 2;
  const results = candidates.map((c) => ({ name: c.name, samples: [] as number[] }));
  for (let round = 0; round < warmup + samples; round++) {
    candidates.forEach((c, i) => {
      const t0 = performance.now();
      sink = c.run();
      const ms = performance.now() - t0;
      if (round >= warmup) results[i]!.samples.push((c.count / ms) * 1000);
    });
  }
  return results.map((r) => {
    const opsPerSec = median(r.samples);
    return { name: r.name, opsPerSec, nsPerOp: 1e9 / opsPerSec, samples: r.samples };
  });
}

/** Keeps the optimiser from discarding benchmark work. */
export function blackhole(): unknown {
  return sink;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Renders measurements as a Markdown table, with each row's ratio against `baseline` (by name).
 * Ratio > 1 means faster than the baseline.
 */
export function table(title: string, rows: readonly Measurement[], baselines: readonly string[] = []): string {
  const head = ['case', 'records/s', 'ns/record', ...baselines.map((b) => `vs ${b}`)];
  const lines = [`### ${title}`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) {
    const ratios = baselines.map((b) => {
      const base = rows.find((x) => x.name === b);
      return base ? `${fmt(r.opsPerSec / base.opsPerSec, 2)}x` : 'n/a';
    });
    lines.push(`| ${r.name} | ${fmt(r.opsPerSec)} | ${fmt(r.nsPerOp, 1)} | ${ratios.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
