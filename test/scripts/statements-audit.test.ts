import { describe, expect, it } from 'vitest';
import { agreement, drawSample, stratumOf } from '../../scripts/statements/audit-lib.js';

describe('statements gold audit (scripts/statements/audit-lib.ts)', () => {
  it("gives raw agreement, Cohen's kappa and agreement on each gold class", () => {
    // Ten pairs, half same: the reader flips one of each class. Observed 0.8, chance 0.5 → kappa 0.6.
    const rows = [
      ...Array.from({ length: 4 }, () => ({ gold: 'same', mine: 'same' })),
      { gold: 'same', mine: 'different' },
      ...Array.from({ length: 4 }, () => ({ gold: 'different', mine: 'different' })),
      { gold: 'different', mine: 'same' },
    ];
    const a = agreement(rows);
    expect(a.agree).toBe(8);
    expect(a.kappa).toBeCloseTo(0.6, 10);
    expect(a.onSame).toEqual([4, 5]);
    expect(a.onDifferent).toEqual([4, 5]);
    // Chance agreement is not agreement: a reader who calls everything different agrees on 9 of 10
    // pairs with a gold of one same pair, and earns no kappa.
    const lazy = agreement([
      { gold: 'same', mine: 'different' },
      ...rows.slice(5, 9),
      ...rows.slice(5, 9),
      rows[5],
    ]);
    expect(lazy.agree).toBe(9);
    expect(lazy.kappa).toBeCloseTo(0, 10);
  });

  it('draws the asked number from each stratum, the same pairs for the same seed, in shuffled order', () => {
    const pairs = Array.from({ length: 60 }, (_, i) => ({
      id: `p${i}`,
      label: i < 20 ? 'same' : 'different',
      hard: i >= 20 && i < 40,
    }));
    const sample = drawSample(pairs, { same: 5, hard: 4, easy: 3 }, 15);
    const count = (s: string) => sample.filter((x) => stratumOf(x.pair) === s).length;
    expect([count('same'), count('hard'), count('easy')]).toEqual([5, 4, 3]);
    expect(new Set(sample.map((x) => x.pair.id)).size).toBe(12);
    expect(sample.map((x) => x.auditId).slice(0, 2)).toEqual(['A001', 'A002']);
    expect(drawSample(pairs, { same: 5, hard: 4, easy: 3 }, 15)).toEqual(sample);
    expect(drawSample(pairs, { same: 5, hard: 4, easy: 3 }, 16)).not.toEqual(sample);
    // Shuffled across strata: the first five are not simply the same pairs.
    expect(sample.slice(0, 5).every((x) => x.pair.label === 'same')).toBe(false);
  });
});
