import { countBelow } from '../../util/sorted-spans.js';
import { isPassiveCue } from '../backstop.js';
import { wordClasses } from '../wordclasses.js';
import type { LinkedAttribution, RoleSpan } from '../link.js';
import { inTextOrder, isSpeechVerbAt, lowerAt, type AttributionContext } from './context.js';

/** Words a nested report's content must have ("that it was"; "recalled it vividly" is no report). */
const MIN_CONTENT_WORDS = 3;
/** Longest stretch between the verb and its "that" or quotation ("under oath", "to reporters on Monday"). */
const MAX_PHRASE_TOKENS = 5;
/** Subject pronouns that speak; "it" and "you" never open a nested report. */
const SPEAKING_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
/** Pronouns that are the person told ("told him that …"), skipped before the content. */
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'reporters']);
/** Verbs whose first object is the person addressed, not what was said. */
const ADDRESSING = new Set(['tell', 'warn']);
/** Subjects a bare content clause may open with ("he said they …"). */
const CLAUSE_SUBJECTS = new Set([...SPEAKING_PRONOUNS, 'it', 'you', 'there']);
/**
 * Words that open a noun phrase: after a verb of saying it may be the subject of the reported
 * clause ("said the call was …") or a plain object ("wrote a short play"); a verb must follow.
 */
const PHRASE_OPENERS = new Set(['the', 'a', 'an', 'this', 'these', 'his', 'her', 'their', 'its', 'no']);
/** Tokens a noun phrase opening a reported clause may take before its verb. */
const MAX_SUBJECT_TOKENS = 8;
const DETERMINERS = new Set(['the', 'both', 'all', 'most', 'these', 'those', 'its', 'their']);
const PREPOSITIONS = new Set(['under', 'to', 'in', 'on', 'at', 'during', 'before', 'after', 'with', 'for']);

/**
 * Reports inside another attribution's content ("“Ambassador Lane replied that …,” Reyes testified";
 * "She said the minister told her that …"). PolNeAR annotates none, so the tagger never marks them;
 * a fact-checker needs them. A verb of saying inside a content span, with its speaker right before
 * it (a subject pronoun or a mention wholly inside that content) and its complement right after it
 * ("that", a quotation, or a clause), becomes an attribution `within` the enclosing one. Its content
 * ends with the sentence, the enclosing content, or the quotation the verb stands in; a verb with
 * nothing like a statement after it takes the quotation right before its speaker ("“…,” Ortiz said,
 * according to the Gazette": the tagger gave the whole frame to "according to").
 */
export function nestedReports(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
): LinkedAttribution[] {
  const held = new Uint8Array(c.tokens.length);
  for (const a of linked) for (const r of [a.cue, a.source]) if (r) held.fill(1, r.from, r.to);
  const mentionEnds = mentionsByLastToken(c);
  const verbs = reportVerbs(c);
  let stops: ContentStops | undefined;
  const all = [...linked];
  // Nested reports are scanned too, so "she recalled that he said …" reaches the second level.
  for (let k = 0; k < all.length; k++) {
    const outer = all[k];
    for (const r of outer.content) {
      // Only the verbs of saying inside the content are visited: contents may overlap and span a
      // long sentence, and reading every token of each would be quadratic in hostile text.
      for (let v = countBelow(verbs.at, r.from + 1); v < verbs.at.length && verbs.at[v] < r.to; v++) {
        const i = verbs.at[v];
        const verb = held[i] ? null : verbs.kind[v];
        if (!verb) continue;
        const source = speakerBefore(c, i, r.from, mentionEnds);
        if (!source || held[source.from]) continue;
        const cue: RoleSpan = { role: 'cue', from: i, to: i + 1 };
        const content =
          complement(c, i, r.to, mentionEnds, verb === 'object', (stops ??= contentStops(c))) ??
          (verb === 'speech' ? quotationBefore(c, source.from, r.from) : null);
        if (!content) continue;
        held.fill(1, source.from, cue.to);
        all.push({ cue, source, content: [content], within: outer });
      }
    }
  }
  return all.length > linked.length ? inTextOrder(all) : [...linked];
}

/**
 * "“…,” Ash wrote in the email, which was first reported by …": an inverted frame inside another's
 * content says whose the quotation right before it is. The quotation (marks included) when it
 * closes just before the speaker (a comma between at most) and opens inside the content; else null.
 */
function quotationBefore(c: AttributionContext, speaker: number, floor: number): RoleSpan | null {
  const { mark } = c.tagged.quote;
  let close = speaker - 1;
  if (close > floor && lowerAt(c, close) === ',') close--;
  if (close <= floor || mark[close] !== 2) return null;
  let depth = 0;
  for (let k = close; k >= floor; k--) {
    if (mark[k] === 2) depth++;
    else if (mark[k] === 1 && --depth === 0) return { role: 'content', from: k, to: close + 1 };
  }
  return null;
}

/** The tokens where `reportVerbAt` finds a verb, in order, with what it found (read once per text). */
function reportVerbs(c: AttributionContext): { at: number[]; kind: Array<'speech' | 'object'> } {
  const at: number[] = [];
  const kind: Array<'speech' | 'object'> = [];
  for (let i = 0; i < c.tokens.length; i++) {
    const found = reportVerbAt(c, i);
    if (found) {
      at.push(i);
      kind.push(found);
    }
  }
  return { at, kind };
}

/**
 * A finite verb of saying in lower case, not a participle ("adding that …") and not passive; or an
 * inflected verb whose plain object is what was said ("condemned", "criticises"). Null if neither.
 */
function reportVerbAt(c: AttributionContext, i: number): 'speech' | 'object' | null {
  const t = c.tokens[i];
  const word = lowerAt(c, i);
  if (c.text.slice(t.start, t.end) !== word || /ing$/.test(word)) return null;
  const lemma = c.lex.forms.get(word)?.lemma;
  const kind = isSpeechVerbAt(c, i)
    ? 'speech'
    : lemma !== undefined && lemma !== word && c.lex.objectReports.has(lemma)
      ? 'object'
      : null;
  const s = c.doc.sentences[c.tagged.sentence[i]];
  if (!kind || !s || isPassiveCue(c.text, c.tokens, { role: 'cue', from: i, to: i + 1 }, s, c.lex))
    return null;
  return kind;
}

/**
 * For each token, the first token of the longest mention ending there. Demonyms are left out:
 * "Americans say" is no statement of the United States.
 */
function mentionsByLastToken(c: AttributionContext): Map<number, number> {
  const { tokens } = c;
  const byEnd = new Map<number, number>();
  let t = 0;
  const sorted = [...c.doc.mentions]
    .filter((m) => m.kind !== 'pronoun' && m.kind !== 'demonym')
    .sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    while (t < tokens.length && tokens[t].end <= m.start) t++;
    let last = t;
    while (last + 1 < tokens.length && tokens[last + 1].end <= m.end) last++;
    if (tokens[t]?.start !== m.start || tokens[last]?.end !== m.end) continue;
    const known = byEnd.get(last);
    if (known === undefined || t < known) byEnd.set(last, t);
  }
  return byEnd;
}

/**
 * The speaker right before the verb (auxiliaries and adverbs between): a subject pronoun, or a
 * mention that starts inside the enclosing content and is no object of a preposition.
 */
function speakerBefore(
  c: AttributionContext,
  verb: number,
  floor: number,
  mentionEnds: ReadonlyMap<number, number>,
): RoleSpan | null {
  let i = verb - 1;
  while (i > floor && (c.lex.auxiliaries.has(lowerAt(c, i)) || /..ly$/.test(lowerAt(c, i)))) i--;
  if (i < floor) return null;
  const word = lowerAt(c, i);
  if (SPEAKING_PRONOUNS.has(word)) return { role: 'source', from: i, to: i + 1 };
  if (c.lex.unnamedSources.has(word)) return describedSpeaker(c, i, floor);
  const from = mentionEnds.get(i);
  if (from === undefined || from < floor) return null;
  if (from > floor && PREPOSITIONS.has(lowerAt(c, from - 1))) return null;
  return { role: 'source', from, to: i + 1 };
}

/** "both witnesses", "Western diplomats": a source noun with its determiners and modifiers before it. */
function describedSpeaker(c: AttributionContext, head: number, floor: number): RoleSpan | null {
  let from = head;
  while (from - 1 >= floor && head - from < 3 && c.tokens[from - 1].kind === 'word') {
    const w = lowerAt(c, from - 1);
    const capitalised = /^\p{Lu}/u.test(c.text[c.tokens[from - 1].start]);
    if (!capitalised && !c.lex.unnamedMarkers.has(w) && !DETERMINERS.has(w)) break;
    from--;
  }
  if (from > floor && PREPOSITIONS.has(lowerAt(c, from - 1))) return null;
  return { role: 'source', from, to: head + 1 };
}

/**
 * What the verb reports: after the person addressed ("told him") and a short phrase before "that"
 * or a quotation ("confirmed under oath that"), to the end of the sentence, of the enclosing
 * content, or of the quotation the verb stands in. Null when nothing like a statement follows.
 */
function complement(
  c: AttributionContext,
  verb: number,
  limit: number,
  mentionEnds: ReadonlyMap<number, number>,
  plainObject: boolean,
  stops: ContentStops,
): RoleSpan | null {
  const sentence = c.doc.sentences[c.tagged.sentence[verb]];
  const end = Math.min(limit, sentence?.tokenEnd ?? limit);
  let from = verb + 1;
  if (from >= end) return null;
  if (ADDRESSING.has(c.lex.forms.get(lowerAt(c, verb))?.lemma ?? ''))
    from = afterAddressee(c, from, end, mentionEnds);
  from = plainObject && objectOpens(c, from, end, mentionEnds) ? from : opening(c, from, end);
  if (from < 0) return null;
  // The first stop at the quotation depth the content opens at: a sentence mark, or the close of
  // the quotation the verb stands in.
  const level = stops.stopsAt.get(stops.depth[from]);
  const stop = level ? level[countBelow(level, from)] : undefined;
  let to = stop === undefined ? end : Math.min(stop, end);
  while (to > from && /^[,:—–-]$/.test(lowerAt(c, to - 1))) to--;
  const words = stops.words[to] - stops.words[from];
  return words >= MIN_CONTENT_WORDS ? { role: 'content', from, to } : null;
}

/**
 * Where contents can end, read once per text, so that finding one costs a search rather than a
 * walk to the end of a long sentence: each token's quotation depth (marks opened minus closed
 * before it), the tokens a content stops at (sentence marks and closing marks) by their depth, and
 * the number of words before each token.
 */
interface ContentStops {
  depth: Int32Array;
  stopsAt: Map<number, number[]>;
  words: Int32Array;
}

function contentStops(c: AttributionContext): ContentStops {
  const n = c.tokens.length;
  const { mark } = c.tagged.quote;
  const depth = new Int32Array(n);
  const words = new Int32Array(n + 1);
  const stopsAt = new Map<number, number[]>();
  let open = 0;
  for (let k = 0; k < n; k++) {
    depth[k] = open;
    if (mark[k] === 2 || /^[;.!?]$/.test(lowerAt(c, k))) {
      const level = stopsAt.get(open);
      if (level) level.push(k);
      else stopsAt.set(open, [k]);
    }
    if (mark[k] === 1) open++;
    else if (mark[k] === 2) open--;
    words[k + 1] = words[k] + (c.tokens[k].kind === 'word' ? 1 : 0);
  }
  return { depth, stopsAt, words };
}

/** The token after the person addressed ("told him", "told the visiting officials"), if one is. */
function afterAddressee(
  c: AttributionContext,
  from: number,
  end: number,
  mentionEnds: ReadonlyMap<number, number>,
): number {
  if (OBJECT_PRONOUNS.has(lowerAt(c, from))) return from + 1;
  for (const [last, first] of mentionEnds) if (first === from && last < end) return last + 1;
  // An addressee the mentions layer did not find ("told visiting officials they …"): up to the clause.
  for (let i = from + 1; i < Math.min(end, from + MAX_PHRASE_TOKENS); i++) {
    const w = lowerAt(c, i);
    if (w === 'that' || SPEAKING_PRONOUNS.has(w) || c.tagged.quote.mark[i] === 1) return i;
    if (c.tokens[i].kind !== 'word') break;
  }
  return from;
}

/** A plain object opens at `from`: a noun phrase ("the move", "Smith's remarks") or a name. */
function objectOpens(
  c: AttributionContext,
  from: number,
  end: number,
  mentionEnds: ReadonlyMap<number, number>,
): boolean {
  if (from >= end || c.tokens[from].kind !== 'word') return false;
  if (PHRASE_OPENERS.has(lowerAt(c, from))) return true;
  for (const first of mentionEnds.values()) if (first === from) return true;
  return false;
}

/** Where the content opens: "that", a quotation, or a clause; past a short phrase before "that"/quote. -1 if none. */
function opening(c: AttributionContext, from: number, end: number): number {
  const { quote } = c.tagged;
  const opens = (i: number) => quote.mark[i] === 1 || (lowerAt(c, i) === 'that' && !demonstrative(c, i, end));
  const clause = (i: number) =>
    opens(i) ||
    CLAUSE_SUBJECTS.has(lowerAt(c, i)) ||
    (PHRASE_OPENERS.has(lowerAt(c, i)) && verbFollows(c, i, end));
  if (from + 1 < end && /^[,:]$/.test(lowerAt(c, from)) && clause(from + 1)) return from + 1;
  if (from < end && clause(from)) return from;
  if (from < end && PREPOSITIONS.has(lowerAt(c, from))) {
    for (let i = from + 1; i < Math.min(end, from + MAX_PHRASE_TOKENS); i++) {
      if (opens(i)) return i;
      if (lowerAt(c, i) === ',' && i + 1 < end && opens(i + 1)) return i + 1;
    }
  }
  return -1;
}

/**
 * A verb after the noun phrase at `from`, before any punctuation: a word only ever tagged a verb
 * or auxiliary in the training split ("the call made him …", "the plan was …"), and no participle
 * that modifies the noun ("a play based on …").
 */
function verbFollows(c: AttributionContext, from: number, end: number): boolean {
  const classes = wordClasses();
  const stop = Math.min(end, from + MAX_SUBJECT_TOKENS);
  for (let i = from + 1; i < stop; i++) {
    const kind = c.tokens[i].kind;
    if (kind !== 'word' && kind !== 'number') return false;
    const w = lowerAt(c, i);
    const cls = c.lex.auxiliaries.has(w) ? 'AUX' : classes?.get(w);
    if (cls !== 'VERB' && cls !== 'AUX' && cls !== 'AUX|VERB' && cls !== 'VERB|AUX') continue;
    return !(i + 1 < end && PREPOSITIONS.has(lowerAt(c, i + 1)));
  }
  return false;
}

/** Words after which "that" is a pronoun, not the start of a reported clause ("I say that because …"). */
const AFTER_PRONOUN_THAT = new Set([
  'because',
  'since',
  'when',
  'if',
  'and',
  'or',
  'but',
  'about',
  'to',
  'again',
]);

/** "that" at `i` stands for a thing ("say that because …", "said that.") rather than opening a clause. */
function demonstrative(c: AttributionContext, i: number, end: number): boolean {
  return i + 1 >= end || c.tokens[i + 1].kind === 'punct' || AFTER_PRONOUN_THAT.has(lowerAt(c, i + 1));
}
