/**
 * The attribution training steps shared by `npm run train:attribution` and `npm run cv:attribution`:
 * the cue-edge model and the tagger (several shuffles, their weights averaged), from prepared
 * training articles. Word classes are not here: the features read the committed
 * data/attribution/word-classes.json, which only train:attribution rebuilds.
 */
import { serialiseModel } from '../../src/attribution/model.js';
import { averageModels, trainModel, type TrainDoc } from '../../src/attribution/train.js';
import { serialiseCueSpans, trainCueSpans } from '../../src/attribution/cuespans.js';
import { roleSpans } from '../../src/attribution/link.js';

/** The tagger's training options; the defaults are the committed model's. */
export interface AttributionTrainOptions {
  bits: number;
  epochs: number;
  passes: number;
  folds: number;
  shuffles: number;
  seed: number;
  log?: (msg: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: Omit<AttributionTrainOptions, 'log'> = {
  bits: 18,
  epochs: 8,
  passes: 2,
  folds: 4,
  shuffles: 2,
  seed: 20160912,
};

/** The annotators' cue-edge conventions: a ranker over the spans around each gold cue (model file bytes). */
export function cueSpansFile(docs: readonly TrainDoc[]): Buffer {
  return serialiseCueSpans(
    trainCueSpans(
      docs.map((d) => ({
        ctx: d.ctx,
        cues: roleSpans(d.gold).filter((s) => s.role === 'cue'),
        free: (i: number) => d.gold[i] === 0,
      })),
    ),
  );
}

/**
 * The tagger's model file bytes. Several models trained on different shuffles, their weights
 * averaged: the dev score of a single shuffle swings by about ±0.7 lenient F1; the average is
 * steadier (bagging over orderings).
 */
export function attributionModelFile(docs: readonly TrainDoc[], opts: AttributionTrainOptions): Buffer {
  const models = Array.from({ length: opts.shuffles }, (_, k) => {
    opts.log?.(`shuffle ${k + 1}/${opts.shuffles}`);
    return trainModel(docs, { ...opts, seed: opts.seed + k });
  });
  return serialiseModel(averageModels(models));
}
