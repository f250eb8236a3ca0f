import type { Decoded } from './decode.js';
import { argumentRanges, tagArguments } from './decode.js';
import { codeType, dictionaryCode, staticArgFeatures, type FoldedType } from './features.js';
import { wordKnowledge } from './knowledge.js';
import { grammar, type ControlKind } from './lexicon.js';
import type { EventModel } from './model.js';
import { modalityAt, reportedObligation, type Candidate, type PreparedSentence } from './sentence.js';

/*
 * Acts composed by CAMEO's grammar rather than typed by the classifier, which learnt from sentences
 * where a stated intent, an appeal or a halt is rarely marked as the event:
 * - a control word over an act the dictionary codes: "expressed willingness to support" is an intent
 *   to cooperate (03x), "suggested that X should open talks" an appeal to meet (026);
 * - a halt verb over a cooperative act: "suspended talks" halts negotiations (164), "withdrew from a
 *   support centre" reduces relations (16x);
 * - a statement verb whose object the dictionary's statement verbs code as a comment: "reiterated
 *   his optimism" is an optimistic comment (013), "voiced concern" a pessimistic one (012).
 * The trigger is the control, halt or statement word; the trained tagger finds source and target
 * for it as for any trigger of the composed type. Negated or hypothetical controls are no event.
 */

/** A composed act: a decoded trigger with its CAMEO code fixed by the rule. */
export interface ComposedAct extends Decoded {
  code: string;
}

type WrapKind = Exclude<ControlKind, 'transparent'>;
const CLAUSE_MODALS = new Set(['should', 'must', 'would', 'to']);
const SKIP_POS = new Set(['DET', 'ADJ', 'NUM']);
/** How far a that-clause's verb may sit from its "that" ("that the president should open"). */
const THAT_WINDOW = 8;

/**
 * The code of an act of `code` wrapped by a control of `kind`: a 3-digit entry first, then the root's;
 * "" keeps the act's own code (an intent to hold talks is already an intent, 036); no entry, the table's
 * default for the kinds that commit to any act ("urged X to condemn" is an appeal, 020, "refused to lift"
 * a rejection), else no act.
 */
function wrapped(kind: WrapKind | 'halt', code: string, willed = true): string | undefined {
  const table = grammar().modality[kind];
  const fallback = willed && DEFAULTED.has(kind) ? table['default'] : undefined;
  const mapped = table[code.slice(0, 3)] ?? table[code.slice(0, 2)] ?? fallback;
  return mapped === '' ? code : mapped;
}

/**
 * Controls whose table default holds for any act. Not intent ("a group plans to put up", "a possible
 * order to move": PLV CV 7 right and 19 wrong events with every default) nor demand. The appeal default
 * adds no PLV hit (precision lower bound 0.850 without it, 0.847 with), but on real text 5 of its 9
 * events were right ("a lawyer for the woman asked for the investigation to be resumed").
 */
const DEFAULTED: ReadonlySet<string> = new Set(['appeal', 'refuse', 'threat']);

const opened = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** A trigger vocabulary with the words composed acts start from: control and halt words, comment nouns. */
export function withCompositionWords(vocabulary: ReadonlySet<string>): ReadonlySet<string> {
  let set = opened.get(vocabulary);
  if (set) return set;
  const g = grammar();
  const words = new Set(vocabulary);
  for (const [w, kind] of g.controlKind) if (kind !== 'transparent') words.add(w);
  for (const w of g.halt) words.add(w);
  for (const w of wordKnowledge().statementNouns()) words.add(w);
  opened.set(vocabulary, (set = words));
  return set;
}

/** "suggested that X should open talks": the appeal or demand word before the that-clause of candidate i. */
function thatGovernor(s: PreparedSentence, i: number): { i: number; kind: WrapKind } | undefined {
  const g = grammar();
  // The clause's modal just before the act ("should begin", "should quickly begin").
  let m = i - 1;
  while (m > i - 3 && m > 0 && s.toks[m]!.pos === 'ADV') m--;
  if (!CLAUSE_MODALS.has(s.toks[m]?.lower ?? '')) return undefined;
  for (let k = m - 1; k >= Math.max(1, m - THAT_WINDOW); k--) {
    const w = s.toks[k]!.lower;
    if (w === ',' || w === ';' || s.toks[k]!.pos === 'VERB') return undefined;
    if (w !== 'that') continue;
    const v = s.toks[k - 1]!;
    const kind = g.controlKind.get(v.lemma);
    return kind === 'appeal' || kind === 'demand' ? { i: k - 1, kind } : undefined;
  }
  return undefined;
}

/** The halt verb whose object is candidate c ("halted [the] talks", "withdrew from [a key] support"). */
function haltGovernor(s: PreparedSentence, c: Candidate): number | undefined {
  if (!c.noun) return undefined;
  let k = c.i - 1;
  while (k >= 0 && (SKIP_POS.has(s.toks[k]!.pos) || s.toks[k]!.pos === 'NOUN') && c.i - k < 4) k--;
  if (s.toks[k]?.lower === 'from' || s.toks[k]?.lower === 'off') k--;
  const v = s.toks[k];
  return v && v.pos === 'VERB' && grammar().halt.has(v.lemma) ? k : undefined;
}

function trigger(s: PreparedSentence, i: number): Candidate {
  const t = s.toks[i]!;
  return { i, lemma: t.lemma, noun: t.pos === 'NOUN', modality: modalityAt(s.toks, i) };
}

/** The composed act of candidate c, if a rule codes it. */
function composeOne(s: PreparedSentence, c: Candidate): { at: number; code: string } | undefined {
  const act = dictionaryCode(s, c).code;
  if (act) {
    const gov = c.modality.governor;
    const kind = gov?.kind as ControlKind | undefined;
    if (gov && kind && kind !== 'transparent' && !grammar().notComposed.has(gov.lemma)) {
      const code = wrapped(kind, act, !grammar().unwilled.has(gov.lemma));
      if (code) return { at: gov.i, code };
    }
    const that = thatGovernor(s, c.i);
    if (that) {
      const code = wrapped(that.kind, act);
      if (code) return { at: that.i, code };
    }
    const halt = haltGovernor(s, c);
    if (halt !== undefined) {
      const code = wrapped('halt', act);
      if (code) return { at: halt, code };
    }
  }
  // What a speaker says another must or should do is demanded or appealed for, whatever the act.
  const reported = reportedObligation(s, c.i);
  if (reported)
    return {
      at: reported.i,
      code: wrapped(reported.kind, act) ?? grammar().modality[reported.kind]['default']!,
    };
  return undefined;
}

/** A statement verb with a comment noun as its object: "reiterated his optimism" → 013. */
function statementAct(s: PreparedSentence, c: Candidate): { at: number; code: string } | undefined {
  // A finite statement only: "his duty to report his concerns" reports nothing yet.
  if (c.noun || c.modality.governor || s.toks[c.i - 1]?.lower === 'to') return undefined;
  if (!wordKnowledge().word(c.lemma).cameo.startsWith('01')) return undefined;
  for (let k = c.i + 1; k < Math.min(s.toks.length, c.i + 4); k++) {
    const t = s.toks[k]!;
    if (t.pos === 'NOUN') {
      const code = wordKnowledge().statementCode(t.lemma) ?? wordKnowledge().statementCode(t.lower);
      return code ? { at: c.i, code } : undefined;
    }
    if (!SKIP_POS.has(t.pos) && t.pos !== 'PRON') return undefined;
  }
  return undefined;
}

/** Composed acts of a sentence, beside the typed ones (a word already typed is left to the classifier). */
export function composeSentence(
  s: PreparedSentence,
  model: EventModel,
  typed: readonly Decoded[],
): ComposedAct[] {
  const taken = new Set<number>();
  for (const d of typed) {
    taken.add(d.c.i);
    if (d.c.modality.governor) taken.add(d.c.modality.governor.i);
  }
  const out: ComposedAct[] = [];
  let stat: string[][] | undefined;
  for (const c of s.candidates) {
    if (taken.has(c.i)) continue;
    const hit = composeOne(s, c) ?? statementAct(s, c);
    if (!hit || taken.has(hit.at)) continue;
    const t = trigger(s, hit.at);
    // A negated, hypothetical or conditional control states no act.
    if (t.modality.negated || t.modality.hypothetical) continue;
    taken.add(hit.at);
    const type = codeType(hit.code);
    stat ??= staticArgFeatures(s);
    // Statements (01x) have no PLOVER type: their arguments are tagged as an untyped trigger's.
    const folded = (type === '-' ? 'NONE' : type) as FoldedType;
    const labels = tagArguments(s, model, t, folded, stat);
    out.push({ c: t, type: folded, margin: 0, code: hit.code, ...argumentRanges(labels, t.i) });
  }
  return out;
}
