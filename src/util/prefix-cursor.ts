/**
 * The entries of a sorted list of strings that start with the characters read so far, one character
 * at a time: the range of such entries only narrows, so each step is two binary searches on one
 * character inside it, with no string built and no whole-string comparison. `sorted` must be sorted
 * by UTF-16 code units (the order of `<` on strings) and hold no duplicates.
 */
/**
 * Marks hold two indices below 2^15 in one number below 2^30: a small integer V8 keeps unboxed, so a
 * table of marks in the start-up snapshot holds no number objects.
 */
const MARK_BASE = 2 ** 15;

export class PrefixCursor {
  private lo = 0;
  private hi = 0;
  private depth = 0;

  constructor(private readonly sorted: readonly string[]) {
    if (sorted.length >= MARK_BASE) throw new Error('PrefixCursor: too many entries');
    this.reset();
  }

  /** Back to the empty prefix (every entry). */
  reset(): void {
    this.lo = 0;
    this.hi = this.sorted.length;
    this.depth = 0;
  }

  /**
   * The entries that start with what was read, as one number to come back to them with `seek` (a
   * table of marks keeps no object per prefix).
   */
  mark(): number {
    return this.lo * MARK_BASE + this.hi;
  }

  /** Back to a `mark`, taken after reading `depth` characters. */
  seek(mark: number, depth: number): void {
    this.lo = Math.floor(mark / MARK_BASE);
    this.hi = mark % MARK_BASE;
    this.depth = depth;
  }

  /** Reads one more character (a UTF-16 code unit); false once no entry starts with what was read. */
  read(code: number): boolean {
    const { sorted, depth } = this;
    // Inside the range every entry starts with the same `depth` characters, so they are sorted by the
    // character at `depth` (the entry that ends there, if any, first).
    let lo = this.lo;
    let hi = this.hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (charAt(sorted[mid]!, depth) < code) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = this.hi;
    while (end < hi) {
      const mid = (end + hi) >> 1;
      if (charAt(sorted[mid]!, depth) <= code) end = mid + 1;
      else hi = mid;
    }
    this.lo = lo;
    this.hi = end;
    this.depth = depth + 1;
    return lo < end;
  }

  /** Reads the characters of `s` from `from` on; false once no entry starts with what was read. */
  readString(s: string, from = 0): boolean {
    for (let k = from; k < s.length; k++) if (!this.read(s.charCodeAt(k))) return false;
    return this.lo < this.hi;
  }

  /** The entry equal to what was read, if there is one. */
  whole(): string | undefined {
    const first = this.sorted[this.lo];
    return this.lo < this.hi && first!.length === this.depth ? first : undefined;
  }
}

/** The character code at `at`, or -1 past the end (an entry that ends sorts before its extensions). */
function charAt(s: string, at: number): number {
  return at < s.length ? s.charCodeAt(at) : -1;
}
