/**
 * The LSH buckets of the statement index in typed arrays: an open-addressing table from a 53-bit
 * band key to the newest of its postings, and each posting (a report number and the posting filed
 * before it under the same key) in fixed-size chunks. A million reports file ~60 million postings
 * under ~40 million keys; as Maps of arrays of string ids that took ~7 KB per report, here ~20 bytes
 * a posting and ~12 per table slot.
 */

const TWO_32 = 4294967296;
/** Postings per chunk (two Int32Arrays of 16 MB): chunks are added, never copied. */
const CHUNK_BITS = 22;
const CHUNK = 1 << CHUNK_BITS;
const FIRST_CHUNK = 1 << 12;
const EMPTY = -1;

function grown(a: Int32Array, length: number): Int32Array {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

export class KeyTable {
  private hi = new Uint32Array(0);
  private lo = new Uint32Array(0);
  /** The newest posting of the key in each slot, or EMPTY. */
  private head = new Int32Array(0);
  private keys = 0;
  private readonly reports: Int32Array[] = [];
  private readonly next: Int32Array[] = [];
  private postings = 0;

  constructor(initialSlots = 1 << 12) {
    this.resize(initialSlots);
  }

  /** Files `report` under `key` (a non-negative integer below 2^53). */
  add(key: number, report: number): void {
    if ((this.keys + 1) * 10 > this.head.length * 7) this.resize(this.head.length * 2);
    const hi = Math.floor(key / TWO_32);
    const lo = key % TWO_32;
    const slot = this.slotOf(hi, lo);
    if (this.head[slot] === EMPTY) {
      this.hi[slot] = hi;
      this.lo[slot] = lo;
      this.keys++;
    }
    const p = this.postings++;
    if ((p & (CHUNK - 1)) === 0) {
      // The first chunk starts small (a small corpus), later ones are full.
      const length = p === 0 ? FIRST_CHUNK : CHUNK;
      this.reports.push(new Int32Array(length));
      this.next.push(new Int32Array(length));
    } else if (p === this.reports[0].length) {
      this.reports[0] = grown(this.reports[0], 2 * p);
      this.next[0] = grown(this.next[0], 2 * p);
    }
    this.reports[p >>> CHUNK_BITS][p & (CHUNK - 1)] = report;
    this.next[p >>> CHUNK_BITS][p & (CHUNK - 1)] = this.head[slot];
    this.head[slot] = p;
  }

  /** Calls `visit` with every report filed under `key`, once per filing, newest first. */
  forEach(key: number, visit: (report: number) => void): void {
    let p = this.head[this.slotOf(Math.floor(key / TWO_32), key % TWO_32)];
    while (p !== EMPTY) {
      visit(this.reports[p >>> CHUNK_BITS][p & (CHUNK - 1)]);
      p = this.next[p >>> CHUNK_BITS][p & (CHUNK - 1)];
    }
  }

  get size(): { keys: number; postings: number } {
    return { keys: this.keys, postings: this.postings };
  }

  /** The slot holding the key, or the empty slot where it goes (linear probing). */
  private slotOf(hi: number, lo: number): number {
    const mask = this.head.length - 1;
    // Keys are hashes already: their low bits spread evenly.
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.head[slot] !== EMPTY && (this.lo[slot] !== lo || this.hi[slot] !== hi))
      slot = (slot + 1) & mask;
    return slot;
  }

  private resize(slots: number): void {
    const { hi, lo, head } = this;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.head = new Int32Array(slots).fill(EMPTY);
    for (let s = 0; s < head.length; s++) {
      if (head[s] === EMPTY) continue;
      const slot = this.slotOf(hi[s], lo[s]);
      this.hi[slot] = hi[s];
      this.lo[slot] = lo[s];
      this.head[slot] = head[s];
    }
  }
}
