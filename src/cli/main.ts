#!/usr/bin/env node
// Placeholder: the CLI arrives with the enricher.
process.exitCode = 0;
