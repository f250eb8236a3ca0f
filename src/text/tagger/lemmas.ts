import { z } from 'zod';
import type { PosTag, TokenPos } from '../../model/index.js';

/*
 * Lemmas as data (data/text/lemmas.json, written by `npm run train:tagger` from wink-nlp's lemmas of
 * the training texts): per part of speech, suffix rules for any word ("-ies" → "-y" for a NOUN) and
 * the words the rules get wrong ("went" → "go"). A word's lemma is its own entry, else the rule of
 * its longest listed suffix, else the word itself.
 */

export const LEMMAS_FILE = 'text/lemmas.json';

/** A rule: strip this many characters, then append this text. */
const RuleSchema = z.tuple([z.number().int().nonnegative(), z.string()]);
export const LemmaDataSchema = z.object({
  _comment: z.string().optional(),
  /** Part of speech → suffix → rule. */
  rules: z.record(z.string(), z.record(z.string(), RuleSchema)),
  /** Part of speech → lower-cased word → lemma. */
  words: z.record(z.string(), z.record(z.string(), z.string())),
});
export type LemmaData = z.infer<typeof LemmaDataSchema>;

/** Longest suffix a rule may be keyed on. */
export const MAX_SUFFIX = 5;

/** A node of a suffix trie: the letter before → node, and the rule of the suffix read so far. */
interface SuffixNode {
  next: Map<number, SuffixNode>;
  rule?: readonly [number, string];
}

/** The lemmatiser over loaded data: Maps, built once. */
export class Lemmatiser {
  /** Per part of speech, its rules' suffixes as a trie read from a word's last letter back. */
  private readonly rules = new Map<string, SuffixNode>();
  private readonly words = new Map<string, Map<string, string>>();

  constructor(data: LemmaData) {
    for (const [pos, rules] of Object.entries(data.rules)) {
      const root: SuffixNode = { next: new Map() };
      for (const [suffix, rule] of Object.entries(rules)) {
        if (suffix.length < 1 || suffix.length > MAX_SUFFIX) continue;
        let node = root;
        for (let i = suffix.length - 1; i >= 0; i--) {
          const c = suffix.charCodeAt(i);
          let child = node.next.get(c);
          if (!child) node.next.set(c, (child = { next: new Map() }));
          node = child;
        }
        node.rule = rule;
      }
      this.rules.set(pos, root);
    }
    for (const [pos, words] of Object.entries(data.words))
      this.words.set(pos, new Map(Object.entries(words)));
  }

  /** The lemma of a lower-cased word under a part of speech. */
  lemma(lower: string, pos: string): string {
    const own = this.words.get(pos)?.get(lower);
    if (own !== undefined) return own;
    return this.byRule(lower, pos);
  }

  /**
   * The lemma the suffix rules give, ignoring the word list: the rule of the longest suffix of at most
   * MAX_SUFFIX letters, shorter than the word, that has one (read letter by letter, no slices).
   */
  byRule(lower: string, pos: string): string {
    let node = this.rules.get(pos);
    if (!node) return lower;
    let rule: SuffixNode['rule'];
    for (let k = 1; k <= Math.min(MAX_SUFFIX, lower.length - 1); k++) {
      node = node.next.get(lower.charCodeAt(lower.length - k));
      if (!node) break;
      if (node.rule) rule = node.rule;
    }
    return rule ? lower.slice(0, lower.length - rule[0]) + rule[1] : lower;
  }
}

/** Slots of the recent words' lemmas; they are forgotten all at once when half are used. */
const RECENT_SLOTS = 1 << 14;
/** V8 keeps a slice this long as a view of its parent string (shorter ones are copied). */
const SLICED_LENGTH = 13;

/**
 * The lemmas of recent (lower-cased word, part of speech) pairs, found by the word's hash: news
 * repeats its words, and one probe of a typed array costs less than the word lists' and suffix
 * rules' Map lookups on a new string. A pair's first strings are kept and handed out again, so the
 * lookups downstream (the events stage's word knowledge and vocabulary) read strings whose hash V8
 * has already computed. A word of 13 or more characters is not kept (its slice keeps its article).
 */
export class RecentLemmas {
  private readonly keys = new Uint32Array(RECENT_SLOTS);
  private readonly used = new Uint8Array(RECENT_SLOTS);
  private readonly tags = new Uint8Array(RECENT_SLOTS);
  /** One slot more for a word not kept. */
  private readonly lowers: string[] = new Array<string>(RECENT_SLOTS + 1).fill('');
  private readonly lemmas: string[] = new Array<string>(RECENT_SLOTS + 1).fill('');
  /**
   * Each slot's tag and lemma as the `pos` layer holds them: one object for every token of the pair,
   * in any document, so frozen (a caller that changed one would change other analyses).
   */
  private readonly readings: TokenPos[] = new Array<TokenPos>(RECENT_SLOTS + 1);
  private count = 0;

  constructor(private readonly lemmatiser: Lemmatiser) {}

  /** The slot of `lower` (FNV-1a hash `hash`) as tag `tag` (`pos`), its lemma found when not kept. */
  find(lower: string, hash: number, tag: number, pos: PosTag): number {
    if (lower.length >= SLICED_LENGTH) {
      this.lowers[RECENT_SLOTS] = lower;
      this.lemmas[RECENT_SLOTS] = this.lemmatiser.lemma(lower, pos);
      this.readings[RECENT_SLOTS] = Object.freeze({ tag: pos, lemma: this.lemmas[RECENT_SLOTS] });
      return RECENT_SLOTS;
    }
    const key = (hash ^ Math.imul(tag + 1, 0x9e3779b1)) >>> 0;
    const mask = RECENT_SLOTS - 1;
    let p = key & mask;
    while (this.used[p]) {
      if (this.keys[p] === key && this.tags[p] === tag && this.lowers[p] === lower) return p;
      p = (p + 1) & mask;
    }
    if (++this.count > RECENT_SLOTS / 2) {
      this.used.fill(0);
      this.count = 1;
      p = key & mask;
    }
    this.used[p] = 1;
    this.keys[p] = key;
    this.tags[p] = tag;
    this.lowers[p] = lower;
    this.lemmas[p] = this.lemmatiser.lemma(lower, pos);
    this.readings[p] = Object.freeze({ tag: pos, lemma: this.lemmas[p] });
    return p;
  }

  /** The kept lower-cased word of a slot (equal to the one asked for). */
  lowerAt(slot: number): string {
    return this.lowers[slot]!;
  }

  lemmaAt(slot: number): string {
    return this.lemmas[slot]!;
  }

  /** The slot's tag and lemma: one frozen object for every token of the pair while the slot keeps it. */
  readingAt(slot: number): TokenPos {
    return this.readings[slot]!;
  }
}
