/**
 * The plover-gsr-dev check kept out of sample when the coder trains on those records (`--gsr 1`):
 * 5-fold cross-validation over the GSR records, each fold's model trained as train:events trains the
 * shipped one (all PLV sentences, NGEC, the news sentences) plus the other four fifths of GSR, its
 * news filter as train:events-filter trains the shipped one, then the fold predicted as `newsgraph
 * predict events` does and all folds scored together by ../shared/tools/score-events.mjs (the figures
 * `newsgraph eval events` prints for plover-gsr-dev). With `--gsr 0` every fold trains the shipped model.
 *
 *   npm run cv:events-gsr [-- --out DIR --folds 5 --gsr 0|1 --type-bags N --filter-ngec-weight W …]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/util/data.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { useEventModel } from '../../src/events/model.js';
import { DEFAULT_TRAIN, trainEventModel, type TrainSentence } from '../../src/events/train.js';
import { predictedEvents } from '../../src/eval/events.js';
import { useNewsFilter } from '../../src/events/news-filter.js';
import { DEFAULT_FILTER_TRAIN, trainNewsFilter } from '../../src/events/news-filter-train.js';
import { extraTrainingData, gsrExample, gsrFolds, plvExample, readGsr, readPlv } from './corpus.js';
import { filterTexts, filterTrainingExamples } from './news-filter-data.js';
import { NEWS_FILTER_DEFAULTS } from './train-news-filter-options.js';
import { numArg, strArg, trainOptions } from './options.js';

const folds = numArg('folds', 5);
const useGsr = numArg('gsr', 1) > 0;
const out = strArg('out', path.join(tmpdir(), 'newsgraph-cv-gsr'));
mkdirSync(out, { recursive: true });
const scorer = path.resolve(PROJECT_ROOT, '..', 'shared', 'tools', 'score-events.mjs');

const plvRecords = readPlv();
const plv = plvRecords.map(plvExample).filter((x): x is TrainSentence => x !== undefined);
// The GSR sentences are this script's folds, prepared below.
const { ngec, negatives, news } = extraTrainingData({ gsr: false });
const gsrRecords = readGsr();
const gsr = gsrRecords.map((r) => gsrExample(r));
const foldOf = gsrFolds(gsrRecords.length, folds);
// Each fold's news filter as train:events-filter trains the shipped one (--filter-ngec-weight: NGEC's
// positives, off as in the shipped one; --ngec-weight is the coder's).
const filterWeights = {
  plv: NEWS_FILTER_DEFAULTS.plvWeight,
  ngec: numArg('filter-ngec-weight', NEWS_FILTER_DEFAULTS.ngecWeight),
};
const texts = filterTexts(plvRecords, filterWeights.ngec);

const predictions: string[] = [];
for (let f = 0; f < folds; f++) {
  const train = useGsr ? gsr.filter((x, i): x is TrainSentence => x !== undefined && foldOf[i] !== f) : [];
  const model = trainEventModel(
    [...plv, ...ngec, ...negatives, ...news, ...train],
    trainOptions(DEFAULT_TRAIN),
  );
  const filterCases = filterTrainingExamples(texts, model, filterWeights).all;
  useEventModel(model);
  useNewsFilter(
    trainNewsFilter(filterCases, {
      ...DEFAULT_FILTER_TRAIN,
      threshold: NEWS_FILTER_DEFAULTS.threshold,
      bags: NEWS_FILTER_DEFAULTS.bags,
    }),
  );
  const fold = gsrRecords.filter((_, i) => foldOf[i] === f);
  for (const r of fold)
    predictions.push(
      JSON.stringify({ id: r.id, events: predictedEvents(analyze(r.text, {}, { id: r.id }), 'plover') }),
    );
  console.log(`fold ${f}: ${fold.length} records predicted (${train.length} GSR sentences trained)`);
}
useEventModel(undefined);
useNewsFilter(undefined);
const predFile = path.join(out, 'gsr.pred.jsonl');
writeFileSync(predFile, predictions.join('\n') + '\n');
const gold = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'events', 'plover-gsr-dev.jsonl');
console.log(execFileSync('node', [scorer, gold, predFile], { encoding: 'utf8' }));
