import type { ChangeOp, SkipReason } from './types.js';

/** What one operation code means: a row change, or a well-formed message that carries no row (and why). */
export type OperationMeaning = ChangeOp | { readonly skip: SkipReason };

/** Operation codes of one format (own keys only are read: `constructor` is not a code). */
export type OperationCodes = Readonly<Record<string, OperationMeaning>>;

const MESSAGE = { skip: 'message' } as const;
const BOOTSTRAP_CONTROL = { skip: 'bootstrap_control' } as const;
const TRANSACTION_BOUNDARY = { skip: 'transaction_boundary' } as const;

/**
 * Each format's operation codes, from the vendors' documentation (the format sections of docs/cdc-formats.md
 * cite them). One table instead of a `switch` per parser; a code that is absent is an `invalid_operation`.
 */
export const OPERATION_CODES = {
  /** Debezium `op`; `c` during a snapshot is re-read as `snapshot` by the parser (the `source.snapshot` flag). */
  debezium: { c: 'insert', r: 'snapshot', u: 'update', d: 'delete', t: 'truncate', m: MESSAGE },
  /** Maxwell `type` for row events; DDL types (`table-create`...) are checked separately. */
  maxwell: {
    insert: 'insert',
    update: 'update',
    delete: 'delete',
    'bootstrap-insert': 'snapshot',
    'bootstrap-start': BOOTSTRAP_CONTROL,
    'bootstrap-complete': BOOTSTRAP_CONTROL,
  },
  /** Canal flat-message `type` (`INIT` is Canal's full-load insert); DDL types are checked before. */
  canal: { INSERT: 'insert', INIT: 'insert', UPDATE: 'update', DELETE: 'delete' },
  /** Oracle GoldenGate JSON `op_type`. */
  ogg: { I: 'insert', U: 'update', D: 'delete', T: 'truncate' },
  /** AWS DMS `metadata.operation` (`load` is the full-load phase). */
  dms: { load: 'snapshot', insert: 'insert', update: 'update', delete: 'delete' },
  /** wal2json format-version 1 `change[].kind`. */
  wal2jsonV1: { insert: 'insert', update: 'update', delete: 'delete', truncate: 'truncate', message: MESSAGE },
  /** wal2json format-version 2 `action`. */
  wal2jsonV2: {
    I: 'insert',
    U: 'update',
    D: 'delete',
    T: 'truncate',
    B: TRANSACTION_BOUNDARY,
    C: TRANSACTION_BOUNDARY,
    M: MESSAGE,
  },
} as const satisfies Record<string, OperationCodes>;

/** The meaning of `code` in `codes`, or `undefined` when it is not one of them (or not a string). */
export function operationMeaning(codes: OperationCodes, code: unknown): OperationMeaning | undefined {
  return typeof code === 'string' && Object.hasOwn(codes, code) ? codes[code] : undefined;
}
