import type { Token } from '../model/index.js';
import type { CueLexicon } from './lexicon.js';

/*
 * Cues the tagger proposes that report no speech, thought or writing. PolNeAR's annotators mark a
 * broad range of predicates, so the tagger does too; for a reader a statement needs someone who
 * said, wrote or thought it. Two kinds are dropped: a lexicon phrase around the cue that names an
 * action or a label ("also known as", "took the decision", "failed to answer", "the actual text
 * of"), and a participle used as an adjective ("the accused sex trafficker").
 */

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'our', 'my']);

/** True when the cue on tokens [from, to) is no predicate of speech, thought or writing. */
export function isNotSpeech(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  lex: Pick<CueLexicon, 'notCues'>,
): boolean {
  const lower = (i: number) => text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  // "the accused sex trafficker", "an alleged plot": determiner + participle + noun.
  if (to - from === 1 && from > 0 && DETERMINERS.has(lower(from - 1)) && /ed$/.test(lower(from))) return true;
  for (const phrase of lex.notCues) {
    for (let s = Math.max(0, from - phrase.length + 1); s < to && s + phrase.length <= tokens.length; s++) {
      if (phrase.every((w, k) => lower(s + k) === w)) return true;
    }
  }
  return false;
}
