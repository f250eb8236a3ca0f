import type { Doc, Token, Via } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { cueLexicon } from './lexicon.js';
import type { LinkedAttribution, RoleSpan } from './link.js';

/** A relaying outlet found in a sentence: "Caliber.Az reports citing Russian media". */
export interface ViaMatch {
  via: Via;
  /** Token index of the outlet's verb, so the tagger's own attribution on it can be dropped. */
  cueToken: number;
  /** The via's own phrase ("according to") heads an attribution that is only this relay. */
  ownCue?: boolean;
}

const LINKERS = new Set(['the', 'of', '&', 'and']);

/**
 * Finds outlets relaying statements in the tokens [from, to) of one sentence: a capitalised name
 * directly before a relaying verb ("reports", "cited", "quoted"), optionally followed by what it
 * cites ("citing Russian media"). Lexicon data decides which verbs relay and which words cite.
 */
export function findVia(
  doc: Doc,
  tokens: readonly Token[],
  from: number,
  to: number,
  isOutlet: (from: number, to: number) => boolean = () => true,
): ViaMatch[] {
  const lex = cueLexicon();
  const out: ViaMatch[] = [];
  const lower = (i: number) => doc.text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  const isCap = (i: number) => /^\p{Lu}/u.test(doc.text.slice(tokens[i].start, tokens[i].end));
  for (let i = from + 1; i < to; i++) {
    const entry = lex.forms.get(lower(i));
    if (!entry || !lex.outletVerbs.has(entry.lemma)) continue;
    // A capitalised form is a word of a name ("the Cook Political Report", "Andrea Mitchell Reports").
    if (isCap(i)) continue;
    // The outlet: a run of capitalised tokens (with "of", "the" inside) ending right before the verb.
    let s = i;
    while (s - 1 >= from && (isCap(s - 1) || (LINKERS.has(lower(s - 1)) && s - 2 >= from && isCap(s - 2))))
      s--;
    if (s === i) continue;
    if (s - 1 >= from && lower(s - 1) === 'the') s--;
    if (lex.personalRelayVerbs.has(entry.lemma) && !isOutlet(s, i)) continue;
    // A form that is also a singular cue noun reads as one after a name that is no outlet ("a June
    // report", "the National Academies report": a document, no outlet relaying); a singular name
    // before a plural form makes it the verb ("Caliber.Az reports citing …").
    if (lex.nouns.has(lower(i)) && !isOutlet(s, i)) continue;
    const outletSpan = textSpan(doc.text, tokens[s].start, tokens[i - 1].end);
    const via: Via = {
      outlet: outletSpan.text,
      outletSpan,
      cue: textSpan(doc.text, tokens[i].start, tokens[i].end),
    };
    // What it cites: "citing X" up to the next punctuation, perhaps after a comma ("wrote, citing X,").
    let j = i + 1;
    const at = j < to && lower(j) === ',' ? j + 1 : j;
    for (const words of lex.citing) {
      if (words.every((w, k) => at + k < to && lower(at + k) === w)) {
        const cs = at + words.length;
        let ce = cs;
        while (ce < to && tokens[ce].kind !== 'punct' && tokens[ce].kind !== 'quote') ce++;
        if (ce > cs) via.citing = textSpan(doc.text, tokens[cs].start, tokens[ce - 1].end);
        j = ce;
        break;
      }
    }
    // Relaying is reported beside the statement: the clause must end after the verb (and citation).
    if (j < to && tokens[j].kind !== 'punct') continue;
    out.push({ via, cueToken: i });
  }
  return out;
}

/** Tokens an outlet's name may take after "told" ("told The Wall Street Journal"). */
const MAX_OUTLET_TOKENS = 6;

/**
 * Outlets a statement was given to, in the tokens [from, to) of one sentence: "X told AFP",
 * "said in an interview with the BBC", "told US media", "in a statement emailed to NBC News".
 * The name after the phrase must be an outlet: a news organisation of the knowledge base
 * (`isOutlet`), a name ending in an outlet word ("Business Insider", "The Hill" is known) or
 * "… media". A person told something ("told Smith") is no relay.
 */
export function findRecipientVia(
  doc: Doc,
  tokens: readonly Token[],
  from: number,
  to: number,
  isOutlet: (start: number, end: number) => string | undefined,
): ViaMatch[] {
  const lex = cueLexicon();
  const out: ViaMatch[] = [];
  const lower = (i: number) => doc.text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  const isCap = (i: number) => /^\p{Lu}/u.test(doc.text.slice(tokens[i].start, tokens[i].end));
  for (let i = from; i < to; i++) {
    const phrase = lex.recipients.find((words) => words.every((w, k) => i + k < to && lower(i + k) === w));
    if (!phrase) continue;
    let j = i + phrase.length;
    if (j < to && lower(j) === 'the') j++;
    let e = j;
    while (
      e < to &&
      e - j < MAX_OUTLET_TOKENS &&
      (isCap(e) || (LINKERS.has(lower(e)) && e + 1 < to && isCap(e + 1)))
    )
      e++;
    // "told US media", "told state media", "told local media".
    if (e < to && lower(e) === 'media') e++;
    else if (e === j && j + 1 < to && lower(j + 1) === 'media') e = j + 2;
    if (e === j) continue;
    j = interviewerOf(j, e, lower, (k) => isOutlet(tokens[k].start, tokens[e - 1].end) !== undefined);
    const start = tokens[j].start;
    const end = tokens[e - 1].end;
    const known = isOutlet(start, end);
    if (!known && !lex.outletWords.has(lower(e - 1))) continue;
    const outletSpan = textSpan(doc.text, start, end);
    out.push({
      via: {
        outlet: known ?? outletSpan.text,
        outletSpan,
        cue: textSpan(doc.text, tokens[i].start, tokens[i + phrase.length - 1].end),
      },
      cueToken: -1,
    });
    i = e - 1;
  }
  return out;
}

/**
 * "told Bill O'Reilly of Fox News": where the outlet starts in the name tokens [from, to) when they
 * are an interviewer "of" an outlet (known, or ending in an outlet word), else `from`.
 */
function interviewerOf(
  from: number,
  to: number,
  lower: (i: number) => string,
  knownFrom: (k: number) => boolean,
): number {
  for (let k = to - 2; k > from; k--) {
    if (lower(k) !== 'of') continue;
    let tail = k + 1;
    if (lower(tail) === 'the' && tail + 1 < to) tail++;
    return knownFrom(tail) || cueLexicon().outletWords.has(lower(to - 1)) ? tail : from;
  }
  return from;
}

/** Tokens between a speech verb and the comma before "according to" ("said Friday, according to"). */
const FRAME_REACH = 5;

/**
 * "…,” he said, according to the Intelligencer.": an outlet named after "according to" right after
 * a speech frame relays the statement. `isOutlet` tells whether tokens [from, to) name an outlet;
 * `isSpeechVerb` whether a token is a verb of saying.
 */
export function findAccordingVia(
  doc: Doc,
  tokens: readonly Token[],
  from: number,
  to: number,
  isOutlet: (from: number, to: number) => boolean,
  isSpeechVerb: (i: number) => boolean,
): ViaMatch[] {
  const out: ViaMatch[] = [];
  const lower = (i: number) => doc.text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  for (let i = from + 2; i + 2 < to; i++) {
    if (lower(i) !== 'according' || lower(i + 1) !== 'to' || lower(i - 1) !== ',') continue;
    let v = i - 2;
    while (v > i - 2 - FRAME_REACH && v >= from && !isSpeechVerb(v)) v--;
    if (v < from || v <= i - 2 - FRAME_REACH) continue;
    let e = i + 2;
    while (e < to && tokens[e].kind !== 'punct' && tokens[e].kind !== 'quote') e++;
    if (e === i + 2 || !isOutlet(i + 2, e)) continue;
    let s = i + 2;
    if (lower(s) === 'the' && s + 1 < e) s++;
    const outletSpan = textSpan(doc.text, tokens[s].start, tokens[e - 1].end);
    out.push({
      via: {
        outlet: outletSpan.text,
        outletSpan,
        cue: textSpan(doc.text, tokens[i].start, tokens[i + 1].end),
      },
      cueToken: i,
      ownCue: true,
    });
  }
  return out;
}

/**
 * The statement an "according to OUTLET" attribution relays when the tagger read the whole
 * sentence as the outlet's ("“…,” he said, according to the Intelligencer."): the frame's cue and
 * speaker, and the words before the frame, or null when its content does not end in such a frame.
 */
export function relayedFrame(
  text: string,
  tokens: readonly Token[],
  a: LinkedAttribution,
  isSpeechVerb: (i: number) => boolean,
): LinkedAttribution | null {
  const content = a.content[0];
  if (!content || a.content.length !== 1 || !a.cue) return null;
  const word = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const isSpeaker = (i: number) =>
    tokens[i].kind === 'word' && (/^\p{Lu}/u.test(word(i)) || /^(he|she|they|it|we)$/i.test(word(i)));
  let end = content.to;
  while (end > content.from && /^[,;]$/.test(word(end - 1))) end--;
  // "he said" / "McKinley said" before the phrase, or "said McKinley".
  let v = end - 1;
  let src: RoleSpan | null = null;
  if (v > content.from && isSpeechVerb(v) && isSpeaker(v - 1)) {
    let b = v - 1;
    while (b - 1 > content.from && /^\p{Lu}/u.test(word(b - 1)) && tokens[b - 1].kind === 'word') b--;
    src = { role: 'source', from: b, to: v };
  } else {
    let e = end;
    while (e - 1 > content.from && /^\p{Lu}/u.test(word(e - 1)) && tokens[e - 1].kind === 'word') e--;
    v = e - 1;
    if (e < end && v > content.from && isSpeechVerb(v)) src = { role: 'source', from: e, to: end };
  }
  if (!src) return null;
  const frameStart = Math.min(src.from, v);
  // The frame is set off from the statement by a comma or a closing quotation mark.
  const before = frameStart - 1;
  if (before <= content.from || !(word(before) === ',' || tokens[before].kind === 'quote')) return null;
  return {
    cue: { role: 'cue', from: v, to: v + 1 },
    source: src,
    content: [{ role: 'content', from: content.from, to: frameStart }],
  };
}
