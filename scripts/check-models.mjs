/**
 * Fails when the committed events model (or its news filter, models/events-filter.bin) is stale: retrains it (about half a minute) into a
 * temporary file and compares its sha256 with models/events.bin. The events trainer reads the
 * pipeline's NER and actors output, so any change there changes the model it should ship; the
 * trainer is deterministic, so a fresh model equals the committed one byte for byte or the
 * committed one is out of date. Without ../shared it skips, saying so. Run by .ci/run.
 *
 *   npm run check:models [-- --fresh FILE]   (compare FILE instead of retraining)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(root, 'models', 'events.bin');
const shared = path.resolve(root, '..', 'shared');
const freshArg = process.argv.indexOf('--fresh');
if (freshArg < 0 && !existsSync(path.join(shared, 'data', 'events'))) {
  console.log(
    `check:models: SKIPPED, ${path.join(shared, 'data', 'events')} not found (the events training data)`,
  );
  process.exit(0);
}
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-check-models-'));
try {
  const fresh =
    freshArg >= 0 ? path.resolve(process.argv[freshArg + 1]) : retrain(path.join(dir, 'events.bin'));
  const want = sha256(fresh);
  const have = sha256(committed);
  if (want !== have) {
    console.error(
      `check:models: models/events.bin is stale: retraining gives sha256 ${want}, the committed file has ${have}.\n` +
        'The events trainer reads the NER and actors output, so a change there changes the model. ' +
        'Run `npm run train:events` (or `npm run train:all` after retraining NER) and commit models/events.bin.',
    );
    process.exitCode = 1;
  } else {
    console.log(`check:models: models/events.bin is up to date (sha256 ${have})`);
  }
  // The news filter reads the committed events model's output: retrained from it, it must match too.
  if (freshArg < 0) checkFilter(path.join(dir, 'events-filter.bin'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Retrains the news filter (about half a minute) and compares it with models/events-filter.bin. */
function checkFilter(out) {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, ['scripts/events/train-news-filter.ts', '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`check:models: the news filter trainer failed (exit ${run.status ?? run.signal})`);
  }
  const want = sha256(out);
  const have = sha256(path.join(root, 'models', 'events-filter.bin'));
  if (want !== have) {
    console.error(
      `check:models: models/events-filter.bin is stale: retraining gives sha256 ${want}, the committed file has ${have}.\n` +
        'It reads the events model: run `npm run train:events-filter` after `npm run train:events`, and commit it.',
    );
    process.exitCode = 1;
  } else console.log(`check:models: models/events-filter.bin is up to date (sha256 ${have})`);
}

/** Trains the events model into `out` (the trainer's log is shown only when it fails). */
function retrain(out) {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, ['scripts/events/train.ts', '--out', out], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`check:models: the events trainer failed (exit ${run.status ?? run.signal})`);
  }
  return out;
}
