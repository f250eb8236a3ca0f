import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aRange, mixKey } from './hash.js';

describe('feature hashing', () => {
  it('hashes a range as its slice, clamped as slice clamps', () => {
    const s = 'attacked';
    for (const [a, b] of [
      [0, 8],
      [4, 8],
      [-4, 8],
      [0, 1],
      [6, 20],
      [5, 5],
    ] as const)
      expect(fnv1aRange(s, a, b)).toBe(fnv1a(s.slice(Math.max(0, a), b)));
    expect(fnv1a('')).toBe(0x811c9dc5);
  });

  it('never gives the hidden key 0 and tells its parts apart', () => {
    expect(mixKey(1, 2, 3)).not.toBe(mixKey(1, 3, 2));
    expect(mixKey(0, 0)).not.toBe(0);
  });
});
