/**
 * Golden files with sources: every CDC fixture (`test/fixtures/cdc/*.expected.json`) says where its input and
 * its expected output come from. A fixture written from vendor documentation or captured from a real connector
 * names the source with a URL and a version; one in the seed pipeline's own format names the repository files
 * that define it; a regression file names the bug it reproduces.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'test', 'fixtures', 'cdc');

/** Where a fixture comes from. */
const KINDS = ['vendor-docs', 'connector-output', 'seed-format', 'regression'] as const;

interface Reference {
  title?: unknown;
  url?: unknown;
  path?: unknown;
  version?: unknown;
}
interface Provenance {
  kind?: unknown;
  input?: unknown;
  expected?: unknown;
  references?: Reference[];
  bug?: unknown;
}

const text = (value: unknown) => typeof value === 'string' && value.trim().length >= 10;
const expectedFiles = readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));

describe('CDC golden files', () => {
  it('are found (not vacuous)', () => {
    expect(expectedFiles.length).toBeGreaterThanOrEqual(4);
  });

  it.each(expectedFiles)('%s names its input and how its expected output was made', (file) => {
    const golden = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { fixture?: string; provenance?: Provenance };
    expect(golden.fixture && existsSync(join(DIR, golden.fixture)), `${file}: "fixture" names its input file`).toBe(
      true,
    );
    const p = golden.provenance;
    expect(p, `${file}: "provenance" missing`).toBeDefined();
    if (!p) return;
    expect(KINDS, `${file}: provenance.kind`).toContain(p.kind);
    expect(text(p.input), `${file}: provenance.input says how the input was made`).toBe(true);
    expect(text(p.expected), `${file}: provenance.expected says how the expected output was made`).toBe(true);
    const references = p.references ?? [];
    if (p.kind === 'regression') {
      expect(text(p.bug), `${file}: a regression file names the bug (issue, commit)`).toBe(true);
      return;
    }
    expect(references.length, `${file}: at least one reference`).toBeGreaterThan(0);
    for (const ref of references) {
      expect(text(ref.title), `${file}: reference title`).toBe(true);
      expect(typeof ref.version === 'string' && ref.version.length > 0, `${file}: reference version`).toBe(true);
      if (p.kind === 'seed-format') {
        expect(typeof ref.path === 'string' && existsSync(join(ROOT, ref.path)), `${file}: ${String(ref.path)}`).toBe(
          true,
        );
      } else {
        expect(String(ref.url), `${file}: reference url`).toMatch(/^https:\/\/\S+$/);
      }
    }
  });
});
