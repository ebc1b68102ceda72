import { Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/cli/ndjson.js';

async function collect(chunks: string[], max = 1024) {
  const out: { line: number; text: string | null }[] = [];
  for await (const l of readLines(Readable.from(chunks.map((c) => Buffer.from(c))), max)) {
    out.push({ line: l.line, text: l.bytes === null ? null : l.bytes.toString('utf8') });
  }
  return out;
}

describe('readLines', () => {
  it('splits on LF and CRLF, keeps line numbers across blank lines, reads a last line without newline', async () => {
    expect(await collect(['a\r\nb', '\n\n  \nc'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 5, text: 'c' },
    ]);
  });

  it('drops an over-long line without buffering it and goes on', async () => {
    expect(await collect(['x'.repeat(600), 'y'.repeat(600), '\nok\n'], 1000)).toEqual([
      { line: 1, text: null },
      { line: 2, text: 'ok' },
    ]);
  });

  test.prop([
    fc.array(
      fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\n')),
      { maxLength: 20 },
    ),
    fc.integer({ min: 1, max: 7 }),
  ])('round-trip: any chunking of joined lines gives the same non-blank lines back', async (lines, chunkSize) => {
    const text = lines.join('\n');
    const chunks: string[] = [];
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize).toString('latin1'));
    const out: string[] = [];
    for await (const l of readLines(Readable.from(chunks.map((c) => Buffer.from(c, 'latin1'))), 1 << 20)) {
      out.push(l.bytes!.toString('utf8'));
    }
    const expected = lines.map((l) => l.replace(/\r$/, '').replace(/^[ \t]+/, '')).filter((l) => l.length > 0);
    expect(out).toEqual(expected);
  });
});
