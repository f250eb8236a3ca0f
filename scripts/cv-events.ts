/**
 * 5-fold cross-validation of the event coder on PLV (../shared/data/events/plv-train.jsonl): each
 * fold trains on the other four fifths plus the NGEC stories, then predicts its fifth with the full
 * pipeline (as `newsgraph predict events --scheme plover`), scored by ../shared/tools/score-dyads.mjs.
 * Prints each fold's figures and their mean; writes gold and prediction files per fold to --out.
 *
 *   npm run cv:events [-- --out DIR --folds 5 --only K --type-epochs N --ngec-weight W …]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/util/data.js';
import { seededRandom } from '../src/util/random.js';
import { analyze } from '../src/pipeline/analyze.js';
import { useEventModel } from '../src/events/model.js';
import { DEFAULT_TRAIN, trainEventModel, type TrainSentence } from '../src/events/train.js';
import { predictedEvents } from '../src/eval/events.js';
import { ngecExamples, plvExample, readNgec, readPlv } from './events-corpus.js';
import { NGEC_DEFAULTS, numArg, strArg, trainOptions } from './events-options.js';

const FIGURES = ['typeRecall', 'typePrecisionLowerBound', 'sourceRecall', 'dyadRecall', 'eventsPerRecord'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

const folds = numArg('folds', 5);
const only = numArg('only', -1);
const out = strArg('out', path.join(tmpdir(), 'newsgraph-cv-events'));
mkdirSync(out, { recursive: true });
const scorer = path.resolve(PROJECT_ROOT, '..', 'shared', 'tools', 'score-dyads.mjs');

const records = readPlv();
const examples = records.map(plvExample);
const ngecWeight = numArg('ngec-weight', NGEC_DEFAULTS.weight);
const ngec = ngecWeight > 0 ? readNgec().flatMap((r) => ngecExamples(r, numArg('ngec-sentences', NGEC_DEFAULTS.sentences), ngecWeight)) : [];
// Folds from a seeded shuffle of the records, so every run splits alike.
const random = seededRandom(2024);
const order = records.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [order[i], order[j]] = [order[j]!, order[i]!];
}
const foldOf = new Int32Array(records.length);
order.forEach((r, k) => (foldOf[r] = k % folds));

const rows: Array<Figures & { fold: number }> = [];
const allPred: string[] = [];
for (let f = 0; f < folds; f++) {
  if (only >= 0 && f !== only) continue;
  const train = examples.filter((x, i): x is TrainSentence => x !== undefined && foldOf[i] !== f);
  useEventModel(trainEventModel([...train, ...ngec], trainOptions(DEFAULT_TRAIN)));
  const gold: string[] = [];
  const pred: string[] = [];
  records.forEach((r, i) => {
    if (foldOf[i] !== f) return;
    gold.push(JSON.stringify(r));
    const events = predictedEvents(analyze(r.text, {}, { id: r.id }), 'plover');
    pred.push(JSON.stringify({ id: r.id, events }));
  });
  const goldFile = path.join(out, `fold${f}.gold.jsonl`);
  const predFile = path.join(out, `fold${f}.pred.jsonl`);
  writeFileSync(goldFile, gold.join('\n') + '\n');
  writeFileSync(predFile, pred.join('\n') + '\n');
  allPred.push(...pred);
  const scored = JSON.parse(execFileSync('node', [scorer, goldFile, predFile, '--json'], { encoding: 'utf8' })) as Figures;
  rows.push({ fold: f, ...scored });
  console.log(`fold ${f}: ${FIGURES.map((k) => `${k} ${scored[k].toFixed(3)}`).join('  ')}`);
}
useEventModel(undefined);
writeFileSync(path.join(out, 'all.pred.jsonl'), allPred.join('\n') + '\n');
const mean = Object.fromEntries(FIGURES.map((k) => [k, rows.reduce((s, r) => s + r[k], 0) / rows.length])) as Figures;
console.log(`mean  : ${FIGURES.map((k) => `${k} ${mean[k].toFixed(3)}`).join('  ')}`);
console.log(JSON.stringify({ folds: rows, mean }));
