/**
 * Auto-detection of the envelope format from a parsed message's shape. Each format has a field no other
 * format uses at the top level, checked from the most to the least specific:
 *
 * | format   | tell-tale                                                            |
 * | -------- | -------------------------------------------------------------------- |
 * | debezium | `{schema, payload}`, or a one-letter `op` with `source`/`before`/`after` |
 * | ogg      | `op_type`                                                            |
 * | dms      | `metadata` object with `record-type` or `operation`                  |
 * | wal2json | `change` array (v1) or a one-letter `action` (v2)                    |
 * | canal    | string `type` with `isDdl`, `mysqlType`, `pkNames` or an array `data` |
 * | maxwell  | `database` with a lowercase Maxwell `type`                           |
 * | seed     | `cdc_operation`                                                      |
 */
import { isCanal } from './canal.js';
import { isDebezium } from './debezium.js';
import { isDms } from './dms.js';
import { isMaxwell } from './maxwell.js';
import { isOgg } from './ogg.js';
import { isSeed } from './seed.js';
import type { CdcFormat } from './types.js';
import { isWal2json } from './wal2json.js';

/**
 * The format of one parsed message, or null when no shape matches. Non-objects give null.
 *
 * @example
 * detectFormat({ op: 'c', before: null, after: { id: 1 }, source: {} }); // 'debezium'
 * detectFormat({ cdc_operation: 'INSERT', id: 1 }); // 'seed'
 * detectFormat([1, 2]); // null
 */
export function detectFormat(message: unknown): CdcFormat | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const msg = message as Record<string, unknown>;
  if (isDebezium(msg)) return 'debezium';
  if (isOgg(msg)) return 'ogg';
  if (isDms(msg)) return 'dms';
  if (isWal2json(msg)) return 'wal2json';
  if (isCanal(msg)) return 'canal';
  if (isMaxwell(msg)) return 'maxwell';
  if (isSeed(msg)) return 'seed';
  return null;
}
