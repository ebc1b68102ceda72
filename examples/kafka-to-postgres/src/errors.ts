/** One way to put an error into a log line without leaking row data. */

/**
 * True for an error raised by PostgreSQL (node-postgres `DatabaseError`, PGlite's equivalent): it carries a
 * five-character SQLSTATE and a severity. Their messages can quote the row value that failed
 * (`invalid input syntax for type timestamp: "..."`), so only the SQLSTATE is logged.
 */
function isDatabaseError(error: { code?: unknown; severity?: unknown }): boolean {
  return typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) && typeof error.severity === 'string';
}

/**
 * A log-safe description of anything thrown: `name code: message` for system, Kafka and programming errors
 * (their messages name paths, brokers or options, never row values), and `name SQLSTATE` only for database
 * errors. A file-system error names its path, so "the demo cannot create `.pgdata/demo`" says where.
 *
 * @example
 * ```ts
 * describeError(Object.assign(new Error("ENOENT: no such file or directory, mkdir '/x'"), { code: 'ENOENT' }));
 * // "Error ENOENT: ENOENT: no such file or directory, mkdir '/x'"
 * ```
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const e = error as Error & { code?: unknown; severity?: unknown; path?: unknown };
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? ` ${String(e.code)}` : '';
  if (isDatabaseError(e)) return `${e.name}${code} (database error; message withheld, it may quote row data)`;
  const path = typeof e.path === 'string' && !e.message.includes(e.path) ? ` (path ${e.path})` : '';
  return `${e.name}${code}${e.message ? `: ${e.message}` : ''}${path}`;
}
