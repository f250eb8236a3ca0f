import { fnv1a, mixKey } from '../../learn/hash.js';

/*
 * The tagger's features of a word (greedy left to right, as Honnibal's averaged-perceptron tagger):
 * the word, its affixes, shape and hyphen head, its neighbours two either side, and the tags already
 * chosen for the two words before it. What does not depend on the chosen tags is computed once per
 * sentence (`wordFeatures`); `featuresAt` adds the tag features for one position.
 */

/** Per-word hashes a sentence's features are made of. */
interface WordHashes {
  lower: Uint32Array;
  suffix3: Uint32Array;
}

/** A sentence's tag-independent features: `STATIC` keys per word, then the word hashes. */
export interface SentenceFeatures {
  readonly length: number;
  readonly fixed: Uint32Array;
  readonly words: WordHashes;
}

/** Keys per word that do not depend on the chosen tags. */
const STATIC = 16;
/** Keys per word in all (the tag features added). */
export const FEATURES_PER_WORD = STATIC + 5;
/** Hash of the sentence's edges (before the first word, after the last). */
const EDGE = fnv1a('<edge>');

/** "Obama" → "Xx", "U.S." → "X.X.", "1,200" → "d,d": character classes, runs collapsed. */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = classOf(ch);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** A character's class in a shape: X, x, d, or the character itself (ASCII without a regular expression). */
function classOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return 'X';
    if (code >= 97 && code <= 122) return 'x';
    if (code >= 48 && code <= 57) return 'd';
    return ch;
  }
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
}

/** The tag-independent features of each word of a sentence. */
export function wordFeatures(words: readonly string[]): SentenceFeatures {
  const n = words.length;
  const lower = new Uint32Array(n);
  const suffix3 = new Uint32Array(n);
  const lowered = words.map((w) => w.toLowerCase());
  for (let i = 0; i < n; i++) {
    lower[i] = fnv1a(lowered[i]!);
    suffix3[i] = fnv1a(lowered[i]!.slice(-3));
  }
  const at = (a: Uint32Array, i: number) => (i < 0 || i >= n ? EDGE : a[i]!);
  const fixed = new Uint32Array(n * STATIC);
  for (let i = 0; i < n; i++) {
    const word = words[i]!;
    const low = lowered[i]!;
    const hyphen = low.lastIndexOf('-');
    const head = hyphen > 0 && hyphen < low.length - 1 ? low.slice(hyphen + 1) : '';
    const keys = [
      mixKey(0, 0),
      mixKey(1, lower[i]!),
      mixKey(2, suffix3[i]!),
      mixKey(3, fnv1a(low.slice(-4))),
      mixKey(4, fnv1a(low.slice(-2))),
      mixKey(5, fnv1a(word.slice(0, 1))),
      mixKey(6, fnv1a(shapeOf(word)), i === 0 ? 1 : 0),
      mixKey(7, at(lower, i - 1)),
      mixKey(8, at(suffix3, i - 1)),
      mixKey(9, at(lower, i + 1)),
      mixKey(10, at(suffix3, i + 1)),
      mixKey(11, at(lower, i - 2)),
      mixKey(12, at(lower, i + 2)),
      mixKey(13, at(lower, i - 1), lower[i]!),
      mixKey(14, lower[i]!, at(lower, i + 1)),
      head ? mixKey(15, fnv1a(head)) : mixKey(15, 0),
    ];
    fixed.set(keys, i * STATIC);
  }
  return { length: n, fixed, words: { lower, suffix3 } };
}

/** Position i's keys into `out` (FEATURES_PER_WORD of them), given the tags chosen before it. */
export function featuresAt(s: SentenceFeatures, i: number, tags: ArrayLike<number>, out: Uint32Array): void {
  out.set(s.fixed.subarray(i * STATIC, (i + 1) * STATIC));
  const t1 = i > 0 ? tags[i - 1]! + 1 : 0;
  const t2 = i > 1 ? tags[i - 2]! + 1 : 0;
  const next = i + 1 < s.length ? s.words.lower[i + 1]! : EDGE;
  out[STATIC] = mixKey(20, t1);
  out[STATIC + 1] = mixKey(21, t1, t2);
  out[STATIC + 2] = mixKey(22, t1, s.words.lower[i]!);
  out[STATIC + 3] = mixKey(23, t1, next);
  out[STATIC + 4] = mixKey(24, t1, s.words.suffix3[i]!);
}
