/**
 * The envelopes of other CDC formats for seed-format events (the events come from `@cdc-enrich/corpus`; the
 * tests' fixed-vocabulary events from test/fixture-events.ts).
 *
 * The seed's flat event is the row's fields plus `cdc_operation`, `cdc_timestamp`, `cdc_sequence` and
 * `cdc_source`. `cdc_sequence` increases by one per event, so it orders all events of a run.
 */

import type { SeedEvent } from '@cdc-enrich/corpus';
import { SEED_ROW_FIELDS } from 'cdc-enrich/enrich';

export type { SeedEvent };

/** The CDC envelopes the producer can emit. */
export type EnvelopeFormat = 'seed' | 'debezium' | 'maxwell' | 'canal';

function rowOf(event: SeedEvent): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of SEED_ROW_FIELDS) row[field] = event[field];
  return row;
}

/**
 * Wraps a seed event in another CDC format's envelope (Debezium JSON, Maxwell, Canal JSON), following each
 * format's documentation. The seed's `cdc_sequence` becomes the format's position field where it has one.
 *
 * @example
 * ```ts
 * toEnvelope(event, 'debezium'); // { before, after, op: 'c', source: { lsn: ... }, ts_ms }
 * ```
 */
export function toEnvelope(event: SeedEvent, format: EnvelopeFormat): Record<string, unknown> {
  if (format === 'seed') return { ...event };
  const row = rowOf(event);
  const tsMs = Date.parse(event.cdc_timestamp);
  const isDelete = event.cdc_operation === 'DELETE';
  if (format === 'debezium') {
    // https://debezium.io/documentation/reference/stable/connectors/postgresql.html#postgresql-events
    return {
      before: isDelete ? row : null,
      after: isDelete ? null : row,
      source: {
        version: '2.7.0.Final',
        connector: 'postgresql',
        name: 'legacy',
        ts_ms: tsMs,
        db: 'legacy_crm',
        schema: 'public',
        table: 'users',
        lsn: event.cdc_sequence,
      },
      op: event.cdc_operation === 'INSERT' ? 'c' : event.cdc_operation === 'UPDATE' ? 'u' : 'd',
      ts_ms: tsMs,
    };
  }
  if (format === 'maxwell') {
    // https://maxwells-daemon.io/dataformat/
    return {
      database: 'legacy_crm',
      table: 'users',
      type: event.cdc_operation.toLowerCase(),
      ts: Math.floor(tsMs / 1000),
      xid: event.cdc_sequence,
      commit: true,
      data: row,
    };
  }
  // Canal JSON: https://github.com/alibaba/canal/wiki (FlatMessage)
  return {
    data: [row],
    database: 'legacy_crm',
    es: tsMs,
    id: event.cdc_sequence,
    isDdl: false,
    old: null,
    pkNames: ['id'],
    table: 'users',
    ts: tsMs,
    type: event.cdc_operation,
  };
}
