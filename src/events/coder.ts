import type {
  Actor,
  Attribution,
  Event,
  EventActor,
  Mention,
  Quotation,
  Sentence,
  Token,
  TokenPos,
  LazyList,
} from '../model/index.js';
import { contains, textSpan } from '../model/index.js';
import { ENGLISH_CLOSING_QUOTES, tokenize } from '../text/index.js';
import type { ActorPhrase } from './actors.js';
import { composeSentence, composedIntent, keepTypedIntent, withCompositionWords } from './compose.js';
import { decodeSentence, strongest, type Decoded } from './decode.js';
import { mayHoldEvent } from './gate.js';
import { actorWords, clauseEnd, destination, objectWords, sourceWords, thingWords } from './arguments.js';
import { codeType, dictionaryCode, type FoldedType } from './features.js';
import { codeFacts, grammar, type ControlKind, type VerbEntry } from './lexicon.js';
import { wordKnowledge } from './knowledge.js';
import { eventModel, vocabularyOf, type EventModel } from './model.js';
import {
  filterDomain,
  keepEvent,
  newsFilter,
  newsFilterFeatures,
  quotedWords,
  type FilterDomain,
  type NewsFilterModel,
} from './news-filter.js';
import { prepareSentence, type PreparedSentence } from './sentence.js';
import { passiveVoice, receivedAct, relativeClauseSource, subjectSource } from './roles.js';
import { mutualAct, participantsIn, participation, type Participant } from './reciprocal.js';

/*
 * The event coder. Per sentence: every verb and event noun is a candidate trigger; a trained
 * classifier types it (PLOVER, or NONE) from its words and general knowledge (WordNet, word-vector
 * clusters, CAMEO dictionary codes) and its modality; a trained tagger marks its source and target
 * words; the actor phrases inside those words give the CAMEO actor codes. Polarity and modality
 * then qualify the act (a refused agreement is a rejection, a possible attack a threat), and the
 * CAMEO code is the dictionary's for the trigger when it agrees with the type, else the type's.
 */

export interface CoderInput {
  text: string;
  /** The text stage's tokens (the text is tokenised again when absent). */
  tokens?: readonly Token[];
  /** The text stage's parts of speech of `tokens` (the sentences read are tagged again when absent). */
  pos?: LazyList<TokenPos>;
  /** The text stage's quotations (found again when absent). */
  quotations?: readonly Quotation[];
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
  actors: readonly Actor[];
  attributions: readonly Attribution[];
  byline?: { start: number; end: number };
  /** Extra verb entries, e.g. from a PETRARCH dictionary (`--verbs`): their codes win when typed alike. */
  extraVerbs?: readonly VerbEntry[];
  /** A model other than the committed one (cross-validation). */
  model?: EventModel;
  /** A news filter other than the committed one; null codes every typed event (training the filter). */
  newsFilter?: NewsFilterModel | null;
  /** Sees each event's news-filter features before the filter decides (training the filter). */
  onFilterCase?: (c: FilterCase) => void;
}

/** An event as the news filter sees it: its trigger's offset, its type and its features. */
export interface FilterCase {
  trigger: number;
  type: FoldedType;
  /** The character span of the source words. */
  source: [number, number];
  /** A composed act (an intent), not one the typer typed. */
  composed: boolean;
  /** The text's domain (`filterDomain`). */
  domain: FilterDomain;
  features: number[];
}

/** What the news filter reads of the whole text, worked out once per text. */
interface FilterText {
  quotedAt: (offset: number) => boolean;
  domain: FilterDomain;
}

/**
 * Whether the news filter drops an act (reporting it to `onFilterCase` first). Composed intents are
 * judged too, with a feature of their own: on ordinary news almost none is an act between actors
 * ("Clinton plans to make her proposal", "he is ready to go to work for the country"; 3 right of 29
 * labelled). News filter CV by article, the same 1,258 labelled train events (typed ones and composed
 * intents), composed intents passed through → judged: precision 0.656 → 0.708, right kept 0.601 →
 * 0.617 (seed 500: 0.663 / 0.601 → 0.700 / 0.614). Judging every composed act gave 0.608 / 0.661 →
 * 0.724 / 0.637 on train news but dropped the seed article's appeal (026) and withdrawal (16x).
 */
function filteredOut(
  input: CoderInput,
  filter: NewsFilterModel | null,
  s: PreparedSentence,
  d: Decoded & { code?: string },
  type: FoldedType,
  source: [number, number],
  text: FilterText,
): boolean {
  if (!filter && !input.onFilterCase) return false;
  // Of the composed acts, only intents (03x, AGREE) are judged: the others are CAMEO's grammar over
  // control words (appeals, refusals, threats, halts) and pass.
  if (d.code !== undefined && type !== 'AGREE') return false;
  const ctx = {
    type,
    source,
    attributions: input.attributions,
    domain: text.domain,
    quoted: text.quotedAt(s.toks[d.c.i]!.start),
    composed: d.code !== undefined,
  };
  const features = newsFilterFeatures(s, d, ctx);
  const sourceSpan: [number, number] = [s.toks[source[0]]!.start, s.toks[source[1] - 1]!.end];
  const trigger = s.toks[d.c.i]!.start;
  const { composed, domain } = ctx;
  input.onFilterCase?.({ trigger, type, source: sourceSpan, composed, domain, features });
  return filter !== null && !keepEvent(filter, features);
}

/** Each folded type's "not specified" CAMEO code, for triggers the dictionary does not code alike. */
const TYPE_CODES: Record<Exclude<FoldedType, 'NONE'>, string> = {
  ACCUSE: '110',
  AGREE: '030',
  AID: '070',
  ASSAULT: '180',
  COERCE: '170',
  CONSULT: '040',
  COOPERATE: '060',
  MOBILIZE: '150',
  PROTEST: '140',
  REJECT: '120',
  REQUEST: '100',
  SANCTION: '160',
  SUPPORT: '050',
  THREATEN: '130',
  YIELD: '080',
};
const COOPERATIVE = new Set<FoldedType>(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'YIELD']);
const FORCEFUL = new Set<FoldedType>(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE']);
/** Cooperative acts whose stated future is an intent (AGREE, CAMEO 03x): every cooperative type but AGREE. */
const INTENDED = new Set<FoldedType>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'YIELD']);
/** The control kind that wraps an act into each type ("threatened to impose" → a threat). */
const WRAP_KIND: Partial<Record<FoldedType, ControlKind>> = {
  THREATEN: 'threat',
  REQUEST: 'demand',
  REJECT: 'refuse',
  AGREE: 'intent',
};

/**
 * Polarity and modality: a negated or refused cooperative act is a rejection and a negated forceful
 * one no event; a forceful act stated as possible or future is a threat, a cooperative one stated as
 * future an intent; any other act stated only as possible ("could agree", "if they agree") is no event.
 * Returns undefined to drop.
 */
export function qualify(
  d: Decoded,
): { type: FoldedType; modality?: 'future' | 'hypothetical'; negated?: boolean } | undefined {
  const m = d.c.modality;
  // "would have objected", "avoided criticism", "had no knowledge of any efforts to": the act did not happen.
  if (m.counterfactual || m.avoided || m.denied) return undefined;
  const refused = m.negated || m.governor?.kind === 'refuse';
  if (refused) {
    if (COOPERATIVE.has(d.type)) return { type: 'REJECT', negated: true };
    if (d.type === 'REJECT') return { type: d.type, ...(m.negated ? { negated: true } : {}) };
    return undefined;
  }
  const modality = m.hypothetical ? 'hypothetical' : m.future ? 'future' : undefined;
  if (modality && FORCEFUL.has(d.type)) return { type: 'THREATEN', modality };
  // CAMEO's intents: "will meet" expresses intent to meet (036), "said it would free" intent to yield (035).
  if (modality === 'future' && INTENDED.has(d.type)) return { type: 'AGREE', modality };
  if (modality === 'hypothetical' && d.type !== 'THREATEN') return undefined;
  return { type: d.type, ...(modality ? { modality } : {}) };
}

const REPORT_OPENERS = new Set<string>([',', ...ENGLISH_CLOSING_QUOTES]);

/**
 * A statement verb after the quote or clause it reports ("…, said another witness in the probe"):
 * the words after it are its speaker, not an object, so it states nothing but the speech.
 */
export function invertedReport(s: PreparedSentence, i: number): boolean {
  const t = s.toks[i]!;
  if (t.pos !== 'VERB' || !REPORT_OPENERS.has(s.toks[i - 1]?.text ?? '')) return false;
  return wordKnowledge().word(t.lemma).cameo.startsWith('01');
}

/**
 * Whether the act at token i is only awaited: "before the administration would agree to a meeting",
 * "until Iran could sign" (a before/until clause with would or a possibility modal).
 */
export function awaitedOnly(toks: PreparedSentence['toks'], i: number): boolean {
  const g = grammar();
  const modal = toks
    .slice(Math.max(0, i - 3), i)
    .some((t) => t.lower === 'would' || g.hypotheticalAux.has(t.lower));
  if (!modal) return false;
  for (let b = i - 1; b >= Math.max(0, i - 12); b--) {
    const w = toks[b]!.lower;
    if (w === ',' || w === ';' || w === '.') return false;
    if (w === 'before' || w === 'until') return true;
  }
  return false;
}

function wrap(kind: ControlKind, code: string): string {
  const table = grammar().modality[kind as Exclude<ControlKind, 'transparent'>];
  if (!table) return code;
  const mapped = table[code.slice(0, 2)];
  if (mapped === '') return code;
  return mapped ?? table['default'] ?? code;
}

/** The CAMEO code of a typed trigger. */
function cameoCode(
  s: PreparedSentence,
  d: Decoded,
  type: FoldedType,
  extra: ReadonlyMap<string, VerbEntry>,
): string {
  const own = extra.get(d.c.lemma);
  if (own && codeType(own.code) === type) return own.code;
  const dict = dictionaryCode(s, d.c).code;
  if (dict && codeType(dict) === type) return dict;
  const kind = WRAP_KIND[type];
  const governed =
    d.c.modality.governor && type === 'REQUEST' && d.c.modality.governor.kind === 'appeal' ? 'appeal' : kind;
  if (governed && dict) {
    const wrapped = wrap(governed, dict);
    if (codeType(wrapped) === type) return wrapped;
  }
  return TYPE_CODES[type as Exclude<FoldedType, 'NONE'>];
}

type Coded = Participant;

/** The actor words of a tagged target, or the destination of the forces they name ("sent troops to Haiti"). */
function taggedTarget(s: PreparedSentence, span: [number, number]): [number, number] | undefined {
  const words = actorWords(s, span);
  return words && (destination(s, words, clauseEnd(s, words[1] - 1)) ?? words);
}

/** The actors named in a word range: each coded compound member its own code ("Hungarian and Romanian officials"), on the range's words. */
function actorsIn(
  s: PreparedSentence,
  span: [number, number],
  role: 'source' | 'target',
  country: (p: ActorPhrase) => string | undefined,
): Coded[] {
  const start = s.toks[span[0]]!.start;
  const end = s.toks[span[1] - 1]!.end;
  const out = participantsIn(s, span, country, role)
    .filter((c) => c.code)
    .map((c) => ({ ...c, start, end }));
  return out.length > 0 ? out : [{ code: '', start, end }];
}

/** A country for country-less agents ("officials"): the sentence's (source: first, target: nearest before), else the article's last. */
function countryResolver(s: PreparedSentence, lastCountry: string | undefined) {
  return (role: 'source' | 'target') =>
    (p: ActorPhrase): string | undefined => {
      let best: string | undefined;
      for (const q of s.phrases) {
        if (q.i >= p.i || q.uncoded || !(q.country || q.coded)) continue;
        best = q.country ?? q.coded?.slice(0, 3);
        if (role === 'source') break;
      }
      if (best) return best;
      for (const q of s.phrases) if (q.i > p.i && !q.uncoded && q.country) return q.country;
      const named = s.toks.slice(p.i, p.j).some((t) => t.pos === 'PROPN');
      const institution =
        s.toks[p.i - 1]?.lower === 'the' && ['GOV', 'MIL', 'COP', 'LEG', 'JUD'].includes(p.agent ?? '');
      return named || institution ? lastCountry : undefined;
    };
}

/**
 * An act of an actor on itself as named twice ("former Vice President Biden … former Vice President"):
 * the same code, and one's words hold the other's. Such a pair is a tagging error, not an event.
 */
export function selfDirected(ev: Event): boolean {
  const code = ev.source?.code;
  if (!code || code !== ev.target?.code) return false;
  const a = ` ${(ev.sourceText ?? '').toLowerCase()} `;
  const b = ` ${(ev.targetText ?? '').toLowerCase()} `;
  return a.includes(b) || b.includes(a);
}

function actorRef(text: string, c: Coded): EventActor {
  return {
    ...(c.phrase?.actor ? { actor: c.phrase.actor } : {}),
    ...(c.phrase?.mention ? { mention: c.phrase.mention } : {}),
    code: c.code,
    text: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
  };
}

/** Whether a typed act, its arguments resolved, is coded: stated as done, qualified, with an actor as its source. */
function actorSourced(s: PreparedSentence, d: Decoded): boolean {
  if (awaitedOnly(s.toks, d.c.i) || invertedReport(s, d.c.i) || !qualify(d)) return false;
  return !!d.source && !!sourceWords(s, d.source);
}

/**
 * A sentence's acts with their arguments resolved (passive voice, received acts, relative clauses):
 * of the typed ones, the strongest that can be coded and those beyond the secondary margin; then the
 * composed ones. The strongest is chosen among the acts that name their source: when the typer's
 * favourite has no actor ("no further details have been released"), the sentence's next act
 * ("pledged support for Hungarian NGOs") is its event, not nothing. PLV 5-fold CV on the same fold
 * models (type recall / precision lower bound / dyad recall, events per record): strongest of all
 * typed 0.746 / 0.842 / 0.565, 0.930 → strongest of the sourced 0.750 / 0.840 / 0.567, 0.937 (no
 * fold lower in recall). Composition still sees the typer's own choice, so it composes as before.
 */
function sentenceActs(s: PreparedSentence, model: EventModel): Array<Decoded & { code?: string }> {
  let pool = decodeSentence(s, model, true);
  const chosen = strongest(pool, model.secondary);
  const composed = composeSentence(s, model, chosen);
  // A typed intent word whose wrapped act was composed is that act (compose.ts, composedIntent).
  const replaced = new Set(composed.map((d) => d.c.i));
  if (replaced.size > 0) pool = pool.filter((d) => !(replaced.has(d.c.i) && composedIntent(s, d)));
  for (const d of [...pool, ...composed]) {
    passiveVoice(s, d);
    receivedAct(s, d);
    subjectSource(s, d);
    relativeClauseSource(s, d);
  }
  return [
    ...strongest(
      pool.filter((d) => actorSourced(s, d)),
      model.secondary,
    ),
    ...composed,
  ];
}

export function codeEvents(input: CoderInput): Event[] {
  const model = input.model ?? eventModel();
  const filter = input.newsFilter === undefined ? newsFilter() : input.newsFilter;
  // Extra (PETRARCH) verbs open the gate too: the model's vocabulary never saw most of them.
  // Composed acts (compose.ts) start from control, halt and comment words the model may never have typed.
  const own = withCompositionWords(vocabularyOf(model));
  const vocabulary = input.extraVerbs?.length
    ? new Set([...own, ...input.extraVerbs.map((v) => v.lemma)])
    : own;
  const actorsById = new Map(input.actors.map((a) => [a.id, a]));
  const extra = new Map((input.extraVerbs ?? []).map((v) => [v.lemma, v]));
  const mentions = [...input.mentions].sort((a, b) => a.start - b.start);
  const tokens = input.tokens ?? tokenize(input.text);
  const filterText: FilterText = {
    quotedAt: quotedWords(input.text, tokens, input.quotations),
    domain: filterDomain(input.sentences.length, input.actors),
  };
  const out = new Map<string, Event>();
  let lastCountry: string | undefined;
  let at = 0;
  for (const sentence of input.sentences) {
    while (at < mentions.length && mentions[at]!.end <= sentence.start) at++;
    let end = at;
    while (end < mentions.length && mentions[end]!.start < sentence.end) end++;
    const inside = mentions.slice(at, end);
    // Most sentences name no actor or hold no trigger word: they are not tagged at all (gate.ts).
    if (!mayHoldEvent(input.text, sentence.start, sentence.end, inside, vocabulary)) continue;
    const s = prepareSentence(input.text, sentence, inside, actorsById, input.byline, tokens, input.pos);
    if (s.toks.length === 0) continue;
    const last = s.toks[s.toks.length - 1]!.text;
    // Questions are not events.
    if (last === '?' || s.toks[s.toks.length - 2]?.text === '?') continue;
    const country = countryResolver(s, lastCountry);
    for (const d of sentenceActs(s, model)) {
      if (awaitedOnly(s.toks, d.c.i) || invertedReport(s, d.c.i)) continue;
      // A composed act's control word already says its modality (compose.ts).
      const q = d.code ? { type: d.type } : qualify(d);
      if (!q) continue;
      const code = d.code ?? cameoCode(s, d, q.type, extra);
      // An event needs its actor: without source words that name one, the act is not coded (precision first).
      const source = d.source && sourceWords(s, d.source);
      // A typed intent's act is the wrapped one's: its actor target, or no event (compose.ts).
      if (!d.code && !keepTypedIntent(s, d)) continue;
      if (!source || filteredOut(input, filter, s, d, q.type, source, filterText)) continue;
      // A target that names no actor is kept as the words the act is done to (uncoded).
      // Without a tagged target, the trigger's object (a passive's subject is already the target).
      const target = d.target
        ? (taggedTarget(s, d.target) ?? thingWords(s, d.target))
        : d.c.modality.passive
          ? undefined
          : objectWords(s, d.c.i);
      const part = participation(s, d, code, source, target);
      const sources = actorsIn(s, part.source, 'source', country('source'));
      const targets = part.target ? actorsIn(s, part.target, 'target', country('target')) : [];
      const participants = part.mutual ? participantsIn(s, part.source, country('source')) : [];
      if (mutualAct(part, participants, targets)) {
        const ev = reciprocalEvent(input, s, d, q, code, part.source, participants, targets[0]);
        const key = `~${participants.map((c) => c.code || c.phrase?.i).join('+')}|${ev?.targetText}|${code}`;
        addEvent(out, ev, key);
        continue;
      }
      for (const src of sources.length > 0 ? sources : [undefined]) {
        // A military's violence is conventional force (CAMEO 19x), not unconventional (18x).
        const military =
          src && /^[A-Z]{3}MIL/.test(src.code) ? grammar().militarySourceCodes[code] : undefined;
        for (const tgt of targets.length > 0 ? targets : [undefined]) {
          const ev = makeEvent(input, s, d, q, military ?? code, src, tgt);
          if (!ev || selfDirected(ev)) continue;
          // One event per coded dyad and code ("China" and "Beijing" are one actor); uncoded actors by their words.
          const key = `${ev.source?.code || ev.sourceText}|${ev.target?.code || ev.targetText}|${ev.cameo}`;
          addEvent(out, ev, key);
        }
      }
    }
    for (const p of s.phrases) if (p.country && !p.uncoded) lastCountry = p.country;
  }
  return [...out.values()].map((e, k) => ({ ...e, id: `ev${k + 1}` }));
}

/** One event per key: a repeat of a key adds its evidence to the first event. */
function addEvent(out: Map<string, Event>, ev: Event | undefined, key: string): void {
  if (!ev) return;
  const prior = out.get(key);
  if (!prior) out.set(key, ev);
  else if (!prior.evidence.some((e) => e.start === ev.evidence[0]!.start))
    prior.evidence.push(ev.evidence[0]!);
}

/**
 * One event for a reciprocal act: every participant with its own words (the source is the first, with
 * the conjoined words), the target only the act's own object (uncoded words) or none.
 */
function reciprocalEvent(
  input: CoderInput,
  s: PreparedSentence,
  d: Decoded,
  q: NonNullable<ReturnType<typeof qualify>>,
  code: string,
  words: [number, number],
  participants: readonly Coded[],
  object: Coded | undefined,
): Event | undefined {
  const first = participants[0]!;
  const military = /^[A-Z]{3}MIL/.test(first.code) ? grammar().militarySourceCodes[code] : undefined;
  // The source is the first participant's code on the conjoined words, as for any conjoined source.
  const conjoined = { ...first, start: s.toks[words[0]]!.start, end: s.toks[words[1] - 1]!.end };
  const ev = makeEvent(input, s, d, q, military ?? code, conjoined, object);
  if (!ev) return undefined;
  return {
    ...ev,
    reciprocal: true,
    participants: participants.map((c) => actorRef(input.text, c)),
  };
}

function makeEvent(
  input: CoderInput,
  s: PreparedSentence,
  d: Decoded,
  q: NonNullable<ReturnType<typeof qualify>>,
  code: string,
  src: Coded | undefined,
  tgt: Coded | undefined,
): Event | undefined {
  const facts = codeFacts(code);
  if (!facts) return undefined;
  const t = s.toks[d.c.i]!;
  const start = Math.min(src?.start ?? Infinity, t.start, tgt?.start ?? Infinity);
  const end = Math.max(src?.end ?? 0, t.end, tgt?.end ?? 0);
  const attribution = input.attributions.find((a) => a.content.some((c) => contains(c, t)));
  return {
    id: '',
    source: src ? actorRef(input.text, src) : null,
    target: tgt ? actorRef(input.text, tgt) : null,
    cameo: code,
    plover: facts.plover,
    goldstein: facts.goldstein,
    quadClass: facts.quadClass,
    trigger: textSpan(input.text, t.start, t.end),
    evidence: [textSpan(input.text, start, end)],
    ...(attribution ? { attribution: attribution.id } : {}),
    ...(q.negated ? { negated: true } : {}),
    ...(q.modality ? { modality: q.modality } : {}),
    sourceText: src ? input.text.slice(src.start, src.end) : '',
    targetText: tgt ? input.text.slice(tgt.start, tgt.end) : '',
  };
}
