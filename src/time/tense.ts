/**
 * Whether the clause around a date speaks of the past or the future, from its words (data/time/
 * tense.json): the cue nearest the date wins ("was evicted in April" → past; "elections will be held
 * in April" → future). Speech verbs and clause openers bound the clause, so in "he said on Monday that
 * the vote will be held in April" Monday and April are judged apart. Undefined when nothing tells.
 *
 * A sentence's boundaries and cues are found once (`sentenceTense`), and each date looks up its
 * clause and nearest cue by binary search: scanning the sentence again for every date made a long
 * sentence full of dates quadratic (10,000 repeats of "on Monday in 2025 last week" took minutes).
 */
import { normWord, timeLexicon } from './lexicon.js';
import { countEndingBy, countStartingBefore } from '../util/sorted-spans.js';

export type Direction = 'past' | 'future';

/** A tense cue of the sentence: where it is, its kind, and whether it counts where it stands. */
interface Cue {
  start: number;
  end: number;
  kind: Direction;
  /** A speech verb or clause opener: it frames the sentence rather than giving a clause's tense. */
  boundary: boolean;
  /** Not a tense where it stands ("will be held", a capitalised "Ted"), read from the sentence start. */
  excluded: boolean;
}

/** How many characters before a cue its preceding word is looked for. */
const PREV_WINDOW = 20;

/** The tense lookup of one sentence `[from, to)`: call it with each date's `[start, end)`. */
export function sentenceTense(
  text: string,
  from: number,
  to: number,
): (start: number, end: number) => Direction | undefined {
  const lex = timeLexicon();
  const sentence = text.slice(from, to);
  const bounds: Array<{ start: number; end: number }> = [];
  lex.boundary.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = lex.boundary.exec(sentence)) !== null)
    bounds.push({ start: from + m.index, end: from + m.index + m[0].length });
  const cues: Cue[] = [];
  lex.tenseCue.lastIndex = 0;
  while ((m = lex.tenseCue.exec(sentence)) !== null) {
    const cue = cueOf(text, m, from + m.index, from);
    if (cue) cues.push(cue);
  }
  const framing = cues.filter((c) => !c.boundary && !c.excluded);
  const plain = cues.filter((c) => !c.excluded);
  return (start, end) => {
    // The clause: between the nearest boundaries on either side of the date.
    const before = bounds[countEndingBy(bounds, start) - 1];
    const lo = before ? Math.max(from, before.end) : from;
    const after = bounds[countStartingBefore(bounds, end)];
    const hi = after ? Math.min(to, after.start) : to;
    // A clause with no cue of its own ("But in May, when the agency took …") takes the sentence's,
    // leaving out speech verbs: "takes effect in January, the minister said" stays undecided.
    return clauseCue(text, cues, plain, lo, hi, start, end) ?? sentenceCue(framing, cues, start, end);
  };
}

/** One match of the cue pattern as a cue; undefined when it is no tense word at all. */
function cueOf(text: string, m: RegExpExecArray, s: number, clampAt: number): Cue | undefined {
  const lex = timeLexicon();
  const e = s + m[0].length;
  let kind: Direction;
  if (m[1]) kind = lex.future.has(normWord(m[1])) ? 'future' : 'past';
  else {
    if (lex.notPast.has(m[2].toLowerCase()) || /^[A-Z]/.test(m[2])) return undefined;
    kind = 'past';
  }
  return {
    start: s,
    end: e,
    kind,
    boundary: Boolean(m[1] && lex.boundaryWords.has(normWord(m[1]))),
    excluded: kind === 'past' && participle(text, s, clampAt),
  };
}

/** "will be held", "is expected": a participle after a form of "be" is not a past tense. */
function participle(text: string, s: number, clampAt: number): boolean {
  const prev = /([a-z']+)\s+$/i.exec(text.slice(Math.max(clampAt, s - PREV_WINDOW), s))?.[1];
  return Boolean(prev && timeLexicon().participleAfter.has(normWord(prev)));
}

/**
 * The kind of the cue nearest the date within its clause `[lo, hi)`, preferring one before it:
 * the governing verb usually comes first ("was founded in March, will expand"); a cue after the
 * date counts only when none comes before ("In April, the council will vote"). A cue close to `lo`
 * has its preceding word read within the clause only, so it is judged again here.
 */
function clauseCue(
  text: string,
  cues: readonly Cue[],
  plain: readonly Cue[],
  lo: number,
  hi: number,
  start: number,
  end: number,
): Direction | undefined {
  const farFrom = lo + PREV_WINDOW;
  const near = cues.filter((c) => c.start >= lo && c.start < farFrom && c.end <= hi);
  const counts = (c: Cue): boolean => !(c.kind === 'past' && participle(text, c.start, lo));
  let best: Cue | undefined = plain[countEndingBy(plain, start) - 1];
  if (best && best.start < farFrom) best = undefined;
  for (const c of near) if (c.end <= start && (!best || c.end > best.end) && counts(c)) best = c;
  if (best) return best.kind;
  let next: Cue | undefined = plain[countStartingBefore(plain, Math.max(end, farFrom))];
  if (next && next.end > hi) next = undefined;
  for (const c of near) if (c.start >= end && (!next || c.start < next.start) && counts(c)) next = c;
  return next?.kind;
}

/** The nearest framing cue of the whole sentence; a speech verb only right before the date ("said on Monday"). */
function sentenceCue(
  framing: readonly Cue[],
  cues: readonly Cue[],
  start: number,
  end: number,
): Direction | undefined {
  let best: Cue | undefined = framing[countEndingBy(framing, start) - 1];
  for (let i = countEndingBy(cues, start) - 1; i >= 0 && cues[i].end >= start - 6; i--) {
    const verb = cues[i];
    if (verb.boundary && !verb.excluded && (!best || verb.end > best.end)) best = verb;
  }
  if (best) return best.kind;
  return framing[countStartingBefore(framing, end)]?.kind;
}
