#!/usr/bin/env node
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The bundled CLI (dist/bundle, written by npm run build) starts several times faster than the ~480
// modules it is built from; the plain build runs when there is no bundle or a later `tsc` left it behind.
const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const plain = new URL('../dist/cli/main.js', import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = mtime(bundle) >= Math.max(mtime(plain), 0) ? bundle : plain;

// `analyze` of an article starts from the build's V8 start-up snapshot (scripts/build-snapshot.mjs),
// with the models and word lists already in memory; the blob's own start checks that it was made by
// this Node binary from the files as they are now (src/cli/snapshot.ts) and else runs this script
// again with NEWSGRAPH_SNAPSHOT=0, as every other command runs. bin/newsgraph (the package's bin) starts
// the blob without this script's own node start. Not for long runs (batches, predict): a run from the
// blob interprets regular expressions and runs without V8's optimising compiler (see the build
// script), which costs more over thousands of sentences than the start saves (predict attribution on
// PolNeAR dev: 4.4 s CPU from the blob, 4.2 s without, before the compiler was left out).
const SNAPSHOT_COMMANDS = new Set(['analyze']);
/** Exit status of a node that cannot load a snapshot blob (Node's kStartupSnapshotFailure). */
const SNAPSHOT_REFUSED = 14;

/** The node arguments that start this command from the snapshot, or why it does not. */
function fromSnapshot(argv) {
  if (!SNAPSHOT_COMMANDS.has(argv[2])) return { skip: 'not a command it serves' };
  if (entry !== bundle) return { skip: 'no bundle, or one older than the build' };
  if (process.env.NEWSGRAPH_SNAPSHOT === '0') return { skip: 'NEWSGRAPH_SNAPSHOT=0' };
  if (process.execArgv.length > 0) return { skip: 'node options given' };
  if (argv.includes('--jsonl')) return { skip: 'a batch' };
  let flags;
  try {
    // The V8 flags the blob was built with (it only starts with the same ones), as bin/newsgraph reads them.
    flags = readFileSync(new URL('../dist/bundle/snapshot.flags', import.meta.url), 'utf8').split(/\s+/);
  } catch {
    return { skip: 'no snapshot built' };
  }
  const blob = fileURLToPath(new URL('../dist/bundle/snapshot.blob', import.meta.url));
  // The blob's start takes this script's path where node would have put it: process.argv[1].
  return { args: [...flags.filter(Boolean), '--snapshot-blob', blob, fileURLToPath(import.meta.url)] };
}

/**
 * The environment of a run from the blob. Node reads the blob (tens of MB) into freshly allocated
 * memory, then copies it: on small pages that is tens of thousands of page faults, which cost more
 * than the rest of the start; glibc's malloc asks for transparent huge pages with this tunable
 * (ignored where there is no glibc or no THP). And `analyze` reads a file or stdin and connects
 * nowhere, so Node need not parse the extra CA certificates of NODE_EXTRA_CA_CERTS when it starts:
 * with a system bundle (144 certificates) that was a third of a bare node start on the build machine.
 */
function snapshotEnv(env) {
  const tunable = 'glibc.malloc.hugetlb=1';
  const { NODE_EXTRA_CA_CERTS: _unused, ...rest } = env;
  return { ...rest, GLIBC_TUNABLES: env.GLIBC_TUNABLES ? `${env.GLIBC_TUNABLES}:${tunable}` : tunable };
}

const snapshot = fromSnapshot(process.argv);
const debug = (message) => process.env.NEWSGRAPH_DEBUG && process.stderr.write(`newsgraph: ${message}\n`);
if (snapshot.skip) debug(`not starting from the snapshot: ${snapshot.skip}`);
// child_process only when needed: `--help` loads as little as it can.
const run =
  snapshot.args &&
  (await import('node:child_process')).spawnSync(
    process.execPath,
    [...snapshot.args, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: snapshotEnv(process.env),
    },
  );
if (run && (run.error || run.status === SNAPSHOT_REFUSED))
  debug('node refused the snapshot: running without');
if (run && !run.error && run.status !== SNAPSHOT_REFUSED) {
  if (run.signal) process.kill(process.pid, run.signal);
  process.exitCode = run.status ?? 1;
} else {
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
}
