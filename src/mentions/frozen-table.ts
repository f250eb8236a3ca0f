/** A word or name hash → small value table, as the tagger reads it (a Map while training). */
export interface NumberTable {
  readonly size: number;
  get(key: number): number | undefined;
  entries(): Iterable<[number, number]>;
}

/** A set of hashes, as the gazetteer reads it (a Set while training). */
export interface NumberSet {
  has(key: number): boolean;
  keys(): Iterable<number>;
}

/**
 * A loaded model's read-only table of unsigned 32-bit keys (word and name hashes) to values below
 * 65,535, in two typed arrays (open addressing). A Map of the same entries is a hash table plus one
 * heap object per key above 2^31 (a boxed number); the loaded model lives in every start-up
 * snapshot (scripts/build-snapshot.mjs), where each object costs the start its deserialising.
 */
export class FrozenTable implements NumberTable, NumberSet {
  private readonly slots: Uint32Array;
  /** The value plus one at a used slot, 0 at a free one. */
  private readonly values: Uint16Array;
  private readonly mask: number;
  readonly size: number;

  /** `values` absent: a set (every key maps to 1). Keys must be distinct. */
  constructor(keys: ArrayLike<number>, values?: ArrayLike<number>) {
    let cap = 2;
    while (cap < keys.length * 2) cap <<= 1;
    this.slots = new Uint32Array(cap);
    this.values = new Uint16Array(cap);
    this.mask = cap - 1;
    this.size = keys.length;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = values ? values[i]! : 1;
      if (key >>> 0 !== key || !(value >= 0 && value < 0xffff && Number.isInteger(value)))
        throw new Error(`frozen table: entry ${key} → ${value} out of range`);
      let p = this.slotOf(key);
      while (this.values[p] !== 0) {
        if (this.slots[p] === key) throw new Error(`frozen table: key ${key} twice`);
        p = (p + 1) & this.mask;
      }
      this.slots[p] = key;
      this.values[p] = value + 1;
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key ^ (key >>> 16), 0x45d9f3b) & this.mask;
  }

  get(key: number): number | undefined {
    if (key >>> 0 !== key) return undefined;
    for (let p = this.slotOf(key); this.values[p] !== 0; p = (p + 1) & this.mask)
      if (this.slots[p] === key) return this.values[p]! - 1;
    return undefined;
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  /** In slot order (callers that need an order sort). */
  *entries(): IterableIterator<[number, number]> {
    for (let p = 0; p < this.values.length; p++)
      if (this.values[p] !== 0) yield [this.slots[p]!, this.values[p]! - 1];
  }

  *keys(): IterableIterator<number> {
    for (const [key] of this.entries()) yield key;
  }
}
