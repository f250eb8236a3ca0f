import { describe, expect, it } from 'vitest';
import { PackedWords, packedWordIndex, packedWordList } from './packed-words.js';

const WORDS = ['$oov$', '\n', 'Zebra', 'apple', 'été', 'apples', 'app', 'zebra', 'apple'];
const packed = () => new PackedWords(WORDS.join('\u0000'), '\u0000');

/** Positions in sorted word order, each word at its last position (as `table[word] = k` keeps it). */
function sortedOrder(words: readonly string[]): Uint32Array {
  const last = new Map<string, number>();
  words.forEach((w, k) => last.set(w, k));
  const sorted = [...last.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Uint32Array.from(sorted, (w) => last.get(w)!);
}

describe('PackedWords', () => {
  it('cuts each word out of the text and orders words as JavaScript compares strings', () => {
    const words = packed();
    expect(words.size).toBe(WORDS.length);
    expect(WORDS.map((_, k) => words.word(k))).toEqual(WORDS);
    for (let k = 0; k < WORDS.length; k++)
      for (const other of [...WORDS, '', 'appl', 'applesauce', 'Été', '\uffff']) {
        const w = WORDS[k]!;
        expect(Math.sign(words.compare(k, other)), `${w} vs ${other}`).toBe(
          w < other ? -1 : w > other ? 1 : 0,
        );
      }
  });
});

describe('packedWordList', () => {
  it('reads like the array of its words, and takes new words after them', () => {
    const list = packedWordList(packed());
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(WORDS.length);
    expect(list[2]).toBe('Zebra');
    expect(list[WORDS.length]).toBeUndefined();
    expect(list.push('kiwi')).toBe(WORDS.length + 1);
    expect(list[WORDS.length]).toBe('kiwi');
    expect(list.slice(WORDS.length - 2, WORDS.length + 1)).toEqual(['zebra', 'apple', 'kiwi']);
    expect(WORDS.length in list).toBe(true);
    expect(WORDS.length + 1 in list).toBe(false);
    expect([...list]).toEqual([...WORDS, 'kiwi']);
  });
});

describe('packedWordIndex', () => {
  it('finds what a table built word by word holds, and keeps words added or hidden later', () => {
    const table = Object.create(null) as Record<string, number | undefined>;
    WORDS.forEach((w, k) => (table[w] = k));
    const index = packedWordIndex(packed(), sortedOrder(WORDS)) as Record<string, number | undefined>;
    for (const w of [...WORDS, 'appl', 'Apple', 'constructor', '__proto__', 'toString', ''])
      expect(index[w], w).toBe(table[w]);
    index.kiwi = 9;
    index.apple = undefined;
    expect(index.kiwi).toBe(9);
    // A word hidden with undefined reads as the packed words say (how src/events/tagger.ts hides them).
    expect(index.apple).toBe(8);
  });
});
