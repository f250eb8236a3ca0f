/**
 * Fails when a committed model is stale: retrains it into a temporary folder and compares each file
 * it writes with the committed one by sha256. Every trainer is deterministic, so a fresh file equals
 * the committed one byte for byte or the committed one is out of date (its trainer's inputs — the
 * code, the data under data/, the models it reads — changed since it was trained). Each check trains
 * from the committed files it reads (the events model reads the committed tagger and NER models, the
 * news filter the committed events model), so together they say the committed set is what
 * `npm run train:all` writes. Without ../shared it skips, saying so. Run by .ci/run.
 *
 * Every committed model by default: the part-of-speech tagger and its lemma
 * rules, NER, attribution (word classes, the cue-edge model and the tagger: about 4 minutes of CPU in
 * one process), the events model and its news filter.
 * `--only a,b` runs the named checks (tagger, ner, attribution, events, events-filter). The trainers
 * are independent processes, each reading only committed files, so they run side by side, `--jobs N`
 * at a time (by default as many as the machine has cores): the others finish while attribution
 * trains.
 *
 *   npm run check:models [-- --only NAMES] [--jobs N] [--fresh DIR]
 *
 * `--fresh DIR` compares the files already in DIR (named as the trainer writes them: events.bin, …)
 * instead of retraining.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared', 'data');

/**
 * Each check: the trainer, its arguments writing into `dir`, and the committed file each output is
 * compared with.
 */
const CHECKS = [
  {
    name: 'tagger',
    script: 'scripts/train-tagger.ts',
    args: (dir) => ['--out', path.join(dir, 'pos.bin'), '--lemmas', path.join(dir, 'lemmas.json')],
    files: { 'pos.bin': 'models/pos.bin', 'lemmas.json': 'data/text/lemmas.json' },
    retrain: 'npm run train:tagger',
  },
  {
    name: 'ner',
    script: 'scripts/train-ner.ts',
    args: (dir) => ['--out', path.join(dir, 'ner.bin')],
    files: { 'ner.bin': 'models/ner.bin' },
    retrain: 'npm run train:ner',
  },
  {
    name: 'attribution',
    script: 'scripts/train-attribution.ts',
    args: (dir) => [
      '--word-classes',
      path.join(dir, 'word-classes.json'),
      '--cue-spans',
      path.join(dir, 'cue-spans.bin'),
      '--out',
      path.join(dir, 'attribution.bin'),
    ],
    files: {
      'word-classes.json': 'data/attribution/word-classes.json',
      'cue-spans.bin': 'models/cue-spans.bin',
      'attribution.bin': 'models/attribution.bin',
    },
    retrain: 'npm run train:attribution',
    // About 4 minutes of CPU in one process: started first, the others run beside it.
    first: true,
  },
  {
    name: 'events',
    script: 'scripts/events/train.ts',
    args: (dir) => ['--out', path.join(dir, 'events.bin')],
    files: { 'events.bin': 'models/events.bin' },
    retrain: 'npm run train:events (it reads the NER, actors and tagger output)',
  },
  {
    // Reads the committed events model's types and margins.
    name: 'events-filter',
    script: 'scripts/events/train-news-filter.ts',
    args: (dir) => ['--out', path.join(dir, 'events-filter.bin')],
    files: { 'events-filter.bin': 'models/events-filter.bin' },
    retrain: 'npm run train:events-filter after npm run train:events',
  },
];

const argv = process.argv.slice(2);
const onlyArg = argv.indexOf('--only');
const only = onlyArg < 0 ? undefined : argv[onlyArg + 1].split(',');
const unknown = (only ?? []).filter((n) => !CHECKS.some((c) => c.name === n));
if (unknown.length) {
  console.error(
    `check:models: unknown check ${unknown.join(', ')} (${CHECKS.map((c) => c.name).join(', ')})`,
  );
  process.exit(2);
}
const chosen = only ? CHECKS.filter((c) => only.includes(c.name)) : CHECKS;
const jobsArg = argv.indexOf('--jobs');
const jobs = jobsArg < 0 ? os.availableParallelism() : Number(argv[jobsArg + 1]);
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error('check:models: --jobs needs a whole number of at least 1');
  process.exit(2);
}

if (argv.indexOf('--fresh') < 0 && !existsSync(shared)) {
  console.log(`check:models: SKIPPED, ${shared} not found (the training data)`);
  process.exit(0);
}
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const freshArg = argv.indexOf('--fresh');
const given = freshArg < 0 ? undefined : path.resolve(argv[freshArg + 1]);
const dir = given ?? mkdtempSync(path.join(os.tmpdir(), 'newsgraph-check-models-'));
try {
  const seconds = given ? new Map() : await trainAll(chosen, jobs);
  for (const check of chosen) {
    for (const [fresh, committed] of Object.entries(check.files)) {
      const want = sha256(path.join(dir, fresh));
      const have = sha256(path.join(root, committed));
      if (want !== have) {
        console.error(
          `check:models: ${committed} is stale: retraining gives sha256 ${want}, the committed file has ${have}.\n` +
            `Run \`${check.retrain}\` and commit it.`,
        );
        process.exitCode = 1;
      } else
        console.log(
          `check:models: ${committed} is up to date (sha256 ${have}; ${check.name} ${seconds.get(check) ?? 0} s)`,
        );
    }
  }
  const skipped = CHECKS.filter((c) => !chosen.includes(c)).map((c) => c.name);
  if (skipped.length)
    console.log(`check:models: not checked here: ${skipped.join(', ')} (left out by --only)`);
} finally {
  if (!given) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs the checks' trainers, `jobs` at a time, the long one first; their wall seconds by check. A
 * failed trainer's log is shown, and the run fails once the others have finished.
 */
async function trainAll(checks, jobs) {
  const queue = [...checks.filter((c) => c.first), ...checks.filter((c) => !c.first)];
  const seconds = new Map();
  const failed = [];
  const worker = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const started = performance.now();
      const { status, log } = await train(check);
      seconds.set(check, ((performance.now() - started) / 1000).toFixed(0));
      if (status === 0) continue;
      process.stderr.write(log);
      failed.push(`the ${check.name} trainer failed (exit ${status})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, checks.length) }, worker));
  if (failed.length) throw new Error(`check:models: ${failed.join('; ')}`);
  return seconds;
}

/** Runs a check's trainer into the temporary folder: its exit status and its output. */
function train(check) {
  return new Promise((resolve) => {
    const child = spawn(tsx, [check.script, ...check.args(dir)], { cwd: root });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', (e) => resolve({ status: e.message, log }));
    child.on('close', (status, signal) => resolve({ status: status ?? signal, log }));
  });
}
