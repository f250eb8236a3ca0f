import type { Token } from '../../model/index.js';
import type { Tagged } from './tagged.js';

/*
 * The teacher's tags on our tokens. wink tokenises on its own ("US-led" is three words to it, one
 * to the text stage; "Jan." one to it, two to us), so its tags are carried over by character
 * offsets: a token wink reads the same gets its tag and lemma; a token wink splits (a hyphenated
 * compound) gets its last part's, with a participle in a compound read as an adjective ("US-led",
 * "Israeli-occupied" modify, as the events stage treated them); a token inside a longer wink token
 * gets that token's tag when it holds a letter or digit. A token wink's tokens cross is left out.
 */

/** How a token's teacher tag was found. */
export type Alignment = 'same' | 'split' | 'inside';

export interface TeacherTag {
  pos: string;
  lemma: string;
  how: Alignment;
}

const WORDLIKE = /[\p{L}\p{N}]/u;
const PUNCTUATION = /^\p{P}+$/u;

/** The teacher's tag of each token in `tokens[from, to)` (undefined where wink's tokens cross it). */
export function alignTeacher(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  wink: readonly Tagged[],
): Array<TeacherTag | undefined> {
  const out: Array<TeacherTag | undefined> = [];
  let j = 0;
  for (let t = from; t < to; t++) {
    const { start, end } = tokens[t]!;
    while (j < wink.length && wink[j]!.end <= start) j++;
    let k = j;
    while (k < wink.length && wink[k]!.start < end) k++;
    out.push(teacherOf(text, start, end, wink.slice(j, k)));
  }
  return out;
}

function teacherOf(
  text: string,
  start: number,
  end: number,
  over: readonly Tagged[],
): TeacherTag | undefined {
  if (over.length === 0) return undefined;
  const first = over[0]!;
  const last = over[over.length - 1]!;
  if (over.length === 1 && first.start === start && first.end === end)
    return { pos: first.pos, lemma: first.lemma, how: 'same' };
  if (over.length === 1 && first.start <= start && first.end >= end) {
    const word = text.slice(start, end);
    if (WORDLIKE.test(word)) return { pos: first.pos, lemma: word.toLowerCase(), how: 'inside' };
    // A mark inside a longer token ("..." as one, "@" of an address): its own class.
    const pos = WORDLIKE.test(first.text) ? (PUNCTUATION.test(word) ? 'PUNCT' : 'SYM') : first.pos;
    return { pos, lemma: word, how: 'inside' };
  }
  if (first.start !== start || last.end !== end) return undefined;
  const head = text.slice(start, last.start).toLowerCase();
  if (last.pos === 'VERB' && head.endsWith('-'))
    return { pos: 'ADJ', lemma: text.slice(start, end).toLowerCase(), how: 'split' };
  return { pos: last.pos, lemma: head + last.lemma, how: 'split' };
}
