import * as z from 'zod/mini';
import { LruCache } from '../shared/lru.js';
import { checkOptions, nonNegativeInteger } from '../shared/options.js';
import { analyzeEmail, type EmailAnalysis } from './analyze.js';

/** Options of {@link createEmailAnalyzer}. */
export interface EmailAnalyzerOptions {
  /** Most addresses kept (a bounded two-generation cache, see src/shared/lru.ts). Default 10,000; 0 disables it. */
  cacheSize?: number;
}

/** The one schema of {@link createEmailAnalyzer}'s options (strict: a misspelled key is a TypeError). */
const emailAnalyzerOptionsSchema = z.lazy(() =>
  z.strictObject({
    cacheSize: z.optional(nonNegativeInteger()),
  }),
);

/**
 * Longest address that is cached: a real address has at most 254 octets, so longer strings (junk) would
 * only push real entries out.
 */
const MAX_CACHED_LENGTH = 320;

/**
 * An {@link analyzeEmail} with a bounded cache keyed by the raw input string, for streams where the same
 * address comes back (CDC updates of one user). Results are the same as `analyzeEmail`'s; cached results
 * are frozen and shared between calls, so treat them as read-only. Each analyzer has its own cache.
 * Throws a `TypeError` naming the option for an unknown option or a `cacheSize` that is not a non-negative
 * integer (programmer misuse).
 *
 * @example
 * const analyze = createEmailAnalyzer({ cacheSize: 50_000 });
 * analyze('Jane.Doe@Example.COM')?.normalized; // 'jane.doe@example.com' (computed)
 * analyze('Jane.Doe@Example.COM')?.normalized; // 'jane.doe@example.com' (one Map lookup)
 */
export function createEmailAnalyzer(options?: EmailAnalyzerOptions): (input: unknown) => EmailAnalysis | null {
  const size = checkOptions('createEmailAnalyzer', emailAnalyzerOptionsSchema, options).cacheSize ?? 10_000;
  if (size === 0) return analyzeEmail;
  const cache = new LruCache<string, EmailAnalysis | null>(size);
  return (input: unknown): EmailAnalysis | null => {
    if (typeof input !== 'string' || input.length > MAX_CACHED_LENGTH) return analyzeEmail(input);
    const hit = cache.get(input);
    if (hit !== undefined) return hit;
    const analysis = analyzeEmail(input);
    if (analysis !== null) {
      Object.freeze(analysis.validation);
      Object.freeze(analysis);
    }
    cache.set(input, analysis);
    return analysis;
  };
}
