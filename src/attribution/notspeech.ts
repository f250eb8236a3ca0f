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

/** Words before a participle that make it a verb of its own clause, not a noun's modifier. */
const CLAUSE_WORDS = new Set([
  ...['is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'and', 'or', 'but', 'not'],
  ...['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which', 'that', 'never', 'also', 'then'],
]);

/** True when the cue on tokens [from, to) is no predicate of speech, thought or writing. */
export function isNotSpeech(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  lex: Pick<CueLexicon, 'notCues' | 'forms' | 'speechVerbs' | 'claimBlockers'>,
): boolean {
  const lower = (i: number) => text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  // "the accused sex trafficker", "an alleged plot": determiner + participle + noun.
  if (to - from === 1 && from > 0 && DETERMINERS.has(lower(from - 1)) && /ed$/.test(lower(from))) return true;
  if (isReducedRelative(text, tokens, from, to, lex)) return true;
  for (const phrase of lex.notCues) {
    for (let s = Math.max(0, from - phrase.length + 1); s < to && s + phrase.length <= tokens.length; s++) {
      if (phrase.every((w, k) => lower(s + k) === w)) return true;
    }
  }
  return false;
}

/**
 * "the interests shared by Ukraine", "the lines drawn by the court": a participle after a noun
 * with a "by" agent modifies the noun; unless the verb is one of saying ("the move announced by
 * Pompeo"), it reports nothing.
 */
function isReducedRelative(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  lex: Pick<CueLexicon, 'forms' | 'speechVerbs' | 'claimBlockers'>,
): boolean {
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const at = to - 1;
  for (let i = from; i < at; i++) if (!/^\p{Ll}+ly$/u.test(surface(i))) return false;
  const word = surface(at).toLowerCase();
  if (!/ed$/.test(word) || at + 1 >= tokens.length || surface(at + 1).toLowerCase() !== 'by') return false;
  const lemma = lex.forms.get(word)?.lemma;
  if (lemma === undefined || lex.speechVerbs.has(lemma) || lex.claimBlockers.has(lemma)) return false;
  let before = at - 1;
  // Adverbs and a closing quotation mark may stand between ("the “interests” mutually shared by").
  while (before >= 0 && (/^\p{Ll}+ly$/u.test(surface(before)) || tokens[before].kind === 'quote')) before--;
  if (before < 0) return false;
  const prev = surface(before);
  return /^\p{Ll}+$/u.test(prev) && !CLAUSE_WORDS.has(prev);
}
