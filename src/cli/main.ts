#!/usr/bin/env node
/**
 * `cdc-enrich`: NDJSON in, NDJSON out.
 *
 *   cdc-enrich parse  [--input FILE] [--format F] [--stats]
 *   cdc-enrich enrich [--input FILE] [--format F] [--default-country XX] [--stats]
 *
 * Exit codes: 0 the input was read to the end (bad lines are reported on stderr and skipped),
 * 2 usage error, 1 I/O error.
 */
import { runCli } from './run.js';

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
