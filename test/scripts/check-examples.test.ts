/** The @example extraction of scripts/check-examples.ts (the compile check itself runs in `npm run docs:check`). */
import { describe, expect, it } from 'vitest';
import { examplesOfComment } from '../../scripts/check-examples.js';

describe('examplesOfComment', () => {
  it('takes the code up to the next tag, without the * margin or fences', () => {
    const comment = [
      '/**',
      ' * Parses a thing.',
      ' *',
      ' * @example',
      ' * ```ts',
      " * parseThing('a@b.com'); // { ok: true }",
      ' * ```',
      ' * @param x - the input',
      ' */',
    ].join('\n');
    expect(examplesOfComment(comment)).toEqual([{ offsetLines: 3, code: "parseThing('a@b.com'); // { ok: true }" }]);
  });

  it('finds every example of a comment and ignores a caption on the tag line', () => {
    const comment = ['/**', ' * @example Basic', ' * a();', ' * @example', ' * b();', ' * c();', ' */'].join('\n');
    expect(examplesOfComment(comment).map((e) => e.code)).toEqual(['a();', 'b();\nc();']);
  });

  it('finds nothing in a comment without examples', () => {
    expect(examplesOfComment('/** Just words. @see other */')).toEqual([]);
  });
});
