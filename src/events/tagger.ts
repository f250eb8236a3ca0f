import type { LazyList, Sentence, Token, TokenPos } from '../model/index.js';
import { taggedWords, tagTokens, tokenAtOrAfter, tokenize, type Tagged } from '../text/index.js';

export type { Tagged } from '../text/index.js';

/**
 * The words of `text.slice(start, end)` with their parts of speech and lemmas: the text stage's
 * tokens in that range (`tokens`, or the text tokenised again when a caller has none), tagged by
 * the text stage's tagger (src/text/tagger/).
 */
export function tagRange(text: string, start: number, end: number, tokens?: readonly Token[]): Tagged[] {
  const all = tokens ?? tokenize(text);
  const from = tokenAtOrAfter(all, start);
  let to = from;
  while (to < all.length && all[to]!.end <= end) to++;
  // A token that starts before the range (the range cut through it) is not the range's.
  return tagTokens(text, all, from < to && all[from]!.start < start ? from + 1 : from, to);
}

/** A range of the text read as one sentence: a sentence of the text stage's (its token range known) or any other. */
export type SentenceRange = Pick<Sentence, 'start' | 'end'> &
  Partial<Pick<Sentence, 'tokenStart' | 'tokenEnd'>>;

/**
 * The words of a sentence with their parts of speech and lemmas: read from the text stage's `pos`
 * layer when the sentence is one of the text stage's and the layer tags `tokens`, else tagged here
 * (`tagRange`: a range that is not one sentence, such as a whole PLV record read as one, or a
 * caller without the layers).
 */
export function sentenceWords(
  text: string,
  sentence: SentenceRange,
  tokens?: readonly Token[],
  pos?: LazyList<TokenPos>,
): Tagged[] {
  const { tokenStart, tokenEnd } = sentence;
  if (tokens && pos && pos.length === tokens.length && tokenStart !== undefined && tokenEnd !== undefined)
    return taggedWords(text, tokens, pos, tokenStart, tokenEnd);
  return tagRange(text, sentence.start, sentence.end, tokens);
}
