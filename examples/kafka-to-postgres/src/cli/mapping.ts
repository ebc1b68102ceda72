/**
 * The column-mapping flags shared by the worker and the demo: `--map role=column,...`, `--map-file FILE` (a JSON
 * object), env `CDC_ENRICH_MAP`, and `--table NAME` (rows go to `<NAME>_enriched`). Same syntax as the
 * `cdc-enrich` CLI (parseColumnMapping of cdc-enrich/enrich).
 */
import { readFileSync } from 'node:fs';
import { parseColumnMapping } from 'cdc-enrich/enrich';
import type { PrepareOptions } from '../prepare.js';
import { mappedTableSpec } from '../prepare.js';
import { usageError } from './flags.js';

/** Help lines for the mapping flags. */
export const MAPPING_HELP = `  --map PAIRS               column mapping of a non-users table: role=column pairs, e.g.
                            id=customer_id,first_name=given_name,email=email_address (env CDC_ENRICH_MAP);
                            a composite key repeats id (id=tenant_id,id=order_id)
  --map-file FILE           the same mapping as a JSON object ({"id": "customer_id", "email": "email_address"})
  --table NAME              with a mapping: the source table; rows go to NAME_enriched (env CDC_ENRICH_TABLE)`;

/** parseArgs options of the mapping flags. */
export const mappingFlags = {
  map: { type: 'string' },
  'map-file': { type: 'string' },
  table: { type: 'string' },
} as const;

/**
 * Prepare options from the mapping flags: none given = the seed's users table; a mapping = `<table>_enriched`
 * typed from the rows. A bad mapping is a usage error (exit 2) naming the problem.
 */
export function prepareOptionsFromFlags(
  command: string,
  values: { map?: string | undefined; 'map-file'?: string | undefined; table?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): PrepareOptions {
  const text = values.map ?? env['CDC_ENRICH_MAP'];
  let columns: unknown;
  try {
    if (values['map-file'] !== undefined) columns = JSON.parse(readFileSync(values['map-file'], 'utf8'));
    else if (text?.trim()) columns = parseColumnMapping(text);
  } catch (error) {
    usageError(command, `bad column mapping: ${(error as Error).message}`);
  }
  if (columns === undefined) return {};
  const table = values.table ?? env['CDC_ENRICH_TABLE'];
  if (!table) usageError(command, 'a column mapping needs --table NAME (rows go to NAME_enriched)');
  const key = (columns as { id?: unknown }).id;
  const keyColumns = Array.isArray(key) ? key.map(String) : [String(key)];
  return { enricher: { columns: columns as never }, table: mappedTableSpec(table, keyColumns) };
}
