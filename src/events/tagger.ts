import type { Token } from '../model/index.js';
import { tagTokens, tokenAtOrAfter, tokenize, type Tagged } from '../text/index.js';

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
