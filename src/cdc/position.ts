/**
 * Ordering of source positions. Parsers write positions so that one rule orders them within a source:
 * numbers numerically, and strings "naturally" — runs of decimal digits compare as numbers (of any length,
 * leading zeros ignored), everything else by UTF-16 code unit. So `mysql-bin.000003:1068:0` <
 * `mysql-bin.000010:4:0`, OGG `00000000000000000000143` < `00000000000000000000157`, and Postgres LSNs (Debezium
 * `source.lsn`, wal2json `0/16B3748` converted to the same decimal) compare as numbers. Hexadecimal positions
 * (SQL Server LSNs) are converted to decimal parts by the parser for this reason.
 */

const isDigit = (c: number) => c >= 48 && c <= 57;

function compareDigitRuns(a: string, ai: number, aEnd: number, b: string, bi: number, bEnd: number): number {
  while (ai < aEnd - 1 && a.charCodeAt(ai) === 48) ai++;
  while (bi < bEnd - 1 && b.charCodeAt(bi) === 48) bi++;
  const la = aEnd - ai;
  const lb = bEnd - bi;
  if (la !== lb) return la < lb ? -1 : 1;
  for (let k = 0; k < la; k++) {
    const d = a.charCodeAt(ai + k) - b.charCodeAt(bi + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ie = i;
      while (ie < a.length && isDigit(a.charCodeAt(ie))) ie++;
      let je = j;
      while (je < b.length && isDigit(b.charCodeAt(je))) je++;
      const c = compareDigitRuns(a, i, ie, b, j, je);
      if (c !== 0) return c;
      i = ie;
      j = je;
      continue;
    }
    if (ca !== cb) return ca < cb ? -1 : 1;
    i++;
    j++;
  }
  const ra = a.length - i;
  const rb = b.length - j;
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

function usable(p: unknown): p is number | string | bigint {
  return (
    (typeof p === 'number' && Number.isSafeInteger(p) && p >= 0) ||
    typeof p === 'string' ||
    (typeof p === 'bigint' && p >= 0n)
  );
}

/**
 * Orders two positions of the same source: negative when `a` comes first, 0 when equal, positive when later.
 * `null` (unknown) and unusable values (negative or non-integer numbers, objects) sort before everything else
 * and equal to each other. Total: never throws, and a consistent order for `Array.prototype.sort`.
 *
 * Comparing positions of different sources (a binlog position with an LSN) gives a stable but meaningless answer.
 *
 * @example
 * comparePositions('mysql-bin.000003:1068:0', 'mysql-bin.000010:4:0'); // -1
 * comparePositions(34078720, '34131104'); // -1 (same LSN encoding)
 * [3, 1, 2].sort(comparePositions); // [1, 2, 3]
 */
export function comparePositions(a: unknown, b: unknown): number {
  const ua = usable(a);
  const ub = usable(b);
  if (!ua) return ub ? -1 : 0;
  if (!ub) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return naturalCompare(String(a), String(b));
}
