import type { Sentence, Token } from '../model/index.js';
import type { LinkedAttribution, RoleSpan } from './link.js';

/**
 * How far the backstops look from a cue, in tokens. They run once per cue, so an unbounded scan
 * would be quadratic on hostile input (a 1 MB sentence of "has has has … said").
 */
const REACH = 12;
/** Longest source "according to" takes ("according to a senior official in the ministry"). */
const MAX_SOURCE_WORDS = 30;
/** Longest content it gives ("X, according to Y": X runs back at most this far). */
const MAX_CONTENT_WORDS = 150;
const PARENTHETICAL_REACH = 80;
/** Prepositions before a name run that make it no subject (a place, a date, an employer). */
const NAME_RUN_PREPOSITIONS =
  /^(in|on|at|since|from|to|with|near|after|before|during|of|for|by|about|against|over|under|into|among|between|like|than|toward|towards|across|through|within|without|per)$/i;

/**
 * Attributions the tagger misses but the syntax makes certain: "X, according to Y." and
 * "According to Y, X." — the cue phrase fixes the source (what follows it up to the clause end)
 * and the content (the rest of the sentence). Runs only where no linked attribution's cue or
 * content already covers the phrase.
 */
export function accordingTo(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  sentenceOf: Int32Array,
  linked: readonly LinkedAttribution[],
  isPhraseStart: (i: number) => boolean,
): LinkedAttribution[] {
  const out: LinkedAttribution[] = [];
  const word = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const isBreak = (i: number) => /^[,;:.!?)—–]$/u.test(word(i)) || tokens[i].kind === 'quote';
  // Token masks instead of scanning every linked attribution per phrase (linear on hostile input).
  const taken = new Uint8Array(tokens.length); // inside a linked cue or content
  const contentOwner = new Int32Array(tokens.length).fill(-1); // a linked attribution whose content covers it
  linked.forEach((a, k) => {
    if (a.cue) taken.fill(1, a.cue.from, a.cue.to);
    for (const c of a.content) {
      taken.fill(1, c.from, c.to);
      for (let i = c.from; i < c.to; i++) if (contentOwner[i] < 0) contentOwner[i] = k;
    }
  });
  for (let p = 0; p + 1 < tokens.length; p++) {
    if (!isPhraseStart(p) || taken[p]) continue;
    const s = sentences[sentenceOf[p]];
    if (!s) continue;
    const cue: RoleSpan = { role: 'cue', from: p, to: p + 2 };
    // The source: from after "to" up to the next clause break.
    let e = p + 2;
    const last = Math.min(s.tokenEnd, p + 2 + MAX_SOURCE_WORDS);
    while (e < last && !isBreak(e)) e++;
    if (e === p + 2) continue;
    const source: RoleSpan = { role: 'source', from: p + 2, to: e };
    let content: RoleSpan | null = null;
    const trimEnd = (from: number, to: number) => {
      const floor = Math.max(from, to - REACH);
      while (to > floor && isBreak(to - 1) && tokens[to - 1].kind !== 'quote') to--;
      return to;
    };
    if (p - s.tokenStart >= 3) {
      // "X, according to Y": the content is everything before the phrase.
      const from = Math.max(s.tokenStart, p - MAX_CONTENT_WORDS);
      const to = trimEnd(from, p);
      if (to - from >= 3) content = { role: 'content', from, to };
    } else if (e < s.tokenEnd && word(e) === ',') {
      // "According to Y, X."
      const to = trimEnd(e + 1, Math.min(s.tokenEnd, e + 1 + MAX_CONTENT_WORDS));
      if (to - (e + 1) >= 3) content = { role: 'content', from: e + 1, to };
    }
    if (!content) continue;
    // Another attribution claims this content; leave it unless its cue lies inside the content
    // ("Bloomberg reports that …, according to the Roper Center": the outer one is ours).
    const owners = new Set<number>();
    for (let i = content.from; i < content.to; i++) if (contentOwner[i] >= 0) owners.add(contentOwner[i]);
    const inside = (a: LinkedAttribution) =>
      a.cue !== null && a.cue.from >= content.from && a.cue.to <= content.to;
    const others = [...owners].map((k) => linked[k]);
    if (others.some((a) => a.cue) && !others.every(inside)) continue;
    out.push({ cue, source, content: [content] });
  }
  return out;
}

/**
 * The speaker next to a cue the tagger left without a source: a pronoun or a capitalised name
 * directly before it (auxiliaries and adverbs may intervene: "Trump has repeatedly said") or
 * directly after it ("…,” said Smith"). Only adjacent words, so it never reaches into a clause.
 */
export function adjacentSource(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  sentence: Sentence,
  lex: { auxiliaries: Set<string>; notSources: Set<string>; pronouns: Map<string, unknown> },
  sides: { before: boolean } = { before: true },
): RoleSpan | null {
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const isName = (i: number) =>
    tokens[i].kind === 'word' && /^\p{Lu}/u.test(surface(i)) && !lex.notSources.has(surface(i).toLowerCase());
  let i = cue.from - 1;
  const floor = Math.max(sentence.tokenStart, cue.from - REACH);
  while (i >= floor && lex.auxiliaries.has(surface(i).toLowerCase())) i--;
  if (sides.before && i >= sentence.tokenStart) {
    const w = surface(i).toLowerCase();
    if (lex.pronouns.has(w) && w !== 'it' && w !== 'him' && w !== 'her' && w !== 'them')
      return { role: 'source', from: i, to: i + 1 };
    const nameFloor = Math.max(sentence.tokenStart, i - REACH);
    if (isName(i)) {
      let b = i;
      while (b - 1 >= nameFloor && isName(b - 1)) b--;
      return { role: 'source', from: b, to: i + 1 };
    }
  }
  const j = cue.to;
  if (j < sentence.tokenEnd && isName(j)) {
    let e = j;
    const last = Math.min(sentence.tokenEnd, j + REACH);
    while (e + 1 < last && isName(e + 1)) e++;
    return { role: 'source', from: j, to: e + 1 };
  }
  return null;
}

const NAME_LINKERS = new Set(['of', 'for', 'the', 'de', 'von', 'van', 'al', 'bin', '&']);

/**
 * The subject of a cue separated from it by a parenthetical: "Ukrainian MP Oleksandr Dubinsky,
 * currently under pre-trial detention …, has suggested" / "Marco Rubio, who, in early April,
 * affirmed". When the cue follows a comma, the nearest capitalised name (titles and "of" inside)
 * that is itself followed by a comma opens the parenthetical and is the speaker.
 */
export function parentheticalSubject(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  sentence: Sentence,
  lex: { auxiliaries: Set<string>; notSources: Set<string> },
  named: Uint8Array = new Uint8Array(tokens.length),
): RoleSpan | null {
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const isCap = (i: number) => tokens[i].kind === 'word' && /^\p{Lu}/u.test(surface(i));
  // A participle ("…, noting that") shares the main clause's subject; this is for finite verbs.
  if (/ing$/i.test(surface(cue.from))) return null;
  let i = cue.from - 1;
  const floor = Math.max(sentence.tokenStart, cue.from - REACH);
  while (i >= floor && lex.auxiliaries.has(surface(i).toLowerCase())) i--;
  if (i < sentence.tokenStart || surface(i) !== ',') return null;
  for (let j = i - 1; j > Math.max(sentence.tokenStart, i - PARENTHETICAL_REACH); j--) {
    if (surface(j) !== ',' || !isCap(j - 1)) continue;
    const last = j - 1;
    if (lex.notSources.has(surface(last).toLowerCase())) continue;
    let b = last;
    while (
      b - 1 >= sentence.tokenStart &&
      (isCap(b - 1) ||
        (NAME_LINKERS.has(surface(b - 1).toLowerCase()) && b - 2 >= sentence.tokenStart && isCap(b - 2)))
    )
      b--;
    // A name run right after a preposition is a place, a date or an employer ("in Kyiv,", "president
    // of Lane Works,"), not a subject.
    if (b - 1 >= sentence.tokenStart && NAME_RUN_PREPOSITIONS.test(surface(b - 1))) continue;
    // A lone sentence-initial word before a comma is an adverb ("Meanwhile,") unless the mentions
    // layer knows it as a name ("Trump, speaking to veterans, said").
    if (b === sentence.tokenStart && last === b && !named[b]) continue;
    return { role: 'source', from: b, to: last + 1 };
  }
  return null;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 're', "'re"]);

/**
 * A passive cue ("was accused of", "has been harshly criticized", "is not thought"): a form of
 * "be" then, past adverbs and negation, a past participle. Its grammatical subject is what the
 * statement is about, not who made it; on PolNeAR's training split 61% of passive cues have no
 * source and 20% have it after the cue ("by …"), so no subject before it is taken as the source.
 */
export function isPassiveCue(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  sentence: Sentence,
  lex: { auxiliaries: Set<string>; participles: Set<string> },
): boolean {
  const lower = (i: number) => text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  const isAuxiliary = (i: number) => lex.auxiliaries.has(lower(i)) || /..ly$/.test(lower(i));
  // Look back over auxiliaries and adverbs before the cue ("has been harshly" + "criticized").
  let from = cue.from;
  while (from - 1 >= Math.max(sentence.tokenStart, cue.from - REACH) && isAuxiliary(from - 1)) from--;
  for (let i = from; i < cue.to; i++) {
    if (!BE_FORMS.has(lower(i))) continue;
    let j = i + 1;
    while (j < cue.to && isAuxiliary(j)) j++;
    if (j >= cue.to) continue;
    const w = lower(j);
    if (/[a-z]{2}(ed|en)$/.test(w) || lex.participles.has(w)) return true;
  }
  return false;
}

/**
 * The content of a speech cue the tagger found without any content ("Lenox was a juggernaut,
 * Mr. Clarke said, until it went bankrupt." / "…, sources said."): when the cue and its source
 * form a frame set off by a comma, the content is the rest of the sentence around the frame;
 * when the cue opens a clause ("Clarke said he began …"), the content runs from after the cue
 * to the sentence end. `source` is the tagged or adjacent source, if any.
 */
export function orphanContent(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  source: RoleSpan | null,
  sentence: Sentence,
): RoleSpan[] {
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const isEndPunct = (i: number) => /^[.!?;:]$/u.test(surface(i)) || tokens[i].kind === 'quote';
  let end = sentence.tokenEnd;
  while (end > Math.max(sentence.tokenStart, sentence.tokenEnd - REACH) && isEndPunct(end - 1)) end--;
  const frameFrom = Math.min(cue.from, source?.from ?? cue.from);
  const frameTo = Math.max(cue.to, source?.to ?? cue.to);
  const out: RoleSpan[] = [];
  const MIN_WORDS = 3;
  // A participle after a comma ("…, stating …") reports what follows it, not the clause before.
  const participle = /ing$/i.test(surface(cue.from));
  if (!participle && frameFrom - 1 > sentence.tokenStart && surface(frameFrom - 1) === ',') {
    // A frame after a comma: the clause before it, and after it the rest when a comma follows.
    const from = Math.max(sentence.tokenStart, frameFrom - 1 - MAX_CONTENT_WORDS);
    if (frameFrom - 1 - from >= MIN_WORDS) out.push({ role: 'content', from, to: frameFrom - 1 });
    const to = Math.min(end, frameTo + 1 + MAX_CONTENT_WORDS);
    if (frameTo < end && surface(frameTo) === ',' && to - (frameTo + 1) >= MIN_WORDS)
      out.push({ role: 'content', from: frameTo + 1, to });
    return out;
  }
  // A frame opening the clause: the complement after the cue ("that" included, as annotated).
  const to = Math.min(end, frameTo + MAX_CONTENT_WORDS);
  if (frameTo < end && surface(frameTo) !== ',' && to - frameTo >= MIN_WORDS)
    out.push({ role: 'content', from: frameTo, to });
  return out;
}

/** Words that end a passive's agent phrase ("by Springsteen after …"). */
const AGENT_STOP = new Set([
  'after',
  'before',
  'when',
  'while',
  'because',
  'that',
  'which',
  'who',
  'to',
  'for',
  'as',
]);
const MAX_AGENT_WORDS = 10;

/**
 * The agent of a passive cue, which is its source: "His views were echoed by a number of tax
 * experts" → "a number of tax experts"; "by" may end the cue or follow it.
 */
export function passiveAgent(
  text: string,
  tokens: readonly Token[],
  cue: RoleSpan,
  sentence: Sentence,
): RoleSpan | null {
  const lower = (i: number) => text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  let by = -1;
  if (lower(cue.to - 1) === 'by') by = cue.to - 1;
  else if (cue.to < sentence.tokenEnd && lower(cue.to) === 'by') by = cue.to;
  if (by < 0) return null;
  let e = by + 1;
  while (
    e < sentence.tokenEnd &&
    e - by <= MAX_AGENT_WORDS &&
    tokens[e].kind !== 'punct' &&
    tokens[e].kind !== 'quote' &&
    !AGENT_STOP.has(lower(e))
  )
    e++;
  return e > by + 1 ? { role: 'source', from: by + 1, to: e } : null;
}

/** Dashes that sign a quotation: “…” ― Name (quote round-ups, pull quotes, epigraphs). */
const SIGNATURE_DASHES = new Set(['―', '—', '–']);
const MAX_SIGNATURE_WORDS = 6;
/** How far back a signed quotation without an opening mark may start (its line start). */
const MAX_SIGNED_QUOTE_TOKENS = 400;

/**
 * Quotations signed with a dash: `“…” ― Sonya Herridge` on a line of its own. The dash is the cue,
 * the name after it (up to the line end, or a comma that starts a description) the source, and the
 * quotation — from its opening mark, or from the line start when the opening mark is missing or
 * miswritten — the content. Spans are token ranges; `quote` is the per-token quotation state.
 */
export function dashSignedQuotes(
  text: string,
  tokens: readonly Token[],
  quote: { inside: Uint8Array; mark: Uint8Array },
): LinkedAttribution[] {
  const out: LinkedAttribution[] = [];
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const lineBreakBefore = (i: number) =>
    i > 0 && text.slice(tokens[i - 1].end, tokens[i].start).includes('\n');
  const capitalised = (i: number) => tokens[i].kind === 'word' && /^\p{Lu}/u.test(surface(i));
  // "de", "van der", "al" between capitalised words of a name.
  const small = (i: number) =>
    i < tokens.length && tokens[i].kind === 'word' && /^\p{Ll}{1,3}$/u.test(surface(i));
  const particle = (i: number) =>
    small(i) &&
    i + 1 < tokens.length &&
    (capitalised(i + 1) || (small(i + 1) && i + 2 < tokens.length && capitalised(i + 2)));
  for (let close = 0; close + 2 < tokens.length; close++) {
    if (quote.mark[close] !== 2) continue;
    const dash = close + 1;
    if (!SIGNATURE_DASHES.has(surface(dash)) || lineBreakBefore(dash)) continue;
    let end = dash + 1;
    while (
      end < tokens.length &&
      end - dash <= MAX_SIGNATURE_WORDS &&
      !lineBreakBefore(end) &&
      (capitalised(end) || (end > dash + 1 && particle(end)) || (surface(end) === '.' && end > dash + 1))
    )
      end++;
    if (end === dash + 1 || !capitalised(end - 1 - (surface(end - 1) === '.' ? 1 : 0))) continue;
    // The signature ends its line, or goes on with ", role".
    if (end < tokens.length && !lineBreakBefore(end) && surface(end) !== ',') continue;
    let from = close - 1;
    while (from >= 0 && close - from < MAX_SIGNED_QUOTE_TOKENS && quote.inside[from] === 1) from--;
    if (from < 0 || quote.mark[from] !== 1) {
      from = close;
      while (from > 0 && close - from < MAX_SIGNED_QUOTE_TOKENS && !lineBreakBefore(from)) from--;
    }
    if (close - from < 2) continue;
    out.push({
      cue: { role: 'cue', from: dash, to: dash + 1 },
      source: { role: 'source', from: dash + 1, to: end },
      content: [{ role: 'content', from, to: close + 1 }],
    });
  }
  return out;
}

const BE_PAST = new Set(['was', 'were', 'is', 'are', 'been', 'be']);
const MAX_PASSIVE_SUBJECT = 12;

/**
 * Passive reports with their agent, which the tagger rarely marks: "Trump's stance was echoed by
 * US Secretary of State Marco Rubio". The cue is the form of "be" and the participle of a lexicon
 * verb of saying, the source what follows "by" (as `passiveAgent` reads it), the content the
 * subject before the cue, from the clause start. Only where no linked attribution holds the cue.
 */
export function passiveReports(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  sentenceOf: Int32Array,
  taken: Uint8Array,
  isSpeechParticiple: (word: string) => boolean,
): LinkedAttribution[] {
  const out: LinkedAttribution[] = [];
  const lower = (i: number) => text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (!BE_PAST.has(lower(i)) || taken[i] || taken[i + 1]) continue;
    const p = i + 1;
    if (!/ed$/.test(lower(p)) || !isSpeechParticiple(lower(p)) || lower(p + 1) !== 'by') continue;
    const s = sentences[sentenceOf[i]];
    if (!s || sentenceOf[p + 1] !== sentenceOf[i]) continue;
    const cue: RoleSpan = { role: 'cue', from: i, to: p + 1 };
    const source = passiveAgent(text, tokens, cue, s);
    let from = i;
    while (from - 1 >= s.tokenStart && i - from < MAX_PASSIVE_SUBJECT && !/^[,;:]$/.test(lower(from - 1)))
      from--;
    if (!source || i - from < 1 || i - from >= MAX_PASSIVE_SUBJECT) continue;
    out.push({ cue, source, content: [{ role: 'content', from, to: i }] });
  }
  return out;
}
