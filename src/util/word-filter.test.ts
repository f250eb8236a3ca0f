import { describe, expect, it } from 'vitest';
import { WordFilter } from './word-filter.js';

describe('WordFilter', () => {
  const words = Array.from({ length: 3000 }, (_, n) => `word${n}`);
  const filter = new WordFilter(words);

  it('passes every word of its set', () => {
    expect(words.filter((w) => !filter.mayHold(w))).toEqual([]);
    expect(new WordFilter(['police', 'the', '']).mayHold('')).toBe(true);
  });

  it('stops nearly every other word', () => {
    const others = Array.from({ length: 20000 }, (_, n) => `other${n}`);
    const passed = others.filter((w) => filter.mayHold(w)).length;
    expect(passed / others.length).toBeLessThan(0.02);
  });
});
