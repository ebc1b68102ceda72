/**
 * CI runs the whole suite under each Node major that package.json `engines` names (.ci/run sets
 * CI_EXPECT_NODE_MAJOR): this checks that the test workers really run on that version, and that a local run is
 * on a Node the package supports.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const major = Number(process.versions.node.split('.')[0]);
const engines = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;
const supported = engines.split('||').map((range) => Number(range.trim()));

it('runs on the Node major CI asked for, one that engines names', () => {
  const expected = process.env['CI_EXPECT_NODE_MAJOR'];
  if (expected !== undefined) expect(major).toBe(Number(expected));
  expect(supported).toContain(major);
});
