import { hashedRows, MulticlassPerceptron, runEpochs, type TrainerOptions } from '../learn/perceptron.js';
import { seededRandom } from '../util/random.js';
import type { NewsFilterModel } from './news-filter.js';

/*
 * Training of the news filter (news-filter.ts): a binary averaged perceptron, label 1 keep, 0 drop,
 * over events the coder types. Deterministic for a seed.
 */

export interface FilterExample {
  features: readonly number[];
  keep: boolean;
  /** Update weight (hand-labelled news 1; PLV's positives less, see DEFAULT_FILTER_TRAIN). */
  weight: number;
}

export const DEFAULT_FILTER_TRAIN = {
  bits: 14,
  epochs: 10,
  seed: 12,
  /** Kept when keep − drop exceeds this. */
  threshold: 0,
  /**
   * Perceptrons trained on as many shuffles (seeds seed, seed + 1000, …) whose averaged weights are
   * averaged again: one shuffle's order decides which of ~700 labels the last updates see.
   */
  bags: 1,
};
export type FilterTrainOptions = TrainerOptions<typeof DEFAULT_FILTER_TRAIN>;

export function trainNewsFilter(
  examples: readonly FilterExample[],
  opts: FilterTrainOptions,
): NewsFilterModel {
  const bags = opts.bags;
  if (bags === 1) return trainOne(examples, opts);
  let sum: Float32Array | undefined;
  for (let b = 0; b < bags; b++) {
    const one = trainOne(examples, { ...opts, seed: opts.seed + 1000 * b });
    const w = one.weights.data as Float32Array;
    if (!sum) sum = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) sum[i] = sum[i]! + w[i]! / bags;
  }
  return { bits: opts.bits, weights: { data: sum!, scale: 1 }, threshold: opts.threshold };
}

function trainOne(examples: readonly FilterExample[], opts: FilterTrainOptions): NewsFilterModel {
  const p = new MulticlassPerceptron(2, hashedRows(opts.bits), 'f32');
  let errors = 0;
  runEpochs(
    examples.length,
    { epochs: opts.epochs, order: 'fresh-shuffle', random: seededRandom(opts.seed), clock: p },
    (u) => {
      const ex = examples[u]!;
      const gold = ex.keep ? 1 : 0;
      const pred = p.predict(ex.features, ex.features.length);
      if (pred === gold) return;
      errors++;
      p.update(ex.features, ex.features.length, gold, pred, ex.weight);
    },
    (epoch) => {
      opts.log?.(`news filter epoch ${epoch + 1}: ${errors}/${examples.length} errors`);
      errors = 0;
    },
  );
  return {
    bits: opts.bits,
    weights: { data: p.averaged() as Float32Array, scale: 1 },
    threshold: opts.threshold,
  };
}
