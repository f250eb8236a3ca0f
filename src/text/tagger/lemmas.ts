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

/** The lemmatiser over loaded data: Maps, built once. */
export class Lemmatiser {
  private readonly rules = new Map<string, Map<string, readonly [number, string]>>();
  private readonly words = new Map<string, Map<string, string>>();
  /** Per part of speech, the lengths of its rules' suffixes, longest first (a part of speech without rules reads none). */
  private readonly suffixLengths = new Map<string, number[]>();

  constructor(data: LemmaData) {
    for (const [pos, rules] of Object.entries(data.rules)) {
      this.rules.set(pos, new Map(Object.entries(rules)));
      const lengths = new Set(
        Object.keys(rules)
          .map((suffix) => suffix.length)
          .filter((k) => k >= 1 && k <= MAX_SUFFIX),
      );
      this.suffixLengths.set(
        pos,
        [...lengths].sort((a, b) => b - a),
      );
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

  /** The lemma the suffix rules give, ignoring the word list. */
  byRule(lower: string, pos: string): string {
    const rules = this.rules.get(pos);
    if (!rules) return lower;
    // The suffixes of lengths min(MAX_SUFFIX, length - 1) down to 1, skipping lengths no rule has.
    for (const k of this.suffixLengths.get(pos)!) {
      if (k > lower.length - 1) continue;
      const rule = rules.get(lower.slice(-k));
      if (rule) return lower.slice(0, lower.length - rule[0]) + rule[1];
    }
    return lower;
  }
}
