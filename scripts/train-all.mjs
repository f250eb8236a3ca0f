/**
 * Retrains every model in the order they depend on each other and prints each file's sha256:
 * the part-of-speech tagger (models/pos.bin and data/text/lemmas.json, read by the events stage) →
 * NER (models/ner.bin) → attribution (data/attribution/word-classes.json, the cue-edge model
 * models/cue-spans.bin, then models/attribution.bin) → events (models/events.bin, trained on the
 * pipeline's NER and actors output, so always after them) → the events news filter
 * (models/events-filter.bin, which reads the events model's output). Needs ../shared.
 *
 *   npm run train:all
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEPS = [
  { script: 'train:tagger', files: ['models/pos.bin', 'data/text/lemmas.json'] },
  { script: 'train:ner', files: ['models/ner.bin'] },
  {
    script: 'train:attribution',
    files: ['data/attribution/word-classes.json', 'models/cue-spans.bin', 'models/attribution.bin'],
  },
  { script: 'train:events', files: ['models/events.bin'] },
  // The news filter reads the events model's types and margins, so it follows it.
  { script: 'train:events-filter', files: ['models/events-filter.bin'] },
];

if (!existsSync(path.resolve(root, '..', 'shared', 'data'))) {
  console.error('train:all: ../shared/data not found (the shared data folder sits beside the repo)');
  process.exit(1);
}
const sha256 = (file) =>
  createHash('sha256')
    .update(readFileSync(path.join(root, file)))
    .digest('hex');
for (const { script, files } of STEPS) {
  console.log(`train:all: npm run ${script}`);
  const run = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`train:all: ${script} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
  for (const file of files) console.log(`train:all: ${file} sha256 ${sha256(file)}`);
}
