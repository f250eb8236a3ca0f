import type { NumberSet, NumberTable } from './frozen-table.js';
import { mix } from './hash.js';
import { NER_TYPES, POS_B, POS_I, POS_L, POS_U } from './tags.js';

/** Seed of the rolling hash over a token sequence's lower-case word hashes. */
const SEQ_SEED = 0x5eed5eed;
/** Longest name the gazetteer stores, in tokens (longer training names are rare and never help). */
export const GAZ_MAX_TOKENS = 8;

/**
 * A list of names (token sequences of lower-case word hashes) with the entity types each was seen
 * with. Lookup walks a prefix set, so matching is linear in the text with a small constant.
 */
export class Gazetteer {
  constructor(
    /** Full-name hash → bit mask of NER types (a Map while training, a loaded model's FrozenTable). */
    readonly names: NumberTable = new Map<number, number>(),
    /** Hashes of every proper prefix of a stored name, to stop a match early. */
    readonly prefixes: NumberSet = new Set<number>(),
  ) {}

  add(words: ArrayLike<number>, from: number, to: number, typeMask: number): void {
    const { names, prefixes } = this;
    if (!(names instanceof Map) || !(prefixes instanceof Set))
      throw new Error('gazetteer: the name list of a loaded model is read-only');
    if (to - from > GAZ_MAX_TOKENS || to <= from) return;
    let h = SEQ_SEED;
    for (let i = from; i < to; i++) {
      h = mix(h, words[i]);
      if (i < to - 1) prefixes.add(h);
    }
    names.set(h, (names.get(h) ?? 0) | typeMask);
  }

  /**
   * Marks, left to right, the longest stored name starting at each unmatched token inside
   * `[from, to)`. Codes are bit `type*4 + position` (B, I, L, U), one bit per type of the name.
   */
  match(words: Uint32Array, from: number, to: number, out: Uint16Array): void {
    let i = from;
    while (i < to) {
      let h = SEQ_SEED;
      let bestLen = 0;
      let bestMask = 0;
      for (let j = i; j < to && j - i < GAZ_MAX_TOKENS; j++) {
        h = mix(h, words[j]);
        const mask = this.names.get(h);
        if (mask !== undefined) {
          bestLen = j - i + 1;
          bestMask = mask;
        }
        if (!this.prefixes.has(h)) break;
      }
      if (bestLen === 0) {
        i++;
        continue;
      }
      for (let t = 0; t < NER_TYPES.length; t++) {
        if ((bestMask & (1 << t)) === 0) continue;
        if (bestLen === 1) {
          out[i] |= 1 << (t * 4 + POS_U);
        } else {
          out[i] |= 1 << (t * 4 + POS_B);
          for (let k = i + 1; k < i + bestLen - 1; k++) out[k] |= 1 << (t * 4 + POS_I);
          out[i + bestLen - 1] |= 1 << (t * 4 + POS_L);
        }
      }
      i += bestLen;
    }
  }
}

/** Usual casing of a word in running text (not sentence-initial, not in an all-caps line). */
export const CASE_UNSEEN = 0;
export const CASE_CAPITALISED = 1;
export const CASE_LOWER = 2;
export const CASE_BOTH = 3;

/**
 * What the tagger knows beyond its weights: a name list, a word → types-of-names-it-occurs-in
 * table (so a known word inside an unknown name still counts), and a word → usual-casing table.
 */
export interface Lexicon {
  gazetteer: Gazetteer;
  nameWords: NumberTable;
  casing: NumberTable;
}
