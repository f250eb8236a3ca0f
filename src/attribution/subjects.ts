import { clauseWords } from './clause-words.js';
import type { Sentence, Token } from '../model/index.js';
import type { RoleSpan } from './link.js';

/*
 * The subject a second verb of saying shares with the first clause of its sentence: "She didn't
 * give a date, but said SpaceX would fly …", "Nomura said the order favoured banks and identified
 * SBI …", "Noem tweeted that …, adding …". And the name right after a cue that is the subject of
 * the reported clause ("said SpaceX would fly"), never its speaker.
 */

/** Tokens a fronted phrase may span before its comma. */
const MAX_FRONTED = 12;
/** Tokens between the subject and the joined verb (the first clause). */
const MAX_FIRST_CLAUSE = 40;
const MAX_NAME_TOKENS = 5;

function word(text: string, tokens: readonly Token[], i: number): string {
  return text.slice(tokens[i].start, tokens[i].end);
}

/** True when a source after the cue is the subject of the reported clause: "said [SpaceX] would". */
export function isClauseSubject(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  source: RoleSpan,
): boolean {
  if (source.from !== cue.to || source.to >= tokens.length) return false;
  // "said Louise Sunshine, who has known him": the verb belongs to a relative clause about the speaker.
  for (let i = source.from; i < source.to; i++)
    if (clauseWords().subjects.relativeOrComma.has(word(text, tokens, i).toLowerCase())) return false;
  return clauseWords().subjects.clauseVerbs.has(word(text, tokens, source.to).toLowerCase());
}

/**
 * "She was one of two women who said": a source right before the cue that runs across a verb into
 * a relative pronoun spans two clauses. The relative is the subject of the cue and the words before
 * it are the other clause's ("She" is the subject of "was"), so the source is the relative alone, as
 * PolNeAR marks it (568 of its 19,831 train sources are a lone who/that/which; none ends in one
 * after a verb). Else the head of the longer span would speak for the whole group.
 */
export function relativeSubject(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  source: RoleSpan,
): RoleSpan {
  const last = source.to - 1;
  // Only right before the cue: a relative further back belongs to a clause inside the source
  // ("Lawmakers, who are close to the firms that oppose the rule, have vowed").
  if (source.to !== cue.from || last <= source.from) return source;
  if (!clauseWords().subjects.subjectRelatives.has(word(text, tokens, last).toLowerCase())) return source;
  for (let i = source.from; i < last; i++)
    if (clauseWords().subjects.clauseVerbs.has(word(text, tokens, i).toLowerCase()))
      return { role: 'source', from: last, to: source.to };
  return source;
}

/** What the caller knows of the words: adverbs may stand before the cue; names the mentions layer found. */
export interface SubjectClues {
  isAdverb: (w: string) => boolean;
  /** 1 for tokens inside a name (person, organisation, place) the mentions layer found. */
  named: Uint8Array;
}

/**
 * The subject of the sentence's first clause when the cue is a second verb joined to it ("…, but
 * said", "… and identified", "…, adding"): a pronoun or a found name opening the sentence (after a
 * fronted prepositional phrase, if any), followed by a lower-case word. Null when the cue does not follow a joiner or the sentence opens otherwise.
 */
export function sharedSubject(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  sentence: Sentence,
  { isAdverb, named }: SubjectClues,
): RoleSpan | null {
  const lower = (i: number) => word(text, tokens, i).toLowerCase();
  let j = cue.from - 1;
  while (j > sentence.tokenStart && isAdverb(lower(j))) j--;
  const joined =
    (j > sentence.tokenStart && clauseWords().subjects.joiners.has(lower(j))) ||
    (lower(cue.from).endsWith('ing') && j > sentence.tokenStart && lower(j) === ',');
  if (!joined || cue.from - sentence.tokenStart > MAX_FIRST_CLAUSE) return null;
  let s = sentence.tokenStart;
  while (s < j && (clauseWords().subjects.openers.has(lower(s)) || word(text, tokens, s) === ',')) s++;
  if (clauseWords().subjects.fronted.has(lower(s))) {
    let comma = s + 1;
    while (comma < j && comma - s <= MAX_FRONTED && lower(comma) !== ',') comma++;
    if (comma >= j || lower(comma) !== ',') return null;
    s = comma + 1;
  }
  if (s >= j) return null;
  // Another name between the subject and the joined verb may be its subject ("Smith said Jones
  // lied and denied …"): too close to call.
  const anotherName = (from: number) => {
    for (let i = from; i < j; i++)
      if (named[i] && /^\p{Lu}/u.test(word(text, tokens, i)) && i > s) return true;
    return false;
  };
  if (clauseWords().subjects.pronouns.has(lower(s)))
    return anotherName(s + 1) ? null : { role: 'source', from: s, to: s + 1 };
  let e = s;
  while (e < j && e - s < MAX_NAME_TOKENS && named[e] && /^\p{Lu}/u.test(word(text, tokens, e))) e++;
  if (e === s || e >= j) return null;
  // The name is the subject when a lower-case word (its verb) follows it.
  if (!/^\p{Ll}/u.test(word(text, tokens, e)) || lower(e) === 'of' || anotherName(e)) return null;
  return { role: 'source', from: s, to: e };
}
