#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundled CLI (dist/bundle, written by npm run build) starts several times faster than the ~480
// modules it is built from; the plain build runs when there is no bundle or a later `tsc` left it behind.
const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const plain = new URL('../dist/cli/main.js', import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = mtime(bundle) >= Math.max(mtime(plain), 0) ? bundle : plain;
// A reader that stops early (`newsgraph predict … | head`) closes the pipe: the output ends there,
// which is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`newsgraph: cannot write the output: ${err.message}\n`);
  process.exit(1);
});
import(entry.href)
  .then((m) => m.main(process.argv))
  .catch((err) => {
    process.stderr.write(`newsgraph: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
