/*
 * Trains the NER model from the shared CoNLL-2003 train split and writes models/ner.bin.
 * Deterministic: fixed fold assignment, fixed shuffle seed.
 *
 *   npm run train:ner [-- TRAIN.jsonl] [--out FILE]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/util/data.js';
import { DEFAULT_TRAIN_OPTIONS, readNerJsonl, trainNer } from '../src/mentions/train.js';
import { NER_MODEL_PATH } from '../src/mentions/tagger.js';

const outArg = process.argv.indexOf('--out');
const out = outArg < 0 ? NER_MODEL_PATH : path.resolve(process.argv[outArg + 1]);
const positional = process.argv.slice(2).filter((_, i, a) => a[i] !== '--out' && a[i - 1] !== '--out');
const trainFile =
  positional[0] ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'ner', 'conll-train.jsonl');
if (!existsSync(trainFile)) {
  console.error(`train-ner: training data not found at ${trainFile}`);
  process.exit(1);
}
const started = performance.now();
const records = readNerJsonl(trainFile);
const model = trainNer(records, { ...DEFAULT_TRAIN_OPTIONS, log: (m) => console.log(m) });
const bytes = model.toBuffer();
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, bytes);
const seconds = (performance.now() - started) / 1000;
console.log(
  `wrote ${path.relative(PROJECT_ROOT, out)}: ${(bytes.length / 1024).toFixed(0)} KiB, ` +
    `${model.keys.length} features, ${model.lexicon.gazetteer.names.size} gazetteer names; ${seconds.toFixed(1)} s`,
);
