import type { Decoded } from './decode.js';
import { actorWords, clauseEnd, isActorToken, objectWords } from './arguments.js';
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
  // An unwilled refusal of a statement says nothing was said ("failed to acknowledge"): no act.
  if (!willed && code.startsWith('01')) return undefined;
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

/** A trigger vocabulary with the words composed acts start from: control, halt and aspectual words, comment nouns. */
export function withCompositionWords(vocabulary: ReadonlySet<string>): ReadonlySet<string> {
  let set = opened.get(vocabulary);
  if (set) return set;
  const g = grammar();
  const words = new Set(vocabulary);
  for (const [w, kind] of g.controlKind) if (kind !== 'transparent') words.add(w);
  for (const w of [...g.halt, ...g.resume.keys()]) words.add(w);
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

/** Words of an object's noun group before its head ("renewed [their stalled] negotiations"). */
const GROUP_FILLER = new Set(['DET', 'ADJ', 'NUM', 'PRON', 'NOUN']);

/**
 * An aspectual verb over an act noun ("renewed negotiations", "resumed aid to Gaza", "continued talks"):
 * the act the verb does again or goes on with, coded by the CAMEO dictionary's object patterns of the
 * verb (data: grammar.json `resume`), at the verb, with the noun's index. Stated as future, the intent
 * to do it (036), or none where the intent table has no entry.
 */
function resumedAct(s: PreparedSentence, c: Candidate): (Hit & { object: number }) | undefined {
  const as = grammar().resume.get(c.lemma);
  if (!as || c.noun) return undefined;
  const patterns = wordKnowledge().cameoObjects(as);
  for (let o = c.i + 1; o < Math.min(s.toks.length, c.i + 5) && GROUP_FILLER.has(s.toks[o]!.pos); o++) {
    if (s.toks[o]!.pos !== 'NOUN') continue;
    const act = patterns.get(s.toks[o]!.lemma) ?? patterns.get(s.toks[o]!.lower);
    if (!act) continue;
    const code = c.modality.future ? wrapped('intent', act) : act;
    return code ? { at: c.i, code, kind: 'resume', object: o } : undefined;
  }
  return undefined;
}

function trigger(s: PreparedSentence, i: number): Candidate {
  const t = s.toks[i]!;
  return { i, lemma: t.lemma, noun: t.pos === 'NOUN', modality: modalityAt(s.toks, i) };
}

/** A composed act's control word, its code and the kind of control it is. */
interface Hit {
  at: number;
  code: string;
  kind: HitKind;
}

/** A control, a halt, an aspectual verb doing its object act again ("resumed talks"), or a comment. */
type HitKind = WrapKind | 'halt' | 'resume' | 'comment';

/** The composed act of candidate c, if a rule codes it. */
function composeOne(s: PreparedSentence, c: Candidate): Hit | undefined {
  const act = dictionaryCode(s, c).code;
  if (act) {
    const gov = c.modality.governor;
    const kind = gov?.kind as ControlKind | undefined;
    if (gov && kind && kind !== 'transparent' && !grammar().notComposed.has(gov.lemma)) {
      const code = wrapped(kind, act, !grammar().unwilled.has(gov.lemma));
      if (code) return { at: gov.i, code, kind };
    }
    const that = thatGovernor(s, c.i);
    if (that) {
      const code = wrapped(that.kind, act);
      if (code) return { at: that.i, code, kind: that.kind };
    }
    const halt = haltGovernor(s, c);
    if (halt !== undefined) {
      const code = wrapped('halt', act);
      if (code) return { at: halt, code, kind: 'halt' };
    }
  }
  // What a speaker says another must or should do is demanded or appealed for, whatever the act.
  const reported = reportedObligation(s, c.i);
  if (reported)
    return {
      at: reported.i,
      kind: reported.kind,
      code: wrapped(reported.kind, act) ?? grammar().modality[reported.kind]['default']!,
    };
  return undefined;
}

/** A statement verb with a comment noun as its object: "reiterated his optimism" → 013. */
function statementAct(s: PreparedSentence, c: Candidate): Hit | undefined {
  // A finite statement only: "his duty to report his concerns" reports nothing yet.
  if (c.noun || c.modality.governor || s.toks[c.i - 1]?.lower === 'to') return undefined;
  if (!wordKnowledge().word(c.lemma).cameo.startsWith('01')) return undefined;
  for (let k = c.i + 1; k < Math.min(s.toks.length, c.i + 4); k++) {
    const t = s.toks[k]!;
    if (t.pos === 'NOUN') {
      const code = wordKnowledge().statementCode(t.lemma) ?? wordKnowledge().statementCode(t.lower);
      return code ? { at: c.i, code, kind: 'comment' } : undefined;
    }
    if (!SKIP_POS.has(t.pos) && t.pos !== 'PRON') return undefined;
  }
  return undefined;
}

/** A control noun denied by its determiner: "has no plans to attend", "no sincere intention of complying". */
function deniedNoun(s: PreparedSentence, at: number): boolean {
  if (s.toks[at]!.pos !== 'NOUN') return false;
  let k = at - 1;
  while (k > at - 3 && k > 0 && s.toks[k]!.pos === 'ADJ') k--;
  return s.toks[k]?.lower === 'no';
}

/**
 * Composed acts that are done to another actor: an intent (03x), a threat (13x), a reduction of
 * relations (16x). Without an actor the wrapped act is done to they are a plan or a stance, not an
 * act between actors ("promised to protect Medicaid", "vowing to fight on", "ends bid").
 */
const DIRECTED: ReadonlySet<string> = new Set(['03', '13', '16']);

/** Controls whose own actor does the wrapped act ("planned to withdraw"), unlike "urged X to withdraw". */
const SUBJECT_CONTROL: ReadonlySet<string> = new Set(['intent', 'threat', 'refuse', 'halt', 'resume']);

const POSSESSIVE_MARKS = new Set(["'s", '’s', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * The arguments of a composed act, from the words that say whose intent or appeal it is and whom the
 * wrapped act is done to; undefined when the sentence does not assert the control of any actor.
 * - A control noun's actor is its possessor ("supported his call for a ban": the call is his, not the
 *   supporters'); a control noun after a preposition without one is no one's act here ("in order to",
 *   "campaigning against plans to").
 * - When the control's actor is the act's (an intent, a threat, a refusal, a halt), the target is what
 *   the wrapped act is done to, in the act's own clause: "was eager to withdraw troops" takes no
 *   target from a bystander named before, nor from one after a clause break ("was eager to withdraw,
 *   but General Milley …"; "refused to say that Jerusalem …": 4 targets on train news, all bystanders). An appeal's or a demand's target is whoever is asked ("said
 *   the European Union must be ready to mediate").
 */
function composedArguments(
  s: PreparedSentence,
  kind: HitKind,
  at: number,
  act: number,
  args: Pick<Decoded, 'source' | 'target'>,
): Pick<Decoded, 'source' | 'target'> | undefined {
  const out = { ...args };
  if (s.toks[at]!.pos === 'NOUN') {
    let k = at - 1;
    const skipped = (t: PreparedSentence['toks'][number]) =>
      (t.pos === 'ADJ' || t.pos === 'DET') && !POSSESSIVE_MARKS.has(t.lower);
    while (k > 0 && skipped(s.toks[k]!) && at - k < 4) k--;
    const w = s.toks[k];
    if (w && POSSESSIVE_MARKS.has(w.lower)) {
      const end = w.lower.endsWith('s') && w.lower.length === 2 ? k : k + 1;
      // A possessive pronoun ("expressed its readiness") leaves the tagger's source, its antecedent.
      const pronoun = s.toks[end - 1]?.pos === 'PRON';
      const owner = end > 0 && !pronoun ? ownerWords(s, end) : undefined;
      if (owner) out.source = owner;
      else if (!pronoun) delete out.source;
    } else if (w?.pos === 'ADP') return undefined;
  }
  // The wrapped act's clause holds its target: "was eager to withdraw, but General Milley said …".
  const outside = (t: [number, number]) => t[0] < act || t[0] >= clauseEnd(s, act);
  if (SUBJECT_CONTROL.has(kind) && act > at && out.target && outside(out.target)) {
    const object = objectWords(s, act);
    if (object) out.target = object;
    else delete out.target;
  }
  return out;
}

/** The words of the possessor ending at `end` (one past its last word): "Trump" of "Trump's", "his". */
function ownerWords(s: PreparedSentence, end: number): [number, number] | undefined {
  const last = end - 1;
  if (!isActorToken(s, last)) return undefined;
  if (s.toks[last]!.pos === 'PRON') return [last, end];
  let first = last;
  while (first > 0 && last - first < 6 && isActorToken(s, first - 1)) first--;
  return [first, end];
}

/** Composed acts of a sentence, beside the typed ones (a word already typed is left to the classifier). */
export function composeSentence(
  s: PreparedSentence,
  model: EventModel,
  typed: readonly Decoded[],
): ComposedAct[] {
  const taken = new Set<number>();
  for (const d of typed) {
    // An intent word the typer coded is left to composition, which codes what is intended (keepTypedIntent).
    if (!composedIntent(s, d)) taken.add(d.c.i);
    if (d.c.modality.governor) taken.add(d.c.modality.governor.i);
  }
  const out: ComposedAct[] = [];
  let stat: string[][] | undefined;
  for (const c of s.candidates) {
    if (taken.has(c.i)) continue;
    const resumed = resumedAct(s, c);
    // An act noun the classifier typed is its own event ("continued attacks"): no second one at its verb.
    if (resumed && taken.has(resumed.object)) continue;
    const hit = composeOne(s, c) ?? resumed ?? statementAct(s, c);
    if (!hit || taken.has(hit.at)) continue;
    const t = trigger(s, hit.at);
    // A negated, denied, hypothetical or conditional control states no act.
    if (t.modality.negated || t.modality.denied || t.modality.hypothetical || deniedNoun(s, hit.at)) continue;
    taken.add(hit.at);
    const type = codeType(hit.code);
    stat ??= staticArgFeatures(s);
    // Statements (01x) have no PLOVER type: their arguments are tagged as an untyped trigger's.
    const folded = (type === '-' ? 'NONE' : type) as FoldedType;
    const labels = tagArguments(s, model, t, folded, stat);
    const args = composedArguments(s, hit.kind, hit.at, c.i, argumentRanges(labels, t.i));
    // The target as the coder will take it: the tagged words, else the control word's object.
    const target = args?.target ? actorWords(s, args.target) : objectWords(s, hit.at);
    if (!args || (DIRECTED.has(hit.code.slice(0, 2)) && !target)) continue;
    out.push({ c: t, type: folded, margin: 0, code: hit.code, ...args });
  }
  return out;
}

/**
 * A typed intent word ("plans", "promised") whose wrapped act composition codes: the typer can only
 * say an intent ("plans" → 030), composition says which ("plans to meet" → 036), so the composed act
 * stands in its place (`sentenceActs` drops the typed one).
 */
export function composedIntent(s: PreparedSentence, d: Decoded): boolean {
  const g = grammar();
  const lemma = s.toks[d.c.i]!.lemma;
  return g.controlKind.get(lemma) === 'intent' && !g.actsOfTheirOwn.has(lemma) && !g.notComposed.has(lemma);
}

/**
 * A typed act whose trigger is itself an intent word over "to" and a verb ("promised to protect
 * Medicaid", "has been eager to withdraw"): the typer codes the promise, but what is promised is the
 * wrapped act, so its target is that act's actor object, as for a composed intent, and without one
 * it is a plan, not an act between actors. Intent words that are acts of their own keep the typer's
 * arguments ("agreed to pay", "offered to cover": an agreement or an offer is made to someone).
 * Returns false when the act is to be dropped; else keeps the tagger's target when it is an actor in
 * the wrapped act's clause, or sets `d.target` to that act's object. On all 840 PolNeAR train articles, filter off:
 * 10 events removed, all wrong by reading (3 labelled wrong, none labelled right: "expected to rule
 * soon", "does not want to stall growth", "promised Monday to begin taking executive action"), one
 * target moved. PLV cross-validation on the same fold models: type recall and precision unchanged,
 * dyad recall 0.577 → 0.576 (one record: "willing to withdraw its troops as soon as … Lebanon").
 */
export function keepTypedIntent(s: PreparedSentence, d: Decoded): boolean {
  const g = grammar();
  const t = s.toks[d.c.i]!;
  if (g.controlKind.get(t.lemma) !== 'intent' || g.actsOfTheirOwn.has(t.lemma)) return true;
  let to = d.c.i + 1;
  while (to < s.toks.length && to - d.c.i < INTENT_GAP && s.toks[to]!.lower !== 'to') to++;
  const act = s.toks[to + 1];
  if (s.toks[to]?.lower !== 'to' || act?.pos !== 'VERB') return true;
  // The tagger's target stands when it is an actor of the wrapped act's clause ("plans to withdraw its
  // troops from Lebanon": Lebanon, as PLV marks it, not the actor's own troops).
  const clause = d.target && d.target[0] > to && d.target[0] < clauseEnd(s, to + 1);
  if (clause && actorWords(s, d.target!)) return true;
  const object = objectWords(s, to + 1);
  if (!object) return false;
  d.target = object;
  return true;
}

/** How far "to" may follow an intent word ("promised Monday to begin"). */
const INTENT_GAP = 4;
