import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/random.js';
import {
  AveragedWeights,
  featureGrid,
  hashedRows,
  keyedRows,
  MulticlassPerceptron,
  runEpochs,
  SequencePerceptron,
  shuffleInPlace,
  type EpochOrder,
  type FeatureRows,
} from './perceptron.js';

/**
 * A separable toy problem: point i has label i mod 3, a feature naming its label (1, 2 or 3) and two
 * noise features shared across labels (10 + i mod 5, 20 + i mod 7). Only the label feature separates.
 */
const toy = Array.from({ length: 60 }, (_, i) => ({
  features: [20 + (i % 7), 1 + (i % 3), 10 + (i % 5)],
  label: i % 3,
}));

function trainToy(order: EpochOrder, seed: number, rows: FeatureRows = keyedRows()): MulticlassPerceptron {
  const p = new MulticlassPerceptron(3, rows, 'f64', 4);
  runEpochs(toy.length, { epochs: 5, order, random: seededRandom(seed), clock: p }, (u) => {
    const { features, label } = toy[u];
    const predicted = p.predict(features, features.length);
    if (predicted !== label) p.update(features, features.length, label, predicted);
  });
  return p;
}

describe('AveragedWeights', () => {
  it('averages the weights over the start and the end of every unit', () => {
    const a = new AveragedWeights(2, 'f64');
    const units: Array<Array<[number, number]>> = [
      [[0, 1]],
      [],
      [
        [0, -1],
        [1, 2],
      ],
      [[1, 0.5]],
    ];
    const states: number[][] = [[0, 0]];
    for (const updates of units) {
      for (const [i, v] of updates) a.add(i, v);
      a.tick++;
      states.push([...a.w]);
    }
    const mean = [0, 1].map((i) => states.reduce((s, w) => s + w[i], 0) / states.length);
    expect(a.tick).toBe(states.length);
    const averaged = [...a.averaged()];
    averaged.forEach((x, i) => expect(x).toBeCloseTo(mean[i], 12));
  });

  it('keeps the values when it grows, and rounds to its precision', () => {
    const a = new AveragedWeights(1, 'f32');
    a.add(0, 0.1);
    a.ensure(5);
    expect(a.w.length).toBeGreaterThanOrEqual(5);
    expect(a.w[0]).toBe(Math.fround(0.1));
    expect(a.acc[0]).toBe(Math.fround(0.1));
  });
});

describe('MulticlassPerceptron', () => {
  it('learns a separable problem', () => {
    for (const rows of [keyedRows(), hashedRows(10)]) {
      const p = trainToy('carried-shuffle', 7, rows);
      const averaged = new MulticlassPerceptron(3, rows, 'f64');
      averaged.weights.w.set(p.averaged());
      for (const { features, label } of toy) {
        expect(p.predict(features, features.length)).toBe(label);
        expect(averaged.predict(features, features.length)).toBe(label);
      }
    }
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const a = trainToy('carried-shuffle', 7).averaged();
    expect(trainToy('carried-shuffle', 7).averaged()).toEqual(a);
    expect(trainToy('carried-shuffle', 8).averaged()).not.toEqual(a);
  });

  it('never learns the hidden key 0 of keyed rows, and numbers rows by first update', () => {
    const rows = keyedRows();
    const p = new MulticlassPerceptron(2, rows, 'f64', 1);
    p.update([0, 42, 7], 3, 1, 0);
    expect([...rows.keys()]).toEqual([42, 7]);
    expect(p.score([0, 42], 2, 1)).toBe(1);
    p.adjust([7], 1, 0, 2);
    expect([...p.weights.w.subarray(0, 4)]).toEqual([-1, 1, 1, 1]);
    expect(p.averaged()).toHaveLength(4);
  });
});

describe('SequencePerceptron', () => {
  // Labels O=0, B=1: a position is B when its word is 5; a bigger word after a B keeps it O.
  const words = [
    [3, 5, 4, 5, 2],
    [5, 1],
    [2, 2, 5],
  ];
  const gold = words.map((ws) => Uint8Array.from(ws, (w) => (w === 5 ? 1 : 0)));
  const grids = words.map((ws) =>
    featureGrid(
      ws.map((w) => [w]),
      8,
      2,
    ),
  );

  function greedy(p: SequencePerceptron, k: number): Uint8Array {
    const n = words[k].length;
    const scores = new Float64Array(n * 2);
    p.addEmissions(grids[k], 0, n, scores);
    return Uint8Array.from({ length: n }, (_, t) => (scores[t * 2 + 1] > scores[t * 2] ? 1 : 0));
  }

  it('learns a separable tagging problem with the structured update', () => {
    const p = new SequencePerceptron(2, 8, 'f32');
    const errors: number[] = [];
    runEpochs(
      words.length,
      { epochs: 4, order: 'fixed', clock: p },
      (k, epoch) =>
        (errors[epoch] =
          (errors[epoch] ?? 0) + p.update(gold[k], greedy(p, k), 0, words[k].length, grids[k])),
    );
    expect(errors[0]).toBeGreaterThan(0);
    expect(errors[3]).toBe(0);
    for (let k = 0; k < words.length; k++) expect([...greedy(p, k)]).toEqual([...gold[k]]);
  });

  it('moves emissions by the weight of the labels and transitions from the start row', () => {
    const p = new SequencePerceptron(2, 8, 'f64');
    const errors = p.update([1, 0], [0, 0], 0, 2, featureGrid([[3], [4]], 8, 2), (g) => (g === 1 ? 4 : 1));
    expect(errors).toBe(1);
    expect(p.emit.w[3 * 2 + 1]).toBe(4);
    expect(p.emit.w[3 * 2 + 0]).toBe(-4);
    expect(p.emit.w[4 * 2 + 0]).toBe(0);
    // start row (2) → B up, start → O down; B → O up, O → O down (the label before was wrong)
    expect([...p.trans.w]).toEqual([-1, 0, 1, 0, -1, 1]);
  });
});

describe('runEpochs', () => {
  it('visits every unit once per epoch in a seeded order', () => {
    const seen: number[][] = [[], [], []];
    runEpochs(6, { epochs: 3, order: 'carried-shuffle', random: seededRandom(3) }, (u, e) => seen[e].push(u));
    for (const s of seen) expect([...s].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const again: number[] = [];
    runEpochs(6, { epochs: 1, order: 'carried-shuffle', random: seededRandom(3) }, (u) => again.push(u));
    expect(again).toEqual(seen[0]);
    // A carried shuffle shuffles the previous epoch's order; a fresh one starts from 0…n−1 again.
    const random = seededRandom(3);
    const first = shuffleInPlace([0, 1, 2, 3, 4, 5], random);
    expect(seen[1]).toEqual(shuffleInPlace([...first], random));
    const fresh: number[][] = [[], []];
    runEpochs(6, { epochs: 2, order: 'fresh-shuffle', random: seededRandom(3) }, (u, e) => fresh[e].push(u));
    expect(fresh[0]).toEqual(seen[0]);
    const again2 = seededRandom(3);
    shuffleInPlace([0, 1, 2, 3, 4, 5], again2);
    expect(fresh[1]).toEqual(shuffleInPlace([0, 1, 2, 3, 4, 5], again2));
    expect(fresh[1]).not.toEqual(seen[1]);
  });

  it('refuses a shuffle without a random source', () => {
    expect(() => runEpochs(2, { epochs: 1, order: 'fresh-shuffle' }, () => {})).toThrow(/needs random/);
  });
});
