import type { Actor, LazyList, Mention, Token, TokenPos } from '../model/index.js';
import { findActorPhrases, type ActorPhrase } from './actors.js';
import { wordKnowledge, type WordInfo } from './knowledge.js';
import { grammar } from './lexicon.js';
import { sentenceWords, type SentenceRange, type Tagged } from './tagger.js';
import { countEndingBy } from '../util/sorted-spans.js';
import { startsWithLetter } from '../util/letter-words.js';
import { ENGLISH_DOUBLE_QUOTES, ENGLISH_QUOTES } from '../text/index.js';

/*
 * One sentence as the event coder reads it: tagged words, their knowledge, entity types, actor
 * phrases, the words no actor may come from (datelines, photo credits, bylines), the candidate
 * triggers (verbs and event nouns) and each candidate's modality (negation, modal, governing verb).
 */

/** How a candidate's act is qualified by the words around it. */
export interface Modality {
  negated: boolean;
  /** will, would, 'll, shall, going to. */
  future: boolean;
  /** could, might, may, or inside an if/unless clause. */
  hypothetical: boolean;
  /** must, should, ought. */
  obligation: boolean;
  passive: boolean;
  /** would/could/should/might have + participle: an act that did not happen ("would have objected"). */
  counterfactual?: boolean;
  /** The verb whose subject receives the act its object names ("faced criticism", "came under attack"). */
  receivedAt?: number;
  /** The act is kept from happening: "avoided criticism", "averted an attack", "avoided criticising". */
  avoided?: boolean;
  /** The governing word: "threatened to [impose]" → threaten (its lemma) and kind (threat). */
  governor?: { i: number; lemma: string; kind?: string };
  /**
   * The word an infinitive depends on across its subject or object: "called for Russia to withdraw",
   * "a need for Kyiv to act", "urged the new government to investigate". The act is not asserted,
   * and no appeal is composed from it: on PLV cross-validation the tagger found the wrong source for
   * all three such appeals. Kept apart from `governor`, which the type classifier's features read.
   */
  controller?: { i: number; lemma: string; kind?: string };
  /**
   * The act is denied, not stated: under a noun group opened by "no" ("had no knowledge of any
   * efforts to urge"), "without" ("left without meeting"), or a denial ("denied ordering", "denied
   * that the army shelled"). Not a type feature: the classifier reads `negated` as before.
   */
  denied?: boolean;
}

export interface Candidate {
  i: number;
  /** The word the knowledge features read: the lemma, or a noun's verb ("invasion" → invade). */
  lemma: string;
  noun: boolean;
  modality: Modality;
}

export interface PreparedSentence {
  start: number;
  end: number;
  toks: Tagged[];
  info: WordInfo[];
  /** NER type of the mention each token is in, or "". */
  ent: string[];
  /** Index into `phrases` of the actor phrase each token is in, or -1. */
  phraseAt: Int32Array;
  phrases: ActorPhrase[];
  /** Tokens that are never an actor: a dateline, a photo credit, a byline. */
  blocked: Uint8Array;
  candidates: Candidate[];
}

const MAX_CANDIDATES = 16;
/** WordNet noun files of acts and events (noun.act, noun.communication, noun.event). */
const EVENT_NOUN_FILES = new Set([4, 10, 11]);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets']);
const CLAUSE_BREAK = new Set([',', ';', ':', 'that', 'which', 'who', 'and', 'but', '(', ')', '"', '“', '”']);
/** Dash tokens: datelines and parenthetical dashes ("Beshear — whose father …"). */
export const DASHES: ReadonlySet<string> = new Set(['-', '--', '—', '–']);

/**
 * A dateline ("SAN FRANCISCO -", "ADDIS ABABA, May 15 (Xinhua) --", "MANILA, Philippines --"):
 * capitalised place words at the start of a sentence, up to a dash within its first 14 words.
 */
function datelineEnd(toks: readonly Tagged[]): number {
  for (let k = 1; k < Math.min(toks.length, 14); k++) {
    if (!DASHES.has(toks[k]!.text)) continue;
    const head = toks.slice(0, k);
    const upper = head.filter((t) => /^\p{Lu}{2,}/u.test(t.text) && t.text === t.text.toUpperCase());
    if (upper.length > 0 && /^\p{Lu}/u.test(toks[0]!.text) && head.every((t) => !/^\p{Ll}/u.test(t.text)))
      return k + 1;
    return 0;
  }
  return 0;
}

/** Photo credits ("REUTERS/Jane Doe/File Photo"): a word with a slash and the credit words after it. */
function blockCredits(toks: readonly Tagged[], blocked: Uint8Array): void {
  for (let k = 0; k < toks.length; k++) {
    // Both tests below need a slash: most words have none and skip the pattern.
    if (!toks[k]!.text.includes('/')) continue;
    if (
      !/\p{L}\/\p{L}/u.test(toks[k]!.text) &&
      !(toks[k]!.text === '/' && /^\p{Lu}/u.test(toks[k - 1]?.text ?? ''))
    )
      continue;
    let a = k;
    while (a > 0 && /^\p{Lu}/u.test(toks[a - 1]!.text) && k - a < 4) a--;
    let b = k + 1;
    while (b < toks.length && (/^\p{Lu}/u.test(toks[b]!.text) || toks[b]!.text === '/') && b - k < 6) b++;
    for (let x = a; x < b; x++) blocked[x] = 1;
  }
}

export function prepareSentence(
  text: string,
  sentence: SentenceRange,
  mentions: readonly Mention[],
  actorsById: ReadonlyMap<string, Actor>,
  byline?: { start: number; end: number },
  tokens?: readonly Token[],
  pos?: LazyList<TokenPos>,
): PreparedSentence {
  const toks = sentenceWords(text, sentence, tokens, pos);
  const k = wordKnowledge();
  const info = toks.map((t) => {
    const byLemma = k.word(t.lemma);
    // A word that is its own lemma (names, numbers, punctuation) is not looked up twice.
    return byLemma.coarse >= 0 ||
      byLemma.verbLex.length > 0 ||
      byLemma.nounLex.length > 0 ||
      t.lemma === t.lower
      ? byLemma
      : k.word(t.lower);
  });
  const ent = toks.map(() => '');
  for (const m of mentions) {
    if (m.end <= sentence.start || m.start >= sentence.end) continue;
    // The first token at or after the mention's start, by binary search: a scan from the sentence's
    // start per mention was quadratic in a long sentence full of names.
    for (let x = countEndingBy(toks, m.start); x < toks.length && toks[x]!.start < m.end; x++)
      ent[x] = m.type;
  }
  const phrases = findActorPhrases(text, toks, mentions, actorsById);
  const phraseAt = new Int32Array(toks.length).fill(-1);
  phrases.forEach((p, n) => {
    for (let x = p.i; x < p.j; x++) phraseAt[x] = n;
  });
  const blocked = new Uint8Array(toks.length);
  const dl = datelineEnd(toks);
  for (let x = 0; x < dl; x++) blocked[x] = 1;
  blockCredits(toks, blocked);
  if (byline)
    for (let x = 0; x < toks.length; x++)
      if (toks[x]!.start < byline.end && toks[x]!.end > byline.start) blocked[x] = 1;
  const candidates = findCandidates(toks, info, phraseAt, blocked);
  return {
    start: sentence.start,
    end: sentence.end,
    toks,
    info,
    ent,
    phraseAt,
    phrases,
    blocked,
    candidates,
  };
}

function findCandidates(
  toks: readonly Tagged[],
  info: readonly WordInfo[],
  phraseAt: Int32Array,
  blocked: Uint8Array,
): Candidate[] {
  const out: Candidate[] = [];
  const g = grammar();
  for (let i = 0; i < toks.length && out.length < MAX_CANDIDATES; i++) {
    const t = toks[i]!;
    if (blocked[i] || !startsWithLetter(t.text)) continue;
    // "Israeli-occupied", "US-led": a participle inside a modifier is not a predicate.
    if (toks[i - 1]?.text === '-' && t.pos !== 'NOUN') continue;
    const w = info[i]!;
    if (t.pos === 'VERB' || (t.pos === 'ADJ' && g.controlKind.has(t.lemma))) {
      if (phraseAt[i] >= 0 && t.pos !== 'VERB') continue;
      out.push({ i, lemma: t.lemma, noun: false, modality: modalityAt(toks, i) });
      continue;
    }
    if (
      t.pos === 'NOUN' &&
      phraseAt[i] < 0 &&
      w.nounLex.some((l) => EVENT_NOUN_FILES.has(l)) &&
      (w.derived || w.cameo || g.controlKind.has(t.lemma))
    )
      out.push({ i, lemma: w.derived || t.lemma, noun: true, modality: modalityAt(toks, i) });
  }
  return out;
}

/**
 * Whether a candidate's act is stated as done: an act governed by an intent, appeal, demand or threat
 * word ("urged Ukraine to investigate", "threatened to impose") is not, and is left to composition
 * (compose.ts); nor is one governed by any other verb ("needed to investigate", "referred to
 * investigations"). Refusals stay: the coder turns them into rejections.
 */
export function isAsserted(c: Candidate): boolean {
  if (c.modality.controller) return false;
  const gov = c.modality.governor;
  return !gov || gov.kind === 'transparent' || gov.kind === 'refuse';
}

const CLAUSE_END = new Set([',', ';', ':', '.', '"', '“', '”', '—', '–', '-']);

const capitalised = (t: Tagged | undefined) => !!t && /^\p{Lu}/u.test(t.text);
/** The possessive ending, a token of its own ("NASA 's"). */
export const POSSESSIVE_ENDINGS: ReadonlySet<string> = new Set(["'s", '’s']);

/**
 * Whether the word at i is part of a title-case name in running text ("NASA's Volatiles Investigating
 * Polar Exploration Rover", "AirPods with Charging Case"), not a predicate: a gerund capitalised past the
 * sentence's start or an opening quote, colon or bracket, next to another capitalised word, in a
 * sentence mostly in lower case (a title-case headline, "Trump Attacks Biden", keeps its verbs).
 */
export function insideName(toks: readonly Tagged[], i: number): boolean {
  const t = toks[i]!;
  // Names hold gerunds ("Charging Case"); a capitalised past tense is a headline's ("Syrians Sought Refuge").
  if (i === 0 || !capitalised(t) || !t.lower.endsWith('ing') || t.text === t.text.toUpperCase()) return false;
  const before = toks[i - 1]!;
  if (!startsWithLetter(before.text) && !POSSESSIVE_ENDINGS.has(before.text)) return false;
  const prev = POSSESSIVE_ENDINGS.has(before.text) ? toks[i - 2] : before;
  if (!capitalised(prev) && !capitalised(toks[i + 1])) return false;
  const words = toks.filter((w) => startsWithLetter(w.text));
  return words.filter(capitalised).length * 2 < words.length;
}
const QUOTES: ReadonlySet<string> = new Set(ENGLISH_QUOTES);
const COUNTERFACTUAL_MODALS = new Set(['would', 'could', 'should', 'might']);
/** would/could/should/might have + participle, scare quotes around the word or not ("would have \"objected\""). */
function counterfactual(toks: readonly Tagged[], i: number): boolean {
  let b = i - 1;
  while (b > i - 3 && b > 0 && (QUOTES.has(toks[b]!.text) || toks[b]!.pos === 'ADV')) b--;
  return toks[b]?.lower === 'have' && COUNTERFACTUAL_MODALS.has(toks[b - 1]?.lower ?? '');
}

/** Words between a verb and the act noun it takes as object ("faced stiff international criticism"). */
const OBJECT_FILLER = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'NOUN', 'PROPN', 'CCONJ', 'PRON']);

/**
 * The verb whose object is the act at i, when it receives the act ("faced criticism", "came under
 * attack") or keeps it from happening ("avoided criticism", "averted an attack", "avoided criticising").
 */
function objectOf(toks: readonly Tagged[], i: number, m: Modality): void {
  const g = grammar();
  const t = toks[i]!;
  if (t.pos !== 'NOUN' && !(t.pos === 'VERB' && t.lower.endsWith('ing'))) return;
  let k = i - 1;
  while (k >= 0 && i - k <= 6 && (OBJECT_FILLER.has(toks[k]!.pos) || toks[k]!.text === ',')) {
    if (t.pos === 'VERB' && toks[k]!.pos !== 'ADV') return;
    k--;
  }
  const v = toks[k];
  if (!v) return;
  if (t.pos === 'NOUN' && v.pos === 'ADP' && g.receive.has(`${toks[k - 1]?.lemma} ${v.lower}`))
    m.receivedAt = k - 1;
  if (v.pos !== 'VERB') return;
  if (g.receive.has(v.lemma) && t.pos === 'NOUN') m.receivedAt = k;
  else if (g.avoid.has(v.lemma)) m.avoided = true;
}

/**
 * "called for Russia to withdraw", "a need for Ukraine to launch": an infinitive whose subject follows
 * "for" is governed by the word before "for" (an appeal, a need), not asserted.
 */
function forClauseGovernor(toks: readonly Tagged[], to: number, m: Modality): boolean {
  let f = to - 1;
  while (f >= 0 && to - f <= 6 && OBJECT_FILLER.has(toks[f]!.pos) && toks[f]!.pos !== 'CCONJ') f--;
  if (f === to - 1 || toks[f]?.lower !== 'for') return false;
  let v = f - 1;
  while (v >= 0 && toks[v]!.pos === 'ADV' && f - v < 3) v--;
  const gv = toks[v];
  if (!gv || !['VERB', 'NOUN', 'ADJ'].includes(gv.pos)) return false;
  const kind = grammar().controlKind.get(gv.lemma);
  m.controller = { i: v, lemma: gv.lemma, ...(kind ? { kind } : {}) };
  return true;
}

/** Whether toks[v] is a period of an ellipsis written as periods ("ask... the Court"), read as "…" is. */
function inEllipsis(toks: readonly Tagged[], v: number): boolean {
  const period = (k: number) => toks[k]?.text === '.';
  return (
    period(v) &&
    ((period(v - 1) && toks[v - 1]!.end === toks[v]!.start) ||
      (period(v + 1) && toks[v]!.end === toks[v + 1]!.start))
  );
}

/** Words of the object between an appeal verb and its "to" ("asked... the Court (ICC) to open"). */
const OBJECT_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON', 'ADV', 'PUNCT']);

/**
 * "urged the Ukrainian government to investigate", "called on the Security Council to act": an
 * infinitive after the object of an appeal or demand word is governed by it (object control).
 */
function objectControlGovernor(toks: readonly Tagged[], to: number, m: Modality): boolean {
  let v = to - 1;
  // Up to 8 words back, an ellipsis written as periods counting as one.
  for (let words = 1; v >= 0 && words <= 8 && OBJECT_POS.has(toks[v]!.pos); v--) {
    const ellipsis = inEllipsis(toks, v);
    if (CLAUSE_END.has(toks[v]!.text) && !ellipsis) break;
    if (!ellipsis || !inEllipsis(toks, v - 1)) words++;
  }
  if (v === to - 1 || v < 0) return false;
  if (toks[v]!.pos === 'ADP' && v > 0) v--;
  const gv = toks[v]!;
  const kind = grammar().controlKind.get(gv.lemma);
  if (gv.pos !== 'VERB' || (kind !== 'appeal' && kind !== 'demand')) return false;
  m.controller = { i: v, lemma: gv.lemma, kind };
  return true;
}

/** A modal read as a name or a noun is none: "Theresa May has held talks", "In May the army attacked". */
export const isAuxiliary = (t: Tagged): boolean => t.pos !== 'NOUN' && t.pos !== 'PROPN';

/** Negation, modals, passive voice and the governing word of the candidate at i. */
export function modalityAt(toks: readonly Tagged[], i: number): Modality {
  const g = grammar();
  const m: Modality = {
    negated: false,
    future: false,
    hypothetical: false,
    obligation: false,
    passive: false,
  };
  // Auxiliaries and negators in the few words before the word (stopping at a clause break).
  for (let b = i - 1; b >= Math.max(0, i - 4); b--) {
    const w = toks[b]!.lower;
    if (CLAUSE_BREAK.has(w)) break;
    if (g.negators.has(w) || (w === 'longer' && toks[b - 1]?.lower === 'no')) m.negated = true;
    else if (!isAuxiliary(toks[b]!)) continue;
    else if (g.futureAux.has(w) || (w === 'going' && toks[b + 1]?.lower === 'to')) m.future = true;
    else if (g.hypotheticalAux.has(w)) m.hypothetical = true;
    else if (g.obligationAux.has(w)) m.obligation = true;
    else if (BE.has(w) && b >= i - 2 && /(?:ed|en|wn|ne)$/.test(toks[i]!.lower)) m.passive = true;
  }
  if (counterfactual(toks, i)) m.counterfactual = true;
  if (deniedScope(toks, i)) m.denied = true;
  objectOf(toks, i, m);
  // "if", "unless" earlier in the clause make it conditional.
  for (let b = i - 1; b >= Math.max(0, i - 12); b--) {
    const w = toks[b]!.lower;
    if (w === ';' || w === '.') break;
    if (g.hypotheticalMarkers.has(w) && w !== 'before' && w !== 'until') {
      m.hypothetical = true;
      break;
    }
  }
  // The governing word: "threatened to impose", "refused to sign", "plans for talks", "failed to reach",
  // "pressed Ukraine into investigating".
  let b = i - 1;
  while (
    b >= 0 &&
    (toks[b]!.pos === 'ADV' ||
      (toks[b]!.pos === 'PART' && toks[b]!.lower !== 'to') ||
      toks[b]!.pos === 'DET' ||
      toks[b]!.pos === 'ADJ') &&
    i - b < 4
  )
    b--;
  const link = toks[b]?.lower;
  if (link === 'to' && !forClauseGovernor(toks, b, m)) objectControlGovernor(toks, b, m);
  if (link === 'to' || link === 'for' || link === 'of' || link === 'on' || link === 'into') {
    let v = b - 1;
    while (
      v >= 0 &&
      (toks[v]!.pos === 'ADV' || toks[v]!.pos === 'PRON' || toks[v]!.pos === 'PROPN') &&
      b - v < 4
    )
      v--;
    const gv = toks[v];
    if (gv && (gv.pos === 'VERB' || gv.pos === 'NOUN' || gv.pos === 'ADJ' || gv.pos === 'AUX')) {
      const kind = g.controlKind.get(gv.lemma);
      if (kind || gv.pos === 'VERB') m.governor = { i: v, lemma: gv.lemma, ...(kind ? { kind } : {}) };
      if (kind === 'refuse' && link === 'to') m.negated = true;
    }
  }
  lightVerbController(toks, i, m);
  return m;
}

/** Words between a word and what opens its group: determiners, modifiers, auxiliaries, particles. */
const SCOPE_SKIP = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'AUX', 'PART']);
/** Prepositions and "to" by which a noun governs the act after it ("knowledge of", "efforts to"). */
const SCOPE_LINKS = new Set(['to', 'of', 'for', 'about', 'into', 'in', 'on']);
/** How many governing nouns up the scope of a denial may sit ("no knowledge of any efforts to urge"). */
const SCOPE_HOPS = 4;

/**
 * Whether the act at i is denied: a "no" opening its noun group, its object ("expressed no view") or the
 * group of a noun that governs it ("no plans for talks", "no knowledge of any efforts to urge"), "without" before it, a denial word
 * whose object it is ("denied ordering", "the denial of any role in"), or a that-clause of a denial
 * ("denied that the army shelled"). The chain of governors runs through nouns only: a verb's own
 * negation is its modality ("did not hesitate to strike" states the strike).
 */
function deniedScope(toks: readonly Tagged[], i: number): boolean {
  const g = grammar();
  if (deniedClause(toks, i) || deniedObject(toks, i)) return true;
  let p = i;
  for (let hop = 0; hop < SCOPE_HOPS; hop++) {
    let b = p - 1;
    while (b >= 0 && p - b <= 4 && SCOPE_SKIP.has(toks[b]!.pos) && toks[b]!.lower !== 'to') {
      if (g.nominalNegators.has(toks[b]!.lower) && toks[b + 1]?.lower !== 'longer') return true;
      b--;
    }
    const w = toks[b];
    if (!w) return false;
    if (w.lower === 'without' || g.deniers.has(w.lemma)) return true;
    if (!SCOPE_LINKS.has(w.lower)) return false;
    let v = b - 1;
    while (v >= 0 && b - v <= 3 && (toks[v]!.pos === 'ADJ' || toks[v]!.pos === 'ADV')) v--;
    const gv = toks[v];
    if (!gv) return false;
    if (g.deniers.has(gv.lemma)) return true;
    if (gv.pos !== 'NOUN') return false;
    p = v;
  }
  return false;
}

/** Whether the verb at i takes an object opened by "no": "expressed no view", "offered absolutely no support". */
function deniedObject(toks: readonly Tagged[], i: number): boolean {
  if (toks[i]!.pos !== 'VERB') return false;
  let k = i + 1;
  while (k < toks.length && k - i <= 2 && toks[k]!.pos === 'ADV') k++;
  return grammar().nominalNegators.has(toks[k]?.lower ?? '') && toks[k + 1]?.lower !== 'longer';
}

/** Whether the act at i is in the that-clause of a denial ("denied that the army had shelled"). */
function deniedClause(toks: readonly Tagged[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(1, i - REPORT_WINDOW); k--) {
    const w = toks[k]!;
    if (CLAUSE_END.has(w.text) || w.pos === 'VERB') return false;
    if (w.lower !== 'that') continue;
    let v = k - 1;
    while (v > 0 && toks[v]!.pos === 'ADV') v--;
    return grammar().deniers.has(toks[v]!.lemma);
  }
  return false;
}

/**
 * An event noun takes the assertion of the infinitive whose object it is: "asked the court to open an
 * investigation" asks for the investigation, it does not state one (the court is whom the request
 * addresses, not yet an actor); "refused to hold talks" refuses them, "plans to launch an attack"
 * plans one. The noun is then left to the verb's control (composition), as the verb is.
 */
function lightVerbController(toks: readonly Tagged[], i: number, m: Modality): void {
  if (toks[i]!.pos !== 'NOUN' || m.controller) return;
  let v = i - 1;
  while (v >= 0 && i - v <= 3 && (toks[v]!.pos === 'DET' || toks[v]!.pos === 'ADJ' || toks[v]!.pos === 'NUM'))
    v--;
  if (toks[v]?.pos !== 'VERB' || toks[v - 1]?.lower !== 'to') return;
  const verb = modalityAt(toks, v);
  const control = verb.controller ?? verb.governor;
  // As for the verb (isAsserted): any governor but a transparent one ("set out to") keeps it unstated.
  if (control && control.kind !== 'transparent') m.controller = control;
}

/** How far a reported clause's modal may sit from the statement verb ("says [the new government] must"). */
const REPORT_WINDOW = 8;
const DOUBLE_QUOTES: ReadonlySet<string> = new Set(ENGLISH_DOUBLE_QUOTES);
/**
 * Obligation modals and the control kind a statement of them makes: "said Israel must end" demands.
 * Not "should", often a forecast in news ("said the debate should boost his numbers"): on 84 PolNeAR
 * dev articles 1 of 4 such events was right, and PLV cross-validation gained none from it.
 */
const OBLIGATION_KIND: ReadonlyMap<string, 'demand' | 'appeal'> = new Map([['must', 'demand']]);

/**
 * "Russia says Israel must end attacks": a statement verb (CAMEO 01x) over a clause whose act is an
 * obligation of a kind in OBLIGATION_KIND (today "must" only) demands the act.
 */
export function reportedObligation(
  s: Pick<PreparedSentence, 'toks'>,
  i: number,
): { i: number; kind: 'demand' | 'appeal' } | undefined {
  let m = i - 1;
  while (m > i - 4 && m > 0 && (s.toks[m]!.pos === 'ADV' || s.toks[m]!.lower === 'be')) m--;
  const kind = OBLIGATION_KIND.get(s.toks[m]?.lower ?? '');
  if (!kind) return undefined;
  for (let k = m - 1; k >= Math.max(1, m - REPORT_WINDOW); k--) {
    const t = s.toks[k]!;
    if (t.text === ',' || t.text === ';' || DOUBLE_QUOTES.has(t.text)) return undefined;
    const v = t.lower === 'that' ? s.toks[k - 1]! : t;
    if (v.pos !== 'VERB') continue;
    const said = wordKnowledge().word(v.lemma).cameo.startsWith('01');
    return said ? { i: t.lower === 'that' ? k - 1 : k, kind } : undefined;
  }
  return undefined;
}
