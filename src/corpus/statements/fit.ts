/**
 * Fitting the matcher: L2-regularised logistic regression by full-batch gradient descent (fixed
 * steps, zero start: deterministic), then the lowest threshold whose precision reaches the target —
 * precision before recall. The threshold is read from out-of-fold scores of an inner
 * cross-validation over the training pairs, not from the pairs the weights were fit on, which
 * flatter it.
 */
import { FEATURES, type MatcherModel } from './similarity.js';

export interface FitOptions {
  iterations?: number;
  rate?: number;
  l2?: number;
  /** Precision the threshold must reach on the training pairs. */
  targetPrecision?: number;
  vetoDifferentSpeakers?: boolean;
  minContentWords?: number;
  /** Inner folds for choosing the threshold (1: on the training scores themselves). */
  thresholdFolds?: number;
}

export function fitWeights(x: readonly number[][], y: readonly boolean[], o: FitOptions = {}): number[] {
  const iterations = o.iterations ?? 4000;
  const rate = o.rate ?? 0.5;
  const l2 = o.l2 ?? 0.001;
  const dim = x[0]?.length ?? FEATURES.length;
  const w = new Array<number>(dim).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(dim).fill(0);
    for (let i = 0; i < x.length; i++) {
      let z = 0;
      for (let k = 0; k < dim; k++) z += w[k] * x[i][k];
      const err = 1 / (1 + Math.exp(-z)) - (y[i] ? 1 : 0);
      for (let k = 0; k < dim; k++) grad[k] += err * x[i][k];
    }
    for (let k = 0; k < dim; k++) w[k] -= rate * (grad[k] / x.length + (k === 0 ? 0 : l2 * w[k]));
  }
  return w;
}

/** The lowest score threshold whose precision on these pairs is at least `target` (else the best). */
export function chooseThreshold(scores: readonly number[], y: readonly boolean[], target: number): number {
  const order = scores.map((s, i) => [s, y[i]] as const).sort((a, b) => b[0] - a[0]);
  let tp = 0;
  let best = { threshold: order[0]?.[0] ?? 0, recall: -1, precision: 0 };
  let bestPrecision = best;
  const positives = y.filter(Boolean).length || 1;
  for (let k = 0; k < order.length; k++) {
    if (order[k][1]) tp++;
    if (k + 1 < order.length && order[k + 1][0] === order[k][0]) continue;
    const precision = tp / (k + 1);
    const recall = tp / positives;
    const here = { threshold: order[k][0], recall, precision };
    if (precision >= target && recall > best.recall) best = here;
    if (
      precision > bestPrecision.precision ||
      (precision === bestPrecision.precision && recall > bestPrecision.recall)
    )
      bestPrecision = here;
  }
  return best.recall >= 0 ? best.threshold : bestPrecision.threshold;
}

const dot = (w: readonly number[], v: readonly number[]) => v.reduce((s, x, k) => s + x * w[k], 0);

/** Scores of the kept pairs, each from weights fit without its inner fold (pair i is in fold i mod k). */
function heldOutScores(
  x: readonly number[][],
  y: readonly boolean[],
  kept: readonly number[],
  weights: readonly number[],
  o: FitOptions,
): number[] {
  const folds = o.thresholdFolds ?? 5;
  if (folds <= 1) return kept.map((i) => dot(weights, x[i]));
  const byFold = Array.from({ length: folds }, (_, f) => {
    const train = x.map((_, i) => i).filter((i) => i % folds !== f);
    return fitWeights(
      train.map((i) => x[i]),
      train.map((i) => y[i]),
      o,
    );
  });
  return kept.map((i) => dot(byFold[i % folds], x[i]));
}

export function fitModel(x: readonly number[][], y: readonly boolean[], o: FitOptions = {}): MatcherModel {
  const veto = o.vetoDifferentSpeakers ?? true;
  const weights = fitWeights(x, y, o);
  const speakerDifferent = FEATURES.indexOf('speakerDifferent');
  const kept = x.map((_, i) => i).filter((i) => !(veto && x[i][speakerDifferent] === 1));
  const scores = heldOutScores(x, y, kept, weights, o);
  const threshold = chooseThreshold(
    scores,
    kept.map((i) => y[i]),
    o.targetPrecision ?? 0.95,
  );
  return {
    about:
      'Statement matcher weights (src/corpus/statements/similarity.ts), fit by scripts/statements/fit-matcher.ts.',
    features: [...FEATURES],
    weights: weights.map((v) => Number(v.toFixed(6))),
    threshold: Number(threshold.toFixed(6)),
    minContentWords: o.minContentWords ?? 3,
    vetoDifferentSpeakers: veto,
  };
}
