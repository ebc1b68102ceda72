/**
 * The commands as a user runs them: `--help` of each, the producer's flag checks, the demo's report. The
 * producer's flags against a real broker run when the services are up (in CI they must be).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatReport } from '../src/demo/report.js';
import { deleteTopics, endOffsets } from '../src/kafka.js';
import { runPipeline } from '../src/pipeline.js';
import { createInlinePreparer } from '../src/preparers.js';
import { createPgliteDriver } from '../src/sinks/pglite.js';
import { createSqlSink } from '../src/sinks/sql-sink.js';
import { createGeneratorSource } from '../src/sources/generator.js';
import { generateLabelledEvents } from './fixture-events.js';
import { requireServices, runId } from './helpers.js';

const services = await requireServices();
const cli = (name: string) => fileURLToPath(new URL(`../src/cli/${name}.ts`, import.meta.url));

function run(name: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli(name), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('--help', () => {
  test.each(['demo', 'produce', 'worker', 'bench-e2e'])(
    '%s --help prints flags, environment and an example, exit 0',
    (name) => {
      const { status, stdout } = run(name, ['--help']);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^npm run /);
      expect(stdout).toMatch(/--[a-z-]+ /);
      expect(stdout).toMatch(/KAFKA_BOOTSTRAP_SERVERS|KAFKA_TOPIC/);
      expect(stdout).toMatch(/Examples?:/);
    },
    60_000,
  );

  test('an unknown flag is a usage error (exit 2) that names it and points to --help', () => {
    const { status, stderr } = run('produce', ['--bogus']);
    expect(status).toBe(2);
    expect(stderr).toContain("'--bogus'");
    expect(stderr).toContain('--help');
  }, 60_000);
});

describe('producer flags', () => {
  test.each([
    [['--format', 'avro'], '--format must be one of'],
    [['--rate=-5'], '--rate must be a positive number'],
    [['--count', 'many'], '--count must be an integer'],
    [['--interval=-1'], '--interval must be a non-negative number'],
    [['--partitions', '0'], '--partitions must be an integer >= 1'],
  ])(
    '%j is refused before connecting: %s',
    (args, message) => {
      const { status, stderr } = run('produce', [...args, '--bootstrap-servers', '127.0.0.1:1']);
      expect(status).toBe(2);
      expect(stderr).toContain(message);
    },
    60_000,
  );

  test.runIf(services)(
    '--count N --format debezium produces N messages; --data-file sends the sample file',
    async () => {
      const brokers = services?.brokers ?? [];
      const topic = `cdc-test-produce-${runId()}`;
      try {
        const generated = run('produce', [
          '--topic',
          topic,
          '--count',
          '50',
          '--format',
          'debezium',
          '--partitions',
          '2',
        ]);
        expect(generated.status).toBe(0);
        expect(generated.stderr).toMatch(/produced 50 debezium events/);
        const ends = await endOffsets(brokers, topic);
        expect(ends.size).toBe(2);
        expect([...ends.values()].reduce((a, b) => a + b, 0n)).toBe(50n);
        const sample = run('produce', [
          '--topic',
          topic,
          '--data-file',
          fileURLToPath(new URL('../../../data/sample_events.json', import.meta.url)),
        ]);
        expect(sample.status).toBe(0);
        expect(sample.stderr).toMatch(/produced \d+ seed events/);
      } finally {
        await deleteTopics(brokers, [topic]);
      }
    },
    120_000,
  );
});

describe('report', () => {
  test('counts balance, and the groups are those of the user_analytics aggregate', async () => {
    const driver = await createPgliteDriver();
    try {
      const events = [...generateLabelledEvents(400, 3)];
      const totals = await runPipeline({
        source: createGeneratorSource({ messages: () => events, topic: 'gen' }),
        sink: createSqlSink(driver),
        groupId: 'g',
        preparer: createInlinePreparer(),
        progressIntervalMs: 0,
      }).done;
      const report = await formatReport(totals, driver, 'users_enriched', 3);
      expect(report).toContain('events in:       400');
      expect(report).toContain('balance:         consumed 400 = applied + dead-lettered + skipped = 400');
      const rows = (await driver.query('SELECT COUNT(*)::int AS n FROM users_enriched')).rows[0]?.['n'];
      expect(report).toContain(`users_enriched: ${rows} rows`);
      const top = await driver.query(
        'SELECT inferred_country, user_count::int AS n FROM user_analytics ORDER BY user_count DESC, inferred_country, email_category LIMIT 1',
      );
      const first = report.split('\n').find((l) => /^[A-Z]{2}\s/.test(l));
      expect(first?.split(/\s+/)[0]).toBe(top.rows[0]?.['inferred_country']);
      expect(first?.split(/\s+/)[2]).toBe(String(top.rows[0]?.['n']));
      // Aggregates only: no email address, name or phone of a row is printed.
      expect(report).not.toMatch(/@|\+\d{6}/);
    } finally {
      await driver.close();
    }
  }, 120_000);
});
