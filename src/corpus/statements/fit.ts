/**
 * Fitting the matcher: L2-regularised logistic regression by full-batch gradient descent (fixed
 * steps, zero start: deterministic), then the lowest threshold whose precision on the training
 * pairs reaches the target — precision before recall.
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

export function fitModel(x: readonly number[][], y: readonly boolean[], o: FitOptions = {}): MatcherModel {
  const veto = o.vetoDifferentSpeakers ?? true;
  const weights = fitWeights(x, y, o);
  const speakerDifferent = FEATURES.indexOf('speakerDifferent');
  const kept = x.map((_, i) => i).filter((i) => !(veto && x[i][speakerDifferent] === 1));
  const scores = kept.map((i) => x[i].reduce((s, v, k) => s + v * weights[k], 0));
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
