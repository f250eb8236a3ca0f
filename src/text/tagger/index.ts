import { readFileSync } from 'node:fs';
import type { LazyList, Sentence, Token, TokenPos } from '../../model/index.js';
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
 * The `pos` layer: the part of speech and lemma of every token, each sentence tagged on its own when
 * one of its tokens is first read (a sentence's tags depend on its words only, so when it is tagged
 * changes nothing). `sentences` cover the tokens (`splitSentences`), in order. Tokens of one word and
 * tag share one element.
 */
export class PosLayer implements LazyList<TokenPos> {
  readonly length: number;
  private readonly readings: (TokenPos | undefined)[];
  /**
   * Each tagged token's word and the lemmas' kept string of it lower-cased, for `taggedWords`: the
   * tagger has made both, and the events stage's lookups then read strings whose hash V8 has computed.
   */
  private readonly words: string[];
  private readonly lowers: string[];
  /** 1 for each sentence already tagged. */
  private readonly tagged: Uint8Array;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly sentences: readonly Sentence[],
  ) {
    this.length = tokens.length;
    this.readings = new Array<TokenPos | undefined>(tokens.length).fill(undefined);
    this.words = new Array<string>(tokens.length).fill('');
    this.lowers = new Array<string>(tokens.length).fill('');
    this.tagged = new Uint8Array(sentences.length);
  }

  /** The words of `tokens[from, to)` with their tags and lemmas (`taggedWords` of this layer's text and tokens). */
  taggedWords(from: number, to: number): Tagged[] {
    const { tokens } = this;
    const out = new Array<Tagged>(to - from);
    for (let t = from; t < to; t++) {
      const { tag, lemma } = this.at(t)!;
      const { start, end } = tokens[t]!;
      out[t - from] = { start, end, text: this.words[t]!, lower: this.lowers[t]!, pos: tag, lemma };
    }
    return out;
  }

  /** Whether this is the layer of `text` and `tokens`. */
  reads(text: string, tokens: readonly Token[]): boolean {
    return text === this.text && tokens === this.tokens;
  }

  at(i: number): TokenPos | undefined {
    const t = i < 0 ? i + this.length : i;
    if (!(t >= 0 && t < this.length)) return undefined;
    return this.readings[t] ?? this.tagSentenceOf(t);
  }

  *[Symbol.iterator](): Iterator<TokenPos> {
    for (let t = 0; t < this.length; t++) yield this.at(t)!;
  }

  /** Tags the sentence of token t, unless it is tagged already; token t's reading (none outside a sentence). */
  private tagSentenceOf(t: number): TokenPos | undefined {
    const { sentences } = this;
    let lo = 0;
    let hi = sentences.length;
    // The first sentence that ends after t.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sentences[mid]!.tokenEnd <= t) lo = mid + 1;
      else hi = mid;
    }
    const s = sentences[lo];
    if (!s || s.tokenStart > t || this.tagged[lo]) return this.readings[t];
    this.tagged[lo] = 1;
    tagEach(this.text, this.tokens, s.tokenStart, s.tokenEnd, (k, word, lower, reading) => {
      this.readings[k] = reading;
      this.words[k] = word;
      this.lowers[k] = lower;
    });
    return this.readings[t];
  }
}

/**
 * The words of `tokens[from, to)` with their parts of speech and lemmas as the `pos` layer holds
 * them (a sentence of the layer's, or a part of one: its words read as the whole sentence tagged them).
 */
export function taggedWords(
  text: string,
  tokens: readonly Token[],
  pos: LazyList<TokenPos>,
  from: number,
  to: number,
): Tagged[] {
  if (pos instanceof PosLayer && pos.reads(text, tokens)) return pos.taggedWords(from, to);
  const out = new Array<Tagged>(to - from);
  for (let t = from; t < to; t++) {
    const { start, end } = tokens[t]!;
    const word = text.slice(start, end);
    const { tag, lemma } = pos.at(t)!;
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
