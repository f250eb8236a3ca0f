import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadData, projectPath } from '../util/data.js';

/*
 * Word classes for the tagger: each frequent word's ambiguity class — the parts of speech it takes
 * in news text ("said": VERB; "report": NOUN|VERB; "that": PRON|SCONJ|DET). They let the tagger
 * generalise from the cue verbs it has seen to rare ones ("repealed", "approved") and find the
 * noun phrases around them, at the cost of one map lookup per token instead of running a POS
 * tagger on every article. The table is built by `npm run train:attribution` from wink-nlp's
 * tagging of the training split.
 */

export const WORD_CLASSES_FILE = 'attribution/word-classes.json';

/** Class name ("NOUN|VERB") → the lower-cased words in it. */
const WordClassesSchema = z.object({ classes: z.record(z.string(), z.array(z.string())) });
export type WordClassData = z.infer<typeof WordClassesSchema>;

/** A word counted fewer times than this keeps no class (its tags are unreliable). */
const MIN_COUNT = 5;
/** A part of speech joins a word's class when it is at least this share of the word's tags. */
const MIN_SHARE = 0.1;

/** Builds the table from (lower-cased word, universal POS) observations. */
export function buildWordClasses(observations: Iterable<[string, string]>): WordClassData {
  const counts = new Map<string, Map<string, number>>();
  for (const [word, pos] of observations) {
    let m = counts.get(word);
    if (!m) counts.set(word, (m = new Map()));
    m.set(pos, (m.get(pos) ?? 0) + 1);
  }
  const classes = new Map<string, string[]>();
  for (const [word, m] of counts) {
    let total = 0;
    for (const c of m.values()) total += c;
    if (total < MIN_COUNT) continue;
    const tags = [...m]
      .filter(([, c]) => c / total >= MIN_SHARE)
      .map(([t]) => t)
      .sort();
    const name = tags.join('|');
    const list = classes.get(name) ?? [];
    list.push(word);
    classes.set(name, list);
  }
  const sorted = [...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { classes: Object.fromEntries(sorted.map(([k, v]) => [k, v.sort()])) };
}

let loaded: Map<string, string> | null | undefined;

/** Lower-cased word → class name; null when the table has not been built. */
export function wordClasses(): Map<string, string> | null {
  if (loaded !== undefined) return loaded;
  if (!existsSync(projectPath('data', WORD_CLASSES_FILE))) return (loaded = null);
  const data = loadData(WORD_CLASSES_FILE, WordClassesSchema);
  loaded = new Map();
  for (const [name, words] of Object.entries(data.classes)) for (const w of words) loaded.set(w, name);
  return loaded;
}
