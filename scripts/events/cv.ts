/**
 * 5-fold cross-validation of the event coder on PLV (../shared/data/events/plv-train.jsonl): each
 * fold trains on the other four fifths plus the NGEC stories, then predicts its fifth with the full
 * pipeline (as `newsgraph predict events --scheme plover`), scored by ../shared/tools/score-dyads.mjs.
 * Prints each fold's figures and their mean; writes gold and prediction files per fold to --out.
 *
 *   npm run cv:events [-- --out DIR --folds 5 --only K --type-epochs N --ngec-weight W --filter-ngec-weight W --models DIR …]
 *
 * Each fold's news filter (src/events/news-filter.ts) is trained as the shipped one is, on the labelled
 * news triggers and the fold's training PLV sentences (--news-filter 0 leaves it out).
 *
 * --models DIR keeps each fold's model file there and reuses it on the next run, so a change to the
 * decoding rules alone is compared on the same models (the saved files are the quantised ones, so a
 * run from kept models differs from a fresh run by a few thousandths).
 *
 * --grid-threshold / --grid-secondary decode each fold's model at several margins; each setting gets
 * the gate and the news filter a default at that setting would ship (vocabulary at threshold − slack,
 * filter trained on the events coded at it), so no retraining is needed to compare them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/util/data.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { deserialiseEventModel, serialiseEventModel, useEventModel } from '../../src/events/model.js';
import {
  DEFAULT_TRAIN,
  trainEventModel,
  triggerVocabulary,
  type TrainSentence,
} from '../../src/events/train.js';
import { predictedEvents } from '../../src/eval/events.js';
import { useNewsFilter } from '../../src/events/news-filter.js';
import { DEFAULT_FILTER_TRAIN, trainNewsFilter } from '../../src/events/news-filter-train.js';
import { extraTrainingData, plvExample, plvFolds, readPlv } from './corpus.js';
import { filterTexts, filterTrainingExamples } from './news-filter-data.js';
import { NEWS_FILTER_DEFAULTS } from './train-news-filter-options.js';
import { listArg, numArg, strArg, trainOptions } from './options.js';

const FIGURES = [
  'typeRecall',
  'typePrecisionLowerBound',
  'sourceRecall',
  'dyadRecall',
  'eventsPerRecord',
] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

const folds = numArg('folds', 5);
const only = numArg('only', -1);
const out = strArg('out', path.join(tmpdir(), 'newsgraph-cv-events'));
mkdirSync(out, { recursive: true });
const scorer = path.resolve(PROJECT_ROOT, '..', 'shared', 'tools', 'score-dyads.mjs');

const records = readPlv();
const examples = records.map(plvExample);
const { ngec, negatives, news, gsr } = extraTrainingData();
const foldOf = plvFolds(records.length, folds);

// Decision margins to compare (each fold's model is trained once and decoded at each).
const thresholds = listArg('grid-threshold', DEFAULT_TRAIN.threshold);
const secondaries = listArg('grid-secondary', DEFAULT_TRAIN.secondary);
// Sentence gates to compare: trigger vocabularies of each (slack, share) (see triggerVocabulary).
const slacks = listArg('grid-gate-slack', DEFAULT_TRAIN.gateSlack);
const shares = listArg('grid-gate-share', DEFAULT_TRAIN.gateShare);
const combos = thresholds.flatMap((threshold) =>
  secondaries.flatMap((secondary) =>
    slacks.flatMap((gateSlack) =>
      shares.map((gateShare) => ({ threshold, secondary, gateSlack, gateShare })),
    ),
  ),
);
const labelOf = (c: (typeof combos)[number]) =>
  combos.length > 1
    ? ` (threshold ${c.threshold}, secondary ${c.secondary}, gate slack ${c.gateSlack}, share ${c.gateShare})`
    : '';
// The news filter of each fold: trained, as train-news-filter.ts trains the shipped one, on the labelled
// news events, the training fold's PLV positives and (--filter-ngec-weight above 0, off as in the shipped
// one; --ngec-weight is the coder's) NGEC's, all coded by the fold's model (--news-filter 0: none).
const withFilter = numArg('news-filter', 1) > 0;
const filterWeights = {
  plv: numArg('plv-weight', NEWS_FILTER_DEFAULTS.plvWeight),
  ngec: numArg('filter-ngec-weight', NEWS_FILTER_DEFAULTS.ngecWeight),
};
const filterThreshold = numArg('filter-threshold', NEWS_FILTER_DEFAULTS.threshold);
const filterBags = numArg('filter-bags', NEWS_FILTER_DEFAULTS.bags);
const texts = withFilter ? filterTexts(records, filterWeights.ngec) : undefined;
function foldFilter(f: number, model: ReturnType<typeof trainEventModel>) {
  if (!texts) return null;
  const { all } = filterTrainingExamples(texts, model, filterWeights, (i) => foldOf[i] !== f);
  return trainNewsFilter(all, {
    ...DEFAULT_FILTER_TRAIN,
    threshold: filterThreshold,
    bags: filterBags,
  });
}
const modelDir = strArg('models', '');
if (modelDir) mkdirSync(modelDir, { recursive: true });
/** A fold's model: the one kept in --models when there is one, else trained (and kept). */
function foldModel(
  f: number,
  train: () => ReturnType<typeof trainEventModel>,
): ReturnType<typeof trainEventModel> {
  const file = path.join(modelDir, `fold${f}.bin.gz`);
  if (modelDir && existsSync(file)) return deserialiseEventModel(readFileSync(file));
  const model = train();
  if (!modelDir) return model;
  writeFileSync(file, serialiseEventModel(model));
  return deserialiseEventModel(readFileSync(file));
}
const rows = combos.map(() => [] as Array<Figures & { fold: number }>);
const allPred: string[] = [];
for (let f = 0; f < folds; f++) {
  if (only >= 0 && f !== only) continue;
  const train = examples.filter((x, i): x is TrainSentence => x !== undefined && foldOf[i] !== f);
  const model = foldModel(f, () =>
    trainEventModel([...train, ...ngec, ...negatives, ...news, ...gsr], trainOptions(DEFAULT_TRAIN)),
  );
  // The filter learns from the events the coder hands it: one per decoding setting (a default threshold
  // T trains the shipped filter on events coded at T, as train:events-filter does).
  const filters = new Map<string, ReturnType<typeof foldFilter>>();
  const fold = records.filter((_, i) => foldOf[i] === f);
  const goldFile = path.join(out, `fold${f}.gold.jsonl`);
  writeFileSync(goldFile, fold.map((r) => JSON.stringify(r)).join('\n') + '\n');
  combos.forEach((combo, c) => {
    // The model's own gate only where it was built: at its threshold and the default slack and share
    // (a lower threshold lets words through that the gate at the model's threshold never opened).
    const own =
      combo.threshold === model.threshold &&
      combo.gateSlack === DEFAULT_TRAIN.gateSlack &&
      combo.gateShare === DEFAULT_TRAIN.gateShare;
    const vocabulary = own
      ? model.vocabulary
      : triggerVocabulary(
          [...train, ...ngec, ...negatives, ...news, ...gsr],
          model,
          combo.threshold - combo.gateSlack,
          combo.gateShare,
        );
    const decoder = { ...model, threshold: combo.threshold, secondary: combo.secondary, vocabulary };
    const key = JSON.stringify(combo);
    if (!filters.has(key)) filters.set(key, foldFilter(f, decoder));
    useNewsFilter(filters.get(key)!);
    useEventModel(decoder);
    const pred = fold.map((r) =>
      JSON.stringify({
        id: r.id,
        events: predictedEvents(analyze(r.text, {}, { id: r.id }), 'plover', 'plv'),
      }),
    );
    const predFile = path.join(out, `fold${f}${combos.length > 1 ? `.c${c}` : ''}.pred.jsonl`);
    writeFileSync(predFile, pred.join('\n') + '\n');
    if (c === 0) allPred.push(...pred);
    const scored = JSON.parse(
      execFileSync('node', [scorer, goldFile, predFile, '--json'], { encoding: 'utf8' }),
    ) as Figures;
    rows[c]!.push({ fold: f, ...scored });
    console.log(
      `fold ${f}${labelOf(combo)}: ${FIGURES.map((k) => `${k} ${scored[k].toFixed(3)}`).join('  ')}`,
    );
  });
}
useEventModel(undefined);
useNewsFilter(undefined);
writeFileSync(path.join(out, 'all.pred.jsonl'), allPred.join('\n') + '\n');
combos.forEach((combo, c) => {
  const r = rows[c]!;
  const mean = Object.fromEntries(
    FIGURES.map((k) => [k, r.reduce((s, x) => s + x[k], 0) / r.length]),
  ) as Figures;
  console.log(`mean${labelOf(combo)}: ${FIGURES.map((k) => `${k} ${mean[k].toFixed(3)}`).join('  ')}`);
  if (combos.length === 1)
    console.log(
      JSON.stringify({
        folds: r.map(({ fold, ...x }) => ({ fold, ...Object.fromEntries(FIGURES.map((k) => [k, x[k]])) })),
        mean,
      }),
    );
});
