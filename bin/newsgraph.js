#!/usr/bin/env node
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  process.stderr.write(`newsgraph: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
