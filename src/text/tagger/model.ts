import { z } from 'zod';
import { decodeModel, encodeModel } from '../../learn/model-file.js';
import {
  clauseVerbAfter,
  contextFeaturesAt,
  FEATURES_PER_WORD,
  tagFeaturesAt,
  tagsOnlyFeatures,
  TAGS_ONLY,
  WORD_ONLY,
  wordFeaturesAt,
  type SentenceFeatures,
} from './features.js';
import { POS_TAGS } from './tagged.js';

const MODEL_KIND = 'POS';
const LABELS = POS_TAGS.length;
/** A row's length is below this (one weight per tag at most). */
const ROW_LENGTHS = 32;
/** A row cell's tag is its low five bits, its weight the rest. */
const CELL_SHIFT = 5;
const CELL_TAGS = 1 << CELL_SHIFT;
/**
 * Feature positions that read more than the word (its neighbours, its shape at the start, the tag
 * before it with a word), looked up for each word scored.
 */
const IN_CONTEXT = Array.from({ length: FEATURES_PER_WORD }, (_, f) => f).filter(
  (f) => !(WORD_ONLY as readonly number[]).includes(f) && !(TAGS_ONLY as readonly number[]).includes(f),
);
/** Tag indices plus one (0: before the sentence). */
const TAG_STATES = LABELS + 1;
/** Slots of the recent words' sums; they are forgotten all at once when half are used. */
const WORD_SLOTS = 1 << 14;
/** V8 keeps a slice this long as a view of its parent string (shorter ones are copied). */
const SLICED_LENGTH = 13;

const HeaderSchema = z.object({
  version: z.literal(2),
  tags: z.array(z.string()),
  /** Weight = stored int16 × scale. */
  scale: z.number().positive(),
  features: z.number().int().nonnegative(),
  /** Weights that are not 0. */
  weights: z.number().int().nonnegative(),
  /** Words of the tag dictionary. */
  dictionary: z.number().int().nonnegative(),
  /** Provenance (training texts, epochs, seed). */
  trainedOn: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PosModelHeader = z.infer<typeof HeaderSchema>;

/**
 * The part-of-speech tagger: a tag dictionary of frequent words that (nearly) always take one tag,
 * which are not scored (as in Honnibal's tagger; on PolNeAR dev it leaves 39 % of the words to
 * score), and the averaged-perceptron weights, quantised to int16 and kept sparse (a fifth of them
 * are not 0: a feature's row lists its tags and their weights), found through an open-addressing
 * table of the keys.
 *
 * In memory, a key's slot holds where its row starts and its length, and a row's cells hold each tag
 * with its weight: a feature costs two reads far apart in memory instead of four (key, row start,
 * tags, weights). Scoring a word first finds the rows of all its features, then adds them, so the
 * slow reads of different features overlap. The features that read the word alone are summed once
 * for each of the recent words (news repeats its words), and the two that read only the tags before
 * it once for each pair of tags: a word then costs 12 table lookups instead of 21. The weights are
 * integers, so their sums are exact in any order and grouping: the tags are those of
 * adding each feature's row in turn.
 */
export class PosModel {
  /** Slot p holds a key at 2p and its row at 2p+1 (start × ROW_LENGTHS + length; 0 for no key). */
  private readonly table: Uint32Array;
  private readonly mask: number;
  /** Row cells: weight × 32 + tag index. */
  private readonly cells: Int32Array;
  private readonly feats = new Uint32Array(FEATURES_PER_WORD);
  private readonly rows = new Uint32Array(FEATURES_PER_WORD);
  private readonly scores = new Int32Array(LABELS);
  /** Recent scored words: exact hash, the word, and the sum of its WORD_ONLY features' rows. */
  private readonly wordHashes = new Uint32Array(WORD_SLOTS);
  private readonly wordTexts: string[] = new Array<string>(WORD_SLOTS).fill('');
  private readonly wordUsed = new Uint8Array(WORD_SLOTS);
  /** One slot more for a word not remembered. */
  private readonly wordSums = new Int32Array((WORD_SLOTS + 1) * LABELS);
  private wordCount = 0;
  /**
   * The summed rows of the TAGS_ONLY features for each pair of tags before a word (t1 × TAG_STATES +
   * t2): 324 pairs, summed once instead of two table lookups for every word scored.
   */
  private readonly tagPairSums = new Int32Array(TAG_STATES * TAG_STATES * LABELS);

  /** The tag dictionary: exact word hash → tag index. */
  private readonly dictionary: TagDictionary;

  constructor(
    readonly header: PosModelHeader,
    readonly keys: Uint32Array,
    /** Row r's weights are `values[rowStart[r], rowStart[r + 1])`, for the tags `labels[…]`. */
    readonly rowStart: Uint32Array,
    readonly labels: Uint8Array,
    readonly values: Int16Array,
    readonly dictKeys: Uint32Array,
    readonly dictTags: Uint8Array,
  ) {
    this.dictionary = new TagDictionary(dictKeys, dictTags);
    if (LABELS > CELL_TAGS || values.length >= 2 ** 32 / ROW_LENGTHS)
      throw new Error('POS model: too many weights or tags for its packed rows');
    this.cells = new Int32Array(values.length);
    for (let j = 0; j < values.length; j++) this.cells[j] = values[j]! * CELL_TAGS + labels[j]!;
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.table = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    for (let r = 0; r < keys.length; r++) {
      let p = keys[r]! & this.mask;
      while (this.table[2 * p] !== 0) p = (p + 1) & this.mask;
      this.table[2 * p] = keys[r]!;
      this.table[2 * p + 1] = rowStart[r]! * ROW_LENGTHS + (rowStart[r + 1]! - rowStart[r]!);
    }
    for (let t1 = 0; t1 < TAG_STATES; t1++)
      for (let t2 = 0; t2 < TAG_STATES; t2++) {
        tagsOnlyFeatures(t1, t2, this.feats);
        this.addRows(TAGS_ONLY, this.tagPairSums, (t1 * TAG_STATES + t2) * LABELS);
      }
  }

  /** Greedy tagging, left to right: each word's tag index (into POS_TAGS). */
  tag(s: SentenceFeatures): Uint8Array {
    const tags = new Uint8Array(s.length);
    const { feats, scores, wordSums, tagPairSums } = this;
    // Whether the clause so far has a verb, carried word to word (features.ts `clauseVerbAfter`).
    let verbBefore = false;
    for (let i = 0; i < s.length; i++) {
      const known = this.dictionary.get(s.exact[i]!);
      if (known >= 0) {
        tags[i] = known;
        verbBefore = clauseVerbAfter(s, i, known, verbBefore);
        continue;
      }
      // The word's own keys are made only when its sums are not remembered (recentWord).
      contextFeaturesAt(s, i, feats);
      tagFeaturesAt(s, i, tags, verbBefore, feats);
      const at = this.recentWord(s, i) * LABELS;
      const t1 = i > 0 ? tags[i - 1]! + 1 : 0;
      const t2 = i > 1 ? tags[i - 2]! + 1 : 0;
      const pair = (t1 * TAG_STATES + t2) * LABELS;
      for (let l = 0; l < LABELS; l++) scores[l] = wordSums[at + l]! + tagPairSums[pair + l]!;
      this.addRows(IN_CONTEXT, scores, 0);
      let best = 0;
      for (let l = 1; l < LABELS; l++) if (scores[l]! > scores[best]!) best = l;
      tags[i] = best;
      verbBefore = clauseVerbAfter(s, i, best, verbBefore);
    }
    return tags;
  }

  /** The slot of word i's WORD_ONLY sums, summed when the word is not among the recent ones. */
  private recentWord(s: SentenceFeatures, i: number): number {
    const hash = s.exact[i]!;
    const word = s.words[i]!;
    const mask = WORD_SLOTS - 1;
    let p = hash & mask;
    // A long word is not remembered: a slice of 13 characters or more keeps its whole article alive.
    if (word.length >= SLICED_LENGTH) {
      p = WORD_SLOTS;
      this.wordSums.fill(0, p * LABELS, (p + 1) * LABELS);
      wordFeaturesAt(s, i, this.feats);
      this.addRows(WORD_ONLY, this.wordSums, p * LABELS);
      return p;
    }
    while (this.wordUsed[p]) {
      if (this.wordHashes[p] === hash && this.wordTexts[p] === word) return p;
      p = (p + 1) & mask;
    }
    if (++this.wordCount > WORD_SLOTS / 2) {
      this.wordUsed.fill(0);
      this.wordCount = 1;
      p = hash & mask;
    }
    this.wordUsed[p] = 1;
    this.wordHashes[p] = hash;
    this.wordTexts[p] = word;
    this.wordSums.fill(0, p * LABELS, (p + 1) * LABELS);
    wordFeaturesAt(s, i, this.feats);
    this.addRows(WORD_ONLY, this.wordSums, p * LABELS);
    return p;
  }

  /**
   * Adds the rows of the features at `positions` of `feats` into `into[at, at + LABELS)`: their rows
   * are found first, then added, so the slow reads of different features overlap.
   */
  private addRows(positions: readonly number[], into: Int32Array, at: number): void {
    const { feats, rows, table, mask, cells } = this;
    for (let n = 0; n < positions.length; n++) {
      const key = feats[positions[n]!]!;
      let p = key & mask;
      let slot: number;
      while ((slot = table[2 * p]!) !== 0 && slot !== key) p = (p + 1) & mask;
      rows[n] = slot === 0 ? 0 : table[2 * p + 1]!;
    }
    for (let n = 0; n < positions.length; n++) {
      const row = rows[n]!;
      const start = Math.floor(row / ROW_LENGTHS);
      for (let j = start, end = start + (row % ROW_LENGTHS); j < end; j++) {
        const cell = cells[j]!;
        into[at + (cell & (CELL_TAGS - 1))]! += cell >> CELL_SHIFT;
      }
    }
  }

  /** The model file (src/learn/model-file.ts), deterministic. */
  toBuffer(): Buffer {
    const header = {
      ...this.header,
      features: this.keys.length,
      weights: this.values.length,
      dictionary: this.dictKeys.length,
    };
    return encodeModel(MODEL_KIND, header, {
      keys: this.keys,
      rowStart: this.rowStart,
      labels: this.labels,
      values: this.values,
      dictKeys: this.dictKeys,
      dictTags: this.dictTags,
    });
  }

  static fromBuffer(bytes: Uint8Array): PosModel {
    const file = decodeModel(bytes, MODEL_KIND, HeaderSchema);
    const h = file.meta;
    if (h.tags.join() !== POS_TAGS.join()) throw new Error('POS model: tag set differs from this code');
    return new PosModel(
      h,
      file.array('keys', 'u32', h.features),
      file.array('rowStart', 'u32', h.features + 1),
      file.array('labels', 'u8', h.weights),
      file.array('values', 'i16', h.weights),
      file.array('dictKeys', 'u32', h.dictionary),
      file.array('dictTags', 'u8', h.dictionary),
    );
  }
}

/**
 * A feature whose largest |weight| is below this share of the largest weight of all is dropped.
 * Measured before the tag dictionary: at 4 % the model kept 74k of 261k features (2.8 MB instead of
 * 9.9 dense) and agreed with wink on 98.80 % of held-out tokens (PolNeAR dev) instead of 98.88 %.
 * With the dictionary and sparse rows: 73k features, 1.4 MB, 98.83 %.
 */
const MIN_WEIGHT_SHARE = 0.04;

/** Averaged float weights by key → the int16 model: keys sorted, the weakest features dropped. */
export function quantise(
  header: Omit<PosModelHeader, 'scale' | 'features' | 'weights' | 'dictionary'>,
  keys: Uint32Array,
  weights: ArrayLike<number>,
  dictionary: ReadonlyMap<number, number>,
): PosModel {
  let max = 0;
  for (let i = 0; i < keys.length * LABELS; i++) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const order = Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]!);
  const kept: number[] = [];
  const rowStart: number[] = [0];
  const labels: number[] = [];
  const values: number[] = [];
  for (const r of order) {
    const row = Array.from({ length: LABELS }, (_, l) => Math.round(weights[r * LABELS + l]! / scale));
    if (row.every((v) => Math.abs(v) < MIN_WEIGHT_SHARE * 32767)) continue;
    kept.push(keys[r]!);
    row.forEach((v, l) => {
      if (v === 0) return;
      labels.push(l);
      values.push(v);
    });
    rowStart.push(values.length);
  }
  const words = [...dictionary.keys()].sort((a, b) => a - b);
  return new PosModel(
    { ...header, scale, features: kept.length, weights: values.length, dictionary: words.length },
    Uint32Array.from(kept),
    Uint32Array.from(rowStart),
    Uint8Array.from(labels),
    Int16Array.from(values),
    Uint32Array.from(words),
    Uint8Array.from(words, (w) => dictionary.get(w)!),
  );
}

/** Exact word hash → tag index, by open addressing over two typed arrays. */
export class TagDictionary {
  private readonly slots: Uint32Array;
  /** The tag plus one at a used slot. */
  private readonly values: Uint8Array;
  private readonly mask: number;

  constructor(keys: ArrayLike<number>, tags: ArrayLike<number>) {
    let cap = 2;
    while (cap < keys.length * 2) cap <<= 1;
    this.slots = new Uint32Array(cap);
    this.values = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let k = 0; k < keys.length; k++) {
      let p = keys[k]! & this.mask;
      while (this.values[p] !== 0) p = (p + 1) & this.mask;
      this.slots[p] = keys[k]!;
      this.values[p] = tags[k]! + 1;
    }
  }

  /** The word's tag, or -1. */
  get(key: number): number {
    let p = key & this.mask;
    let v: number;
    while ((v = this.values[p]!) !== 0) {
      if (this.slots[p] === key) return v - 1;
      p = (p + 1) & this.mask;
    }
    return -1;
  }
}
