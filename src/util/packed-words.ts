/*
 * A large word list (wink's 87,593 lexemes) as one text and a table of offsets instead of one string
 * object per word. Every object of the heap costs a start from the V8 snapshot (scripts/
 * build-snapshot.mjs) its share of deserialising, and this list was a quarter of that heap's objects;
 * as one string and one typed array it is two. Words are cut out of the text when they are read.
 */

/** Words `0 … size-1`, each followed by one separator character in `text`. */
export class PackedWords {
  /** Where each word starts in `text`, and one more entry: the text's length plus one. */
  private readonly starts: Uint32Array;

  constructor(
    private readonly text: string,
    separator: string,
  ) {
    const starts: number[] = [0];
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1))
      starts.push(at + 1);
    starts.push(text.length + 1);
    this.starts = Uint32Array.from(starts);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  word(k: number): string {
    return this.text.slice(this.starts[k], this.starts[k + 1]! - 1);
  }

  /** The sign of `word(k)` against `other` as JavaScript orders strings (by UTF-16 code units). */
  compare(k: number, other: string): number {
    const start = this.starts[k]!;
    const length = this.starts[k + 1]! - 1 - start;
    const n = Math.min(length, other.length);
    for (let i = 0; i < n; i += 1) {
      const d = this.text.charCodeAt(start + i) - other.charCodeAt(i);
      if (d !== 0) return d;
    }
    return length - other.length;
  }
}

/**
 * The words as the array wink's code uses (read `list[k]`, `list.length`, `push` a learnt word;
 * `slice` and the other array methods work through those): the packed words first, then the ones
 * pushed since, kept in an array of their own.
 */
export function packedWordList(words: PackedWords): string[] {
  const size = words.size;
  const added: string[] = [];
  const push = (...more: string[]): number => size + added.push(...more);
  const index = (key: string | symbol): number =>
    typeof key === 'string' && key.length > 0 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57
      ? Number(key)
      : NaN;
  return new Proxy<string[]>([], {
    get(target, key, receiver) {
      const k = index(key);
      if (!Number.isNaN(k)) return k < size ? words.word(k) : added[k - size];
      if (key === 'length') return size + added.length;
      if (key === 'push') return push;
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      const k = index(key);
      return Number.isNaN(k) ? Reflect.has(target, key) : k < size + added.length;
    },
    set(target, key, value) {
      const k = index(key);
      if (Number.isNaN(k)) return Reflect.set(target, key, value);
      // The model's own words stay as they are.
      if (k < size) return false;
      added[k - size] = value as string;
      return true;
    },
  });
}

/**
 * A word → position table as wink's code uses it (read a word's position, add a new word, set one to
 * undefined), where the packed words are found by binary search over `order`: the positions of the
 * words in sorted order, each word once, at the position a table built by `table[word] = k` keeps.
 */
export function packedWordIndex(words: PackedWords, order: Uint32Array): Record<string, number> {
  const find = (word: string): number | undefined => {
    let lo = 0;
    let hi = order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = words.compare(order[mid]!, word);
      if (d === 0) return order[mid];
      if (d < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const added = Object.create(null) as Record<string, number>;
  return new Proxy(added, {
    get: (target, key) => (typeof key !== 'string' ? undefined : (target[key] ?? find(key))),
  });
}
