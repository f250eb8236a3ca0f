import { readFileSync } from 'node:fs';
import type { Sentence, Token, TokenPos } from '../../model/index.js';
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
  const out: Tagged[] = [];
  tagEach(text, tokens, from, to, (t, word, lower, { tag, lemma }) =>
    out.push({ start: tokens[t]!.start, end: tokens[t]!.end, text: word, lower, pos: tag, lemma }),
  );
  return out;
}

/**
 * The `pos` layer: the part of speech and lemma of every token, each sentence tagged on its own.
 * `sentences` cover the tokens (`splitSentences`). Tokens of one word and tag share one element.
 */
export function tagSentences(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
): TokenPos[] {
  const out = new Array<TokenPos>(tokens.length);
  const keep = (t: number, _word: string, _lower: string, reading: TokenPos) => {
    out[t] = reading;
  };
  for (const s of sentences) tagEach(text, tokens, s.tokenStart, s.tokenEnd, keep);
  return out;
}

/**
 * The words of `tokens[from, to)` with their parts of speech and lemmas as the `pos` layer holds
 * them (a sentence of the layer's, or a part of one: its words read as the whole sentence tagged them).
 */
export function taggedWords(
  text: string,
  tokens: readonly Token[],
  pos: readonly TokenPos[],
  from: number,
  to: number,
): Tagged[] {
  const out = new Array<Tagged>(to - from);
  for (let t = from; t < to; t++) {
    const { start, end } = tokens[t]!;
    const word = text.slice(start, end);
    const { tag, lemma } = pos[t]!;
    out[t - from] = { start, end, text: word, lower: word.toLowerCase(), pos: tag, lemma };
  }
  return out;
}

/**
 * Tags `tokens[from, to)` as one sentence and hands each token's index, word, lower-cased word and
 * reading (tag and lemma, shared by the tokens of one word and tag) to `each`.
 */
function tagEach(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  each: (token: number, word: string, lower: string, reading: TokenPos) => void,
): void {
  const words: string[] = [];
  for (let t = from; t < to; t++) words.push(text.slice(tokens[t]!.start, tokens[t]!.end));
  const features = sentenceFeatures(words);
  const tags = posModel().tag(features);
  const lemmas = recentLemmas();
  for (let i = 0; i < words.length; i++) {
    // The word lower-cased once, by sentenceFeatures; the lemmas hand back their kept string of it.
    const slot = lemmas.find(features.lowered[i]!, features.lower[i]!, tags[i]!, POS_TAGS[tags[i]!]!);
    each(from + i, words[i]!, lemmas.lowerAt(slot), lemmas.readingAt(slot));
  }
}
