/**
 * Fails when a committed model is stale: retrains it into a temporary folder and compares each file
 * it writes with the committed one by sha256. Every trainer is deterministic, so a fresh file equals
 * the committed one byte for byte or the committed one is out of date (its trainer's inputs — the
 * code, the data under data/, the models it reads — changed since it was trained). Each check trains
 * from the committed files it reads (the events model reads the committed tagger and NER models, the
 * news filter the committed events model), so together they say the committed set is what
 * `npm run train:all` writes. Without ../shared it skips, saying so. Run by .ci/run.
 *
 * By default the checks CI can afford (about a minute of CPU each or less): the events model and its
 * news filter, the part-of-speech tagger and its lemma rules, and NER. `--all` adds attribution
 * (word classes, the cue-edge model and the tagger: about 4 minutes of CPU). `--only a,b` runs the
 * named checks (tagger, ner, attribution, events, events-filter).
 *
 *   npm run check:models [-- --all | --only NAMES] [--fresh DIR]
 *
 * `--fresh DIR` compares the files already in DIR (named as the trainer writes them: events.bin, …)
 * instead of retraining.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared', 'data');

/**
 * Each check: the trainer, its arguments writing into `dir`, and the committed file each output is
 * compared with. `ci` checks run by default; the others only with --all or --only.
 */
const CHECKS = [
  {
    name: 'tagger',
    script: 'scripts/train-tagger.ts',
    args: (dir) => ['--out', path.join(dir, 'pos.bin'), '--lemmas', path.join(dir, 'lemmas.json')],
    files: { 'pos.bin': 'models/pos.bin', 'lemmas.json': 'data/text/lemmas.json' },
    retrain: 'npm run train:tagger',
    ci: true,
  },
  {
    name: 'ner',
    script: 'scripts/train-ner.ts',
    args: (dir) => ['--out', path.join(dir, 'ner.bin')],
    files: { 'ner.bin': 'models/ner.bin' },
    retrain: 'npm run train:ner',
    ci: true,
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
    ci: false,
  },
  {
    name: 'events',
    script: 'scripts/events/train.ts',
    args: (dir) => ['--out', path.join(dir, 'events.bin')],
    files: { 'events.bin': 'models/events.bin' },
    retrain: 'npm run train:events (it reads the NER, actors and tagger output)',
    ci: true,
  },
  {
    // Reads the committed events model's types and margins.
    name: 'events-filter',
    script: 'scripts/events/train-news-filter.ts',
    args: (dir) => ['--out', path.join(dir, 'events-filter.bin')],
    files: { 'events-filter.bin': 'models/events-filter.bin' },
    retrain: 'npm run train:events-filter after npm run train:events',
    ci: true,
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
const chosen = CHECKS.filter((c) => (only ? only.includes(c.name) : argv.includes('--all') || c.ci));

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
  for (const check of chosen) {
    const started = performance.now();
    if (!given) train(check);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
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
        console.log(`check:models: ${committed} is up to date (sha256 ${have}; ${check.name} ${seconds} s)`);
    }
  }
  const skipped = CHECKS.filter((c) => !chosen.includes(c)).map((c) => c.name);
  if (skipped.length)
    console.log(`check:models: not checked here: ${skipped.join(', ')} (npm run check:models -- --all)`);
} finally {
  if (!given) rmSync(dir, { recursive: true, force: true });
}

/** Runs a check's trainer into the temporary folder (its log is shown only when it fails). */
function train(check) {
  const run = spawnSync(tsx, [check.script, ...check.args(dir)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`check:models: the ${check.name} trainer failed (exit ${run.status ?? run.signal})`);
  }
}
