/** Configuration from the environment (the seed's variable names), and redaction for logs. */

/**
 * Replaces the password of a connection URL with `***` (and drops query strings, which can carry one).
 * Total: an unparsable string gives `'(unparsable url)'` rather than echoing it.
 *
 * @example
 * ```ts
 * redactDatabaseUrl('postgres://cdc:secret@db:5432/app'); // 'postgres://cdc:***@db:5432/app'
 * ```
 */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(unparsable url)';
  }
}

/**
 * The database URL from `DATABASE_URL`, or built from the seed's `POSTGRES_HOST/PORT/DB/USER/PASSWORD`
 * (each part URL-encoded). `null` when neither is set.
 *
 * @example
 * ```ts
 * databaseUrlFromEnv({ POSTGRES_HOST: 'db', POSTGRES_USER: 'u', POSTGRES_PASSWORD: 'p' });
 * // 'postgres://u:p@db:5432/postgres'
 * ```
 */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env['DATABASE_URL']?.trim();
  if (url) return url;
  const host = env['POSTGRES_HOST']?.trim();
  if (!host) return null;
  const port = env['POSTGRES_PORT']?.trim() || '5432';
  const db = env['POSTGRES_DB']?.trim() || 'postgres';
  const user = env['POSTGRES_USER']?.trim() || 'postgres';
  const password = env['POSTGRES_PASSWORD'] ?? '';
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user);
  return `postgres://${auth}@${host}:${port}/${encodeURIComponent(db)}`;
}

/**
 * Kafka bootstrap servers from `KAFKA_BOOTSTRAP_SERVERS` (comma-separated), or `null`.
 *
 * @example
 * ```ts
 * kafkaBrokersFromEnv({ KAFKA_BOOTSTRAP_SERVERS: 'a:9092, b:9092' }); // ['a:9092', 'b:9092']
 * ```
 */
export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | null {
  const raw = env['KAFKA_BOOTSTRAP_SERVERS']?.trim();
  if (!raw) return null;
  const brokers = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return brokers.length > 0 ? brokers : null;
}

/** Default topic of the seed. */
export const DEFAULT_TOPIC = 'cdc-events';
/** Default consumer group id. */
export const DEFAULT_GROUP_ID = 'cdc-enrich-users';
