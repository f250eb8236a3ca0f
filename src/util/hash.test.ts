import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, fnv1a, fnv1aRange, fnvOn, fnvStep, mixKey } from './hash.js';

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

  it('steps through a string as fnv1a reads it (the shape hashes step over classes instead)', () => {
    let h = FNV_OFFSET;
    for (const c of 'Rütte') h = fnvStep(h, c.charCodeAt(0));
    expect(h >>> 0).toBe(fnv1a('Rütte'));
    expect(fnvOn(fnvOn(FNV_OFFSET, 'Rü'), 'tte') >>> 0).toBe(fnv1a('Rütte'));
    expect(fnv1a('a')).toBe(0xe40c292c); // the published FNV-1a 32-bit value of "a"
  });

  it('never gives the hidden key 0 and tells its parts apart', () => {
    expect(mixKey(1, 2, 3)).not.toBe(mixKey(1, 3, 2));
    expect(mixKey(0, 0)).not.toBe(0);
  });
});
