import { z } from 'zod';

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
