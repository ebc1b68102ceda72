/**
 * Streaming NDJSON reading with constant memory: lines are cut from the byte stream as chunks arrive,
 * and a line longer than `maxLineBytes` is dropped (reported once, with its number) instead of being
 * buffered without bound, so a 10 GB input, or one with no newline at all, never grows the heap.
 */
import type { Readable, Writable } from 'node:stream';

/** One line of input: its 1-based number, and either its bytes or the fact that it was too long. */
export type InputLine = { line: number; bytes: Buffer; tooLong: false } | { line: number; bytes: null; tooLong: true };

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * Yields the lines of `input` (LF or CRLF endings; a last line without a newline counts; blank lines are
 * skipped but still counted).
 *
 * @example
 * for await (const l of readLines(process.stdin, 1 << 20)) if (!l.tooLong) handle(l.line, l.bytes);
 */
export async function* readLines(input: Readable, maxLineBytes: number): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let dropping = false;
  let line = 0;
  const emit = function* (bytes: Buffer): Generator<InputLine> {
    line++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CR) end--;
    let start = 0;
    while (start < end && (bytes[start] === 0x20 || bytes[start] === 0x09)) start++;
    if (start === end) return;
    yield { line, bytes: bytes.subarray(start, end), tooLong: false };
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (;;) {
      const nl = buf.indexOf(NEWLINE, from);
      if (nl === -1) {
        if (!dropping) {
          const rest = buf.subarray(from);
          if (partBytes + rest.length > maxLineBytes) {
            dropping = true;
            parts = [];
            partBytes = 0;
          } else if (rest.length > 0) {
            parts.push(rest);
            partBytes += rest.length;
          }
        }
        break;
      }
      if (dropping) {
        line++;
        yield { line, bytes: null, tooLong: true };
        dropping = false;
      } else {
        const piece = buf.subarray(from, nl);
        if (partBytes + piece.length > maxLineBytes) {
          line++;
          yield { line, bytes: null, tooLong: true };
        } else {
          const whole = parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
          yield* emit(whole);
        }
        parts = [];
        partBytes = 0;
      }
      from = nl + 1;
    }
  }
  if (dropping) {
    line++;
    yield { line, bytes: null, tooLong: true };
  } else if (partBytes > 0) yield* emit(Buffer.concat(parts));
}

/** A buffered line writer: `line()` appends, `flush()` writes the buffer and waits for `drain` when asked to. */
export interface LineWriter {
  line(text: string): void;
  /** UTF-16 units buffered and not yet written. */
  readonly pending: number;
  flush(): Promise<void>;
}

/**
 * A buffered writer that honours backpressure: the caller flushes every few kilobytes and, when the stream's
 * buffer is full, waits for `drain` before reading more input. Memory stays bounded however slow the reader
 * of the output is.
 *
 * @example
 * const out = createLineWriter(process.stdout);
 * out.line('{"id":1}');
 * await out.flush();
 */
export function createLineWriter(out: Writable): LineWriter {
  let buffer = '';
  return {
    line(text: string) {
      buffer += `${text}\n`;
    },
    get pending() {
      return buffer.length;
    },
    async flush() {
      if (buffer.length === 0) return;
      const chunk = buffer;
      buffer = '';
      if (out.write(chunk)) return;
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          out.off('error', onError);
          resolve();
        };
        const onError = (e: Error) => {
          out.off('drain', onDrain);
          reject(e);
        };
        out.once('drain', onDrain);
        out.once('error', onError);
      });
    },
  };
}
