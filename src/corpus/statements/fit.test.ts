import { describe, expect, it } from 'vitest';
import {
  bootstrapThreshold,
  calibratedThreshold,
  chooseThreshold,
  fitModel,
  plattScaling,
  type ThresholdRule,
} from './fit.js';

/** `n` scores drawn in [-5, 5) and labels drawn from p = 1 / (1 + exp(-(2s - 1))), from a fixed seed. */
function sample(seed = 7, n = 201): { scores: number[]; y: boolean[] } {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
  const scores: number[] = [];
  const y: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const s = Math.round((next() * 10 - 5) * 100) / 100;
    scores.push(s);
    y.push(next() < 1 / (1 + Math.exp(-(2 * s - 1))));
  }
  return { scores, y };
}

describe('threshold rules', () => {
  it('Platt scaling recovers the slope and offset the labels were drawn from', () => {
    const { scores, y } = sample();
    const { a, b } = plattScaling(scores, y);
    expect(a).toBeGreaterThan(1.2);
    expect(a).toBeLessThan(3);
    expect(b).toBeGreaterThan(-2);
    expect(b).toBeLessThan(0);
  });

  it('the calibrated threshold varies less than the counted one from one sample of pairs to the next', () => {
    const spread = (xs: number[]) => {
      const m = xs.reduce((a, v) => a + v, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, v) => a + (v - m) ** 2, 0) / xs.length);
    };
    const counted: number[] = [];
    const calibrated: number[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      const { scores, y } = sample(seed, 150);
      counted.push(chooseThreshold(scores, y, 0.95));
      calibrated.push(calibratedThreshold(scores, y, 0.95));
    }
    expect(spread(calibrated)).toBeLessThan(spread(counted));
  });

  it('the calibrated threshold keeps the expected precision of the pairs above it at the target', () => {
    const { scores, y } = sample();
    const t = calibratedThreshold(scores, y, 0.95);
    const { a, b } = plattScaling(scores, y);
    const above = scores.filter((s) => s >= t).map((s) => 1 / (1 + Math.exp(-(a * s + b))));
    expect(above.reduce((sum, p) => sum + p, 0) / above.length).toBeGreaterThanOrEqual(0.95);
  });

  it('the bootstrap threshold is one of the scores and the same on every run', () => {
    const { scores, y } = sample();
    const t = bootstrapThreshold(scores, y, 0.95);
    expect(scores).toContain(t);
    expect(bootstrapThreshold(scores, y, 0.95)).toBe(t);
  });

  it('pooling inner partitions steadies the threshold against the order of the same pairs', () => {
    const { scores, y } = sample(11, 160);
    const spreadOver = (rule: ThresholdRule) => {
      const found: number[] = [];
      for (let shift = 0; shift < 6; shift++) {
        // The same pairs shuffled: each lands in another inner fold (pair i is in fold i mod 5).
        let state = shift + 1;
        const order = scores.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          const j = Math.floor((state / 4294967296) * (i + 1));
          [order[i], order[j]] = [order[j], order[i]];
        }
        const model = fitModel(
          order.map((i) => [1, scores[i]]),
          order.map((i) => y[i]),
          { thresholdRule: rule, iterations: 300 },
        );
        found.push(model.threshold / model.weights[1]);
      }
      return Math.max(...found) - Math.min(...found);
    };
    expect(spreadOver('repeated')).toBeLessThan(spreadOver('empirical'));
  });
});
