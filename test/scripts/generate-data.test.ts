/** The data generator runner (scripts/generate-data.ts): which scripts are generators, and their order. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGenerators, runOrder } from '../../scripts/generate-data.js';

function scripts(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'generators-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('generate:data runner', () => {
  const dir = scripts({
    'generate-data.ts': '/** `npm run generate:data` itself */',
    'generate-subdivisions.ts':
      "/** Run: `npm run generate:data`. */\nimport { x } from './generate-postal-formats.js';",
    'generate-postal-formats.ts': '/** Run: `npm run generate:data`. */',
    'generate-cities.ts': '/** Run: `npm run generate:data`. */',
    'generate-phone-automaton.ts': '/** A regex compiler used by generate-phone-tables.ts. */',
    'geo-data.ts': '/** `npm run generate:data` helpers */',
  });

  it('runs the scripts whose header names the command, not helpers or itself', () => {
    expect(
      findGenerators(dir)
        .map((g) => g.file)
        .sort(),
    ).toEqual(['generate-cities.ts', 'generate-postal-formats.ts', 'generate-subdivisions.ts']);
  });

  it('runs in name order, a generator after the generators it imports', () => {
    const order = runOrder(findGenerators(dir)).map((g) => g.thing);
    expect(order).toEqual(['cities', 'postal-formats', 'subdivisions']);
    const reversed = scripts({
      'generate-a.ts': "/** `npm run generate:data` */\nimport './x';\nimport { y } from './generate-b.js';",
      'generate-b.ts': '/** `npm run generate:data` */',
    });
    expect(runOrder(findGenerators(reversed)).map((g) => g.thing)).toEqual(['b', 'a']);
  });
});
