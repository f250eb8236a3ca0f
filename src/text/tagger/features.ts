import { FNV_OFFSET, fnv1a, fnv1aRange, fnvStep, mixKey } from '../../util/hash.js';
import { POS_TAGS } from './tagged.js';

/*
 * The tagger's features of a word (greedy left to right, as Honnibal's averaged-perceptron tagger):
 * the word, its affixes, shape and hyphen head, its neighbours two either side, the tags already
 * chosen for the two words before it, and whether its clause already has a verb (so "The minister
 * plans to meet" and "critics denounced the minister's plans to meet" read "plans" apart). A word's
 * hashes are computed once per sentence (`sentenceFeatures`), its keys only when it is scored (a
 * word of the tag dictionary is not).
 */

/**
 * A sentence as the features read it: its words, lower-cased, and per word the hashes of the
 * exact word (the tag dictionary's key), the lower-cased word and its last three letters.
 */
export interface SentenceFeatures {
  readonly length: number;
  readonly words: readonly string[];
  readonly lowered: readonly string[];
  readonly exact: Uint32Array;
  readonly lower: Uint32Array;
  readonly suffix3: Uint32Array;
}

/**
 * Positions in `fixedFeaturesAt`'s keys of those that read the word alone (the bias, the word, its
 * affixes, its first letter, its hyphen head): the tagger remembers their sum for recent words.
 */
export const WORD_ONLY = [0, 1, 2, 3, 4, 5, 15] as const;

/** Keys per word that do not depend on the chosen tags. */
export const STATIC = 16;
/** Keys per word that do. */
export const TAG_FEATURES = 7;
/** Keys per word in all. */
export const FEATURES_PER_WORD = STATIC + TAG_FEATURES;
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

/** fnv1a(shapeOf(word)), without making the shape of an ASCII word. */
export function shapeHash(word: string): number {
  let h = FNV_OFFSET;
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 128) return fnv1a(shapeOf(word));
    if (c >= 65 && c <= 90) c = 88;
    else if (c >= 97 && c <= 122) c = 120;
    else if (c >= 48 && c <= 57) c = 100;
    if (c === last) continue;
    last = c;
    h = fnvStep(h, c);
  }
  return h >>> 0;
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

/** The per-word hashes of a sentence (the keys are made per position, when a word is scored). */
export function sentenceFeatures(words: readonly string[]): SentenceFeatures {
  const n = words.length;
  const exact = new Uint32Array(n);
  const lower = new Uint32Array(n);
  const suffix3 = new Uint32Array(n);
  const lowered = words.map((w) => w.toLowerCase());
  for (let i = 0; i < n; i++) {
    const low = lowered[i]!;
    exact[i] = fnv1a(words[i]!);
    lower[i] = low === words[i] ? exact[i]! : fnv1a(low);
    // The last three letters' hash, as fnv1a(low.slice(-3)) without making the slice.
    suffix3[i] = fnv1aRange(low, low.length - 3, low.length);
  }
  return { length: n, words, lowered, exact, lower, suffix3 };
}

const at = (s: SentenceFeatures, a: Uint32Array, i: number) => (i < 0 || i >= s.length ? EDGE : a[i]!);

/** Position i's keys that do not depend on the chosen tags, into `out[0, STATIC)`. */
export function fixedFeaturesAt(s: SentenceFeatures, i: number, out: Uint32Array): void {
  wordFeaturesAt(s, i, out);
  contextFeaturesAt(s, i, out);
}

/** Position i's keys that read the word alone, at the WORD_ONLY positions of `out`. */
export function wordFeaturesAt(s: SentenceFeatures, i: number, out: Uint32Array): void {
  const word = s.words[i]!;
  const low = s.lowered[i]!;
  const hyphen = low.lastIndexOf('-');
  out[0] = mixKey(0, 0);
  out[1] = mixKey(1, s.lower[i]!);
  out[2] = mixKey(2, s.suffix3[i]!);
  out[3] = mixKey(3, fnv1aRange(low, low.length - 4, low.length));
  out[4] = mixKey(4, fnv1aRange(low, low.length - 2, low.length));
  out[5] = mixKey(5, fnv1aRange(word, 0, 1));
  out[15] =
    hyphen > 0 && hyphen < low.length - 1
      ? mixKey(15, fnv1aRange(low, hyphen + 1, low.length))
      : mixKey(15, 0);
}

/**
 * Position i's fixed keys that read more than the word (its shape at the sentence's start, its
 * neighbours), at the other positions of `out[0, STATIC)`: all a remembered word needs.
 */
export function contextFeaturesAt(s: SentenceFeatures, i: number, out: Uint32Array): void {
  const w = s.lower[i]!;
  out[6] = mixKey(6, shapeHash(s.words[i]!), i === 0 ? 1 : 0);
  out[7] = mixKey(7, at(s, s.lower, i - 1));
  out[8] = mixKey(8, at(s, s.suffix3, i - 1));
  out[9] = mixKey(9, at(s, s.lower, i + 1));
  out[10] = mixKey(10, at(s, s.suffix3, i + 1));
  out[11] = mixKey(11, at(s, s.lower, i - 2));
  out[12] = mixKey(12, at(s, s.lower, i + 2));
  out[13] = mixKey(13, at(s, s.lower, i - 1), w);
  out[14] = mixKey(14, w, at(s, s.lower, i + 1));
}

/**
 * Position i's keys into `out` (FEATURES_PER_WORD of them): its fixed keys, then those of the tags
 * before it; `verbBefore` is whether its clause has a verb before it (`clauseVerbAfter`).
 */
export function featuresAt(
  s: SentenceFeatures,
  i: number,
  tags: ArrayLike<number>,
  verbBefore: boolean,
  out: Uint32Array,
): void {
  fixedFeaturesAt(s, i, out);
  tagFeaturesAt(s, i, tags, verbBefore, out);
}

/** Positions in `featuresAt`'s keys of those that read the two tags before the word and nothing else. */
export const TAGS_ONLY = [STATIC, STATIC + 1] as const;

/** The keys at TAGS_ONLY for the tags before a word (each tag index + 1, 0 before the sentence). */
export function tagsOnlyFeatures(t1: number, t2: number, out: Uint32Array): void {
  out[STATIC] = mixKey(20, t1);
  out[STATIC + 1] = mixKey(21, t1, t2);
}

/**
 * Position i's keys that read the tags chosen before it, into `out[STATIC, FEATURES_PER_WORD)`;
 * `verbBefore` is whether its clause has a verb before it (`clauseVerbAfter`).
 */
export function tagFeaturesAt(
  s: SentenceFeatures,
  i: number,
  tags: ArrayLike<number>,
  verbBefore: boolean,
  out: Uint32Array,
): void {
  const t1 = i > 0 ? tags[i - 1]! + 1 : 0;
  const t2 = i > 1 ? tags[i - 2]! + 1 : 0;
  tagsOnlyFeatures(t1, t2, out);
  out[STATIC + 2] = mixKey(22, t1, s.lower[i]!);
  out[STATIC + 3] = mixKey(23, t1, at(s, s.lower, i + 1));
  out[STATIC + 4] = mixKey(24, t1, s.suffix3[i]!);
  // The word with the word after it, and with the tag before it, apart in a clause with a verb already.
  out[STATIC + 5] = mixKey(verbBefore ? 26 : 25, s.lower[i]!, at(s, s.lower, i + 1));
  out[STATIC + 6] = mixKey(verbBefore ? 28 : 27, t1, s.lower[i]!);
}

const VERB = POS_TAGS.indexOf('VERB');
const AUX = POS_TAGS.indexOf('AUX');
const SCONJ = POS_TAGS.indexOf('SCONJ');

/**
 * Whether word k's clause has a verb or auxiliary up to and including k, given whether it had one
 * before k (`before`) and k's tag: a clause starts again at a subordinating conjunction, ";" or ":",
 * and an infinitive after "to" is no clause's verb. Carried left to right through a sentence (false
 * before its first word), it says for each word what a walk back to its clause's start would, in
 * constant time per word rather than time in the clause's length.
 */
export function clauseVerbAfter(s: SentenceFeatures, k: number, tag: number, before: boolean): boolean {
  if (tag === SCONJ || s.words[k] === ';' || s.words[k] === ':') return false;
  if ((tag === VERB || tag === AUX) && !(k > 0 && s.lowered[k - 1] === 'to')) return true;
  return before;
}
