/** The final report of a run: counts, throughput and the top groups of the `user_analytics` aggregate. */
import type { PipelineTotals } from '../pipeline.js';
import type { SqlSession } from '../sinks/sql-sink.js';
import { quoteIdentifier } from '../table.js';

/**
 * Formats the totals and the top (inferred country, email category) groups of an enriched table (aggregates
 * only: no row PII is printed).
 *
 * @example
 * ```ts
 * console.log(await formatReport(totals, driver, 'users_enriched'));
 * ```
 */
export async function formatReport(
  totals: PipelineTotals,
  db: SqlSession,
  table = 'users_enriched',
  topRows = 10,
): Promise<string> {
  const seconds = Math.max(0.001, ((totals.endedAt || Date.now()) - totals.startedAt) / 1000);
  const target = quoteIdentifier(table);
  const exists = await db.query('SELECT to_regclass($1) IS NOT NULL AS ok', [target]);
  const rows = exists.rows[0]?.['ok']
    ? await db.query(`SELECT COUNT(*)::int AS n FROM ${target}`)
    : { rows: [{ n: 0 }] };
  // The user_analytics view's aggregate, over any enriched table (mapped tables have the same enrichment columns).
  const analytics = exists.rows[0]?.['ok']
    ? await db.query(
        `SELECT COALESCE(inferred_country, '-') AS country, COALESCE(email_category, '-') AS category,
                COUNT(*)::int AS users, (COUNT(*) FILTER (WHERE is_valid_email_flag))::int AS valid_emails,
                MAX(migration_timestamp)::text AS last_migration
         FROM ${target} GROUP BY inferred_country, email_category
         ORDER BY COUNT(*) DESC, inferred_country, email_category LIMIT $1`,
        [topRows],
      )
    : { rows: [] as Record<string, unknown>[] };
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
    `${table}: ${String(rows.rows[0]?.['n'] ?? 0)} rows`,
    '',
    `top ${topRows} (inferred country, email category) groups, as the user_analytics view:`,
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
