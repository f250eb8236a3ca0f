import { spawnSync } from 'node:child_process';
import { startupSnapshot } from 'node:v8';
import { analyze } from '../pipeline/index.js';
// Initialised while building, not in every run (`analyze` imports it on first use).
import './commands/analyze-run.js';
import { buildProgram, main } from './main.js';
import { projectRootOf, snapshotMisfit, warmSnapshotCheck } from './snapshot-fit.js';
import { formatSummary } from './summary.js';

/*
 * The entry of the start-up snapshot (scripts/build-snapshot.mjs bundles it into one CommonJS file and
 * runs `node --build-snapshot` on it; bin/newsgraph and bin/newsgraph.js start `analyze` from the blob).
 * Building analyses a few sentences of our own, so every model, lexicon, word table and the actor
 * knowledge base an analysis loads on first use is loaded, and V8 keeps the heap as it is then: a run
 * from the blob starts with them in memory instead of reading, parsing and building them again.
 * Nothing here may depend on the input: the stages keep no state from one text to the next (a JSONL
 * batch relies on the same), and a test checks that both paths write the same bytes.
 */

/**
 * Sentences of our own that reach the loaders of an analysis: quotes, speakers, events, dates. Each is
 * under 120 characters, so language detection (eld: 50,000 objects, used only by longer texts) stays
 * out of the heap every run reads; a longer text loads it on first need, as before.
 */
const WARM_UP = [
  '"We will not back down," the interior minister said on Monday after police arrested 12 protesters.\n',
  'The mayor of Lyon told reporters on Tuesday that the bridge will close next spring.\n',
];

for (const text of WARM_UP) formatSummary(analyze(text, { published: '2025-04-20' }));
// V8 compiles a function on its first call and keeps the code in the snapshot: the command line's
// code too (building the program has no effect outside the object it returns; each run builds its own).
buildProgram();
warmSnapshotCheck();

// Run as a plain script, the warm-up is all: the build stamps the data files this bundle validates.
if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(runFromSnapshot);

const debug = (message: string) => {
  if (process.env.NEWSGRAPH_DEBUG) process.stderr.write(`newsgraph: ${message}\n`);
};

/**
 * A run from the blob: process.argv is [node, launcher, ...arguments], the launcher (bin/newsgraph.js)
 * given by bin/newsgraph or by that script itself where node puts a script's path. When the blob no
 * longer fits the project (another Node binary, a moved project, a file changed since the build), the
 * launcher runs in a child without the snapshot, as every other command runs, and its exit is this one.
 */
function runFromSnapshot(): void {
  const launcher = process.argv[1];
  const misfit = launcher ? snapshotMisfit(projectRootOf(launcher)) : 'no launcher given';
  if (misfit !== undefined) {
    debug(`not starting from the snapshot: ${misfit}`);
    if (launcher) runWithout(launcher, process.argv.slice(2));
    else process.exitCode = 1;
    return;
  }
  debug('starting from the snapshot');
  // What bin/newsgraph.js does around main() (the blob starts here instead of there).
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`newsgraph: cannot write the output: ${err.message}\n`);
    process.exit(1);
  });
  main(process.argv).catch((err: unknown) => {
    process.stderr.write(`newsgraph: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}

function runWithout(launcher: string, args: string[]): void {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    stdio: 'inherit',
    env: { ...process.env, NEWSGRAPH_SNAPSHOT: '0' },
  });
  if (run.signal) process.kill(process.pid, run.signal);
  if (run.error) process.stderr.write(`newsgraph: cannot run ${launcher}: ${run.error.message}\n`);
  process.exitCode = run.status ?? 1;
}
