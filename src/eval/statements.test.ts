import { describe, expect, it } from 'vitest';
import { pairFold, statementFold } from './statements.js';
import type { StatementPair } from './statements-gold.js';

const side = (doc: string, attr = 'at1') => ({ doc, attr, source: [], cue: [], content: [] });
const pair = (id: string, a: string, b: string, label: 'same' | 'different'): StatementPair => ({
  id,
  a: side(a),
  b: side(b),
  label,
  hard: false,
});

describe('statementFold', () => {
  // One statement reported by five articles (its pairs named so that pair folds scatter them), and
  // a second statement of two reports.
  const pairs = [
    pair('p0001', 'a1', 'a2', 'same'),
    pair('p0002', 'a2', 'a3', 'same'),
    pair('p0003', 'a4', 'a3', 'same'),
    pair('p0004', 'a5', 'a1', 'same'),
    pair('p0005', 'b1', 'b2', 'same'),
    pair('p0006', 'a1', 'b1', 'different'),
  ];

  it('puts every pair of one statement in one fold, where pair folds scatter them', () => {
    const fold = statementFold(pairs);
    expect(new Set([0, 1, 2, 3].map(fold)).size).toBe(1);
    expect(new Set([0, 1, 2, 3].map((i) => pairFold(pairs[i].id))).size).toBe(4);
  });

  it('does not depend on the order of the pairs', () => {
    const fold = statementFold(pairs);
    const reversed = [...pairs].reverse();
    const foldReversed = statementFold(reversed);
    pairs.forEach((p, i) => expect(foldReversed(reversed.indexOf(p))).toBe(fold(i)));
  });

  it('gives a different pair the fold of its first report', () => {
    const fold = statementFold(pairs);
    expect(fold(5)).toBe(fold(0));
  });
});
