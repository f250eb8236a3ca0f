/**
 * Trains the attribution tagger on PolNeAR's training split and writes models/attribution.bin,
 * after what it learns from the same split first: data/attribution/word-classes.json (read by the
 * tagger's features, so always rebuilt with the model) and the cue-edge model models/cue-spans.bin.
 * Deterministic: fixed seed, fixed document order, sorted tables; the model file format
 * (src/learn/model-file.ts) writes the same bytes for the same weights.
 *
 *   npm run train:attribution [-- --epochs N --bits B --passes P --shuffles K --seed S --out FILE --limit N]
 *   npm run train:attribution -- --cue-spans-only      (only word classes and the cue-edge model, in seconds)
 *   npm run train:attribution -- --keep-word-classes   (do not rebuild word-classes.json)
 *   npm run train:attribution -- --out FILE --word-classes FILE --cue-spans FILE
 *        (write all three elsewhere, as check:models does; the tagger's features then still read the
 *        committed word classes, which is the same when the rebuilt table equals it)
 */
import { writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, projectPath } from '../src/util/data.js';
import { MODEL_FILE } from '../src/attribution/model.js';
import { prepare, readPolnear } from '../src/attribution/train.js';
import { CUE_SPANS_FILE } from '../src/attribution/cuespans.js';
import { attributionModelFile, cueSpansFile, DEFAULT_TRAIN_OPTIONS } from './attribution/train-model.js';
import { buildWordClasses, WORD_CLASSES_FILE } from '../src/attribution/wordclasses.js';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}
function strArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
}

const shared = path.resolve(PROJECT_ROOT, '..', 'shared');
const trainFile = path.join(shared, 'data', 'attribution', 'polnear-train.jsonl');
if (!existsSync(trainFile)) {
  console.error(
    `training data not found: ${trainFile} (the shared data folder sits beside the repo as ../shared)`,
  );
  process.exit(1);
}
const t0 = performance.now();
let lines = readPolnear(trainFile);
const limit = arg('limit', 0);
if (limit > 0) lines = lines.slice(0, limit);
// Word classes first: the tagger's features read them. wink-nlp tags the training articles once.
if (!process.argv.includes('--keep-word-classes')) {
  const nlp = winkNLP(winkModel, ['pos']);
  const observations: Array<[string, string]> = [];
  for (const line of lines) {
    const doc = nlp.readDoc(line.text);
    const values = doc.tokens().out(nlp.its.value) as string[];
    const tags = doc.tokens().out(nlp.its.pos) as string[];
    values.forEach((v, i) => observations.push([v.toLowerCase(), tags[i] ?? 'X']));
  }
  const classes = buildWordClasses(observations);
  const classesOut = path.resolve(strArg('word-classes', projectPath('data', WORD_CLASSES_FILE)));
  writeFileSync(classesOut, JSON.stringify(classes).replace(/\],"/g, '],\n"') + '\n');
  console.log(
    `wrote ${path.relative(process.cwd(), classesOut)} (${Object.keys(classes.classes).length} classes, ${Object.values(classes.classes).reduce((n, w) => n + w.length, 0)} words)`,
  );
}
const docs = lines.map(prepare);
const tokens = docs.reduce((s, d) => s + d.gold.length, 0);
console.log(
  `prepared ${docs.length} articles, ${tokens} tokens in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
);
const cueSpans = cueSpansFile(docs);
const cueSpansOut = path.resolve(strArg('cue-spans', projectPath(CUE_SPANS_FILE)));
writeFileSync(cueSpansOut, cueSpans);
console.log(`wrote ${path.relative(process.cwd(), cueSpansOut)} (${(cueSpans.length / 1e3).toFixed(0)} kB)`);
if (process.argv.includes('--cue-spans-only')) process.exit(0);
const bytes = attributionModelFile(docs, {
  bits: arg('bits', DEFAULT_TRAIN_OPTIONS.bits),
  epochs: arg('epochs', DEFAULT_TRAIN_OPTIONS.epochs),
  passes: arg('passes', DEFAULT_TRAIN_OPTIONS.passes),
  folds: arg('folds', DEFAULT_TRAIN_OPTIONS.folds),
  shuffles: arg('shuffles', DEFAULT_TRAIN_OPTIONS.shuffles),
  seed: arg('seed', DEFAULT_TRAIN_OPTIONS.seed),
  log: (m) => console.log(m),
});
const out = strArg('out', projectPath(MODEL_FILE));
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(
  `wrote ${path.relative(process.cwd(), out)} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
);
