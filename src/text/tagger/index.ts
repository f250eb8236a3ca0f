import { readFileSync } from 'node:fs';
import type { Token } from '../../model/index.js';
import { loadData, projectPath } from '../../util/data.js';
import { once } from '../../util/modules.js';
import { sentenceFeatures } from './features.js';
import { LEMMAS_FILE, LemmaDataSchema, Lemmatiser, RecentLemmas } from './lemmas.js';
import { PosModel } from './model.js';
import { POS_TAGS, type Tagged } from './tagged.js';

export { POS_TAGS, type PosTag, type Tagged } from './tagged.js';

/*
 * Parts of speech and lemmas of the text stage's tokens: our own greedy averaged-perceptron tagger
 * (model.ts, features.ts) and lemma rules (lemmas.ts), both distilled from wink-nlp's tags of the
 * training texts by `npm run train:tagger` (scripts/train-tagger.ts). A sentence is tagged on its
 * own, so a word's tag depends on its sentence only, whatever was read before.
 */

export const POS_MODEL_FILE = 'models/pos.bin';

const posModel = once(() =>
  PosModel.fromBuffer(readFileSync(process.env.NEWSGRAPH_POS_MODEL ?? projectPath(POS_MODEL_FILE))),
);
const recentLemmas = once(() => new RecentLemmas(new Lemmatiser(loadData(LEMMAS_FILE, LemmaDataSchema))));

/** The parts of speech and lemmas of `tokens[from, to)` (one sentence) of `text`. */
export function tagTokens(text: string, tokens: readonly Token[], from: number, to: number): Tagged[] {
  const words: string[] = [];
  for (let t = from; t < to; t++) words.push(text.slice(tokens[t]!.start, tokens[t]!.end));
  const features = sentenceFeatures(words);
  const tags = posModel().tag(features);
  const lemmas = recentLemmas();
  return words.map((word, i) => {
    const pos = POS_TAGS[tags[i]!]!;
    // The word lower-cased once, by sentenceFeatures; the lemmas hand back their kept string of it.
    const slot = lemmas.find(features.lowered[i]!, features.lower[i]!, tags[i]!, pos);
    return {
      start: tokens[from + i]!.start,
      end: tokens[from + i]!.end,
      text: word,
      lower: lemmas.lowerAt(slot),
      pos,
      lemma: lemmas.lemmaAt(slot),
    };
  });
}
