import { fnvOn, FNV_OFFSET } from './hash.js';

/*
 * A Bloom filter over a set of words, in front of the set: most words a hot loop asks about are not in
 * it, and telling so from a few kilobytes of bits, by a hash read from the word's characters, costs
 * less than a Map or Set lookup (which reads the table and the keys' strings, far apart in memory,
 * and hashes a new string in full first).
 */

/** Bits per word of the set, at least: with two bits a word, about 1 % of other words pass. */
const BITS_PER_WORD = 32;

export class WordFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const list = [...words];
    let size = 1 << 10;
    while (size < list.length * BITS_PER_WORD) size <<= 1;
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
    for (const w of list) {
      const h = fnvOn(FNV_OFFSET, w);
      this.set(h);
      this.set(second(h));
    }
  }

  /** False when `w` is surely not in the set; true when it may be (ask the set). */
  mayHold(w: string): boolean {
    const h = fnvOn(FNV_OFFSET, w);
    return this.has(h) && this.has(second(h));
  }

  private set(h: number): void {
    const b = h & this.mask;
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  private has(h: number): boolean {
    const b = h & this.mask;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** A second bit position from the same hash (its high bits mixed down). */
function second(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 7;
}
