/**
 * Whether the clause around a date speaks of the past or the future, from its words (data/time/
 * tense.json): the cue nearest the date wins ("was evicted in April" → past; "elections will be held
 * in April" → future). Speech verbs and clause openers bound the clause, so in "he said on Monday that
 * the vote will be held in April" Monday and April are judged apart. Undefined when nothing tells.
 */
import { normWord, timeLexicon } from './lexicon.js';

export type Direction = 'past' | 'future';

/** The tense of the clause of `[start, end)` within the sentence `[from, to)`. */
export function clauseTense(
  text: string,
  from: number,
  to: number,
  start: number,
  end: number,
): Direction | undefined {
  const lex = timeLexicon();
  // The clause: between the nearest boundaries on either side of the date.
  let lo = from;
  let hi = to;
  lex.boundary.lastIndex = 0;
  const sentence = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = lex.boundary.exec(sentence)) !== null) {
    const s = from + m.index;
    const e = s + m[0].length;
    if (e <= start) lo = Math.max(lo, e);
    else if (s >= end) {
      hi = Math.min(hi, s);
      break;
    }
  }
  // A clause with no cue of its own ("But in May, when the agency took …") takes the sentence's,
  // leaving out speech verbs: "takes effect in January, the minister said" stays undecided.
  return nearestCue(text, lo, hi, start, end, false) ?? nearestCue(text, from, to, start, end, true);
}

/** The kind of the cue nearest `[start, end)` in `[lo, hi)`, preferring one before it. */
function nearestCue(
  text: string,
  lo: number,
  hi: number,
  start: number,
  end: number,
  skipBoundaries: boolean,
): Direction | undefined {
  const lex = timeLexicon();
  let m: RegExpExecArray | null;
  const clause = text.slice(lo, hi);
  let best: { kind: Direction; distance: number; side: number } | undefined;
  lex.tenseCue.lastIndex = 0;
  while ((m = lex.tenseCue.exec(clause)) !== null) {
    const s = lo + m.index;
    const e = s + m[0].length;
    if (s < end && e > start) continue;
    // A speech verb right before the date governs it ("said on Monday"); elsewhere it frames the sentence.
    if (skipBoundaries && m[1] && lex.boundaryWords.has(normWord(m[1])) && !(e <= start && start - e <= 6))
      continue;
    let kind: Direction;
    if (m[1]) kind = lex.future.has(normWord(m[1])) ? 'future' : 'past';
    else {
      if (lex.notPast.has(m[2].toLowerCase()) || /^[A-Z]/.test(m[2])) continue;
      kind = 'past';
    }
    // "will be held", "is expected": a participle after a form of "be" is not a past tense.
    const prev = /([a-z']+)\s+$/i.exec(clause.slice(Math.max(0, m.index - 20), m.index))?.[1];
    if (kind === 'past' && prev && lex.participleAfter.has(normWord(prev))) continue;
    // The verb that governs a time phrase usually comes before it ("was founded in March, will
    // expand"); a cue after it counts only when none comes before ("In April, the council will vote").
    const side = e <= start ? 0 : 1;
    const distance = e <= start ? start - e : s - end;
    if (!best || side < best.side || (side === best.side && distance < best.distance))
      best = { kind, distance, side };
  }
  return best?.kind;
}
