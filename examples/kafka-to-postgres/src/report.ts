/** The final report of a run: counts, throughput and the top rows of `user_analytics`. */
import type { PipelineTotals } from './pipeline.js';
import type { SqlSession } from './sinks/sql-sink.js';

/**
 * Formats the totals and the top `user_analytics` rows (aggregates only: no row PII is printed).
 *
 * @example
 * ```ts
 * console.log(await formatReport(totals, driver));
 * ```
 */
export async function formatReport(totals: PipelineTotals, db: SqlSession, topRows = 10): Promise<string> {
  const seconds = Math.max(0.001, ((totals.endedAt || Date.now()) - totals.startedAt) / 1000);
  const rows = await db.query('SELECT COUNT(*)::int AS n FROM users_enriched');
  const analytics = await db.query(
    `SELECT COALESCE(inferred_country, '-') AS country, COALESCE(email_category, '-') AS category,
            user_count::int AS users, valid_email_count::int AS valid_emails, last_migration_time::text AS last_migration
     FROM user_analytics ORDER BY user_count DESC, inferred_country, email_category LIMIT $1`,
    [topRows],
  );
  const lines = [
    '',
    '=== cdc-enrich: kafka-to-postgres report ===',
    `events in:       ${totals.consumed}${totals.duplicates ? ` (+${totals.duplicates} redelivered duplicates dropped)` : ''}`,
    `applied:         ${totals.applied}`,
    `rows upserted:   ${totals.rowsUpserted}`,
    `rows deleted:    ${totals.rowsDeleted}`,
    `dead-lettered:   ${totals.deadLettered}`,
    `skipped:         ${totals.skipped}`,
    `balance:         consumed ${totals.consumed} = applied + dead-lettered + skipped = ${totals.applied + totals.deadLettered + totals.skipped}`,
    `throughput:      ${Math.round(totals.consumed / seconds)} events/s over ${seconds.toFixed(1)} s`,
    `users_enriched:  ${String(rows.rows[0]?.['n'] ?? 0)} rows`,
    '',
    `top ${topRows} rows of user_analytics:`,
    `${'country'.padEnd(8)} ${'category'.padEnd(12)} ${'users'.padStart(7)} ${'valid'.padStart(7)}  last_migration`,
  ];
  for (const r of analytics.rows) {
    lines.push(
      `${String(r['country']).padEnd(8)} ${String(r['category']).padEnd(12)} ${String(r['users']).padStart(7)} ${String(
        r['valid_emails'],
      ).padStart(7)}  ${String(r['last_migration'])}`,
    );
  }
  return lines.join('\n');
}
