import type { Actor, Attribution, Event, EventActor, Mention, Sentence } from '../model/index.js';
import { contains, textSpan } from '../model/index.js';
import { findActorPhrases, isCivilian, phraseCode, type ActorPhrase } from './actors.js';
import {
  codeFacts,
  verbLexicon,
  type ControlKind,
  type NounEntry,
  type VerbEntry,
  type VerbLexicon,
} from './lexicon.js';
import { tagRange, type Tagged } from './tagger.js';

/*
 * The event coder: a shallow, lexicon-driven clause reader. Per sentence it tags words (wink-nlp),
 * finds actor phrases, cuts the sentence into clauses (reporting frames, complementisers, relative
 * and conditional clauses), takes each clause's first predicate (a verb, a light verb + event noun,
 * or a control word such as "threatened to" wrapping another predicate), and codes it in CAMEO with
 * the clause's subject as source and its first following actor as target. Every step is a bounded
 * scan, so time is linear in the sentence length.
 */

export interface CoderInput {
  text: string;
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
  actors: readonly Actor[];
  attributions: readonly Attribution[];
  /** Extra verb entries, e.g. from a PETRARCH dictionary (`--verbs`). */
  extraVerbs?: readonly VerbEntry[];
}

interface Lex {
  verbs: Map<string, VerbEntry[]>;
  /** Inflected form → lemma for every lexicon verb, for when the tagger's lemma is wrong ("staged" → "stag"). */
  forms: Map<string, string>;
  /** Lower-cased words any predicate needs (verb forms, event nouns, "must"). */
  cues: Set<string>;
  nouns: Map<string, NounEntry[]>;
  nounMaxWords: number;
  /** First words of the event nouns, to skip the multi-word lookups for every other token. */
  nounFirst: Set<string>;
  light: Set<string>;
  reporting: Set<string>;
  control: Map<string, ControlKind>;
  raw: VerbLexicon;
  negators: Set<string>;
  domestic: Set<string>;
  future: Set<string>;
  hypothetical: Set<string>;
  obligation: Set<string>;
  obligationSkip: Set<string>;
  hypoMarkers: Set<string>;
}
const lexCache = new WeakMap<readonly VerbEntry[], Lex>();
const NO_EXTRA: readonly VerbEntry[] = [];
function lexicon(extra: readonly VerbEntry[] = NO_EXTRA): Lex {
  const hit = lexCache.get(extra);
  if (hit) return hit;
  const raw = verbLexicon();
  const verbs = new Map<string, VerbEntry[]>();
  // Authored entries first, so they win over imported ones for the same lemma.
  for (const v of [...raw.verbs, ...extra]) {
    const list = verbs.get(v.lemma) ?? [];
    list.push(v);
    verbs.set(v.lemma, list);
  }
  const nouns = new Map<string, NounEntry[]>();
  for (const n of raw.nouns) nouns.set(n.lemma, [...(nouns.get(n.lemma) ?? []), n]);
  const control = new Map<string, ControlKind>();
  // Later kinds do not overwrite earlier ones: "vow" is intent before threat.
  for (const kind of ['threat', 'refuse', 'demand', 'appeal', 'intent', 'transparent'] as const) {
    for (const w of raw.controls[kind] ?? []) if (!control.has(w)) control.set(w, kind);
  }
  const forms = new Map<string, string>();
  const lemmas = [
    ...verbs.keys(),
    ...raw.lightVerbs,
    ...Object.values(raw.controls).flat(),
    ...raw.reporting,
  ];
  for (const l of lemmas) for (const f of inflections(l)) if (!forms.has(f)) forms.set(f, l);
  for (const [f, l] of Object.entries(raw.irregularForms)) if (!forms.has(f)) forms.set(f, l);
  // Words that can start a predicate: a sentence with none of them is not tagged at all.
  const cues = new Set<string>(raw.obligationAux);
  for (const l of [...verbs.keys(), ...Object.values(raw.controls).flat()])
    for (const f of inflections(l)) cues.add(f);
  for (const [f, l] of Object.entries(raw.irregularForms)) if (verbs.has(l) || control.has(l)) cues.add(f);
  for (const n of raw.nouns) for (const f of inflections(n.lemma.split(' ')[0]!)) cues.add(f);
  const lex: Lex = {
    verbs,
    forms,
    cues,
    nouns,
    nounMaxWords: Math.max(...raw.nouns.map((n) => n.lemma.split(' ').length)),
    nounFirst: new Set(raw.nouns.map((n) => n.lemma.split(' ')[0]!)),
    light: new Set(raw.lightVerbs),
    reporting: new Set(raw.reporting),
    control,
    raw,
    negators: new Set(raw.negators),
    domestic: new Set(raw.domesticTargetCodes),
    future: new Set(raw.futureAux),
    hypothetical: new Set(raw.hypotheticalAux),
    obligation: new Set(raw.obligationAux),
    obligationSkip: new Set(raw.obligationSkip),
    hypoMarkers: new Set(raw.hypotheticalMarkers),
  };
  lexCache.set(extra, lex);
  return lex;
}

/** `frame` is a trailing reporting frame ("…, officials said"): never the place of an event. */
/** Regular inflections of a verb lemma (irregular ones come from the tagger's lemma). */
function inflections(l: string): string[] {
  const stem = l.replace(/e$/, '');
  const last = l.slice(-1);
  const out = [l, `${l}s`, `${l}es`, `${stem}ed`, `${stem}ing`, `${l}${last}ed`, `${l}${last}ing`];
  if (/[^aeiou]y$/.test(l)) out.push(`${l.slice(0, -1)}ies`, `${l.slice(0, -1)}ied`);
  return out;
}

/** The lemma of a word as the lexicon knows it: the tagger's, else one our inflections give. */
function lemmaOf(t: Tagged, lex: Lex): string {
  return lex.forms.get(t.lower) ?? t.lemma;
}

type ClauseKind = 'main' | 'content' | 'relative' | 'conditional' | 'adverbial' | 'frame';
interface Clause {
  i: number;
  j: number;
  kind: ClauseKind;
  /** Speaker of the reporting frame the clause is the content of. */
  speaker?: ActorPhrase[];
  /** Lemma of the frame verb ("say", "suggest"). */
  frame?: string;
}

interface Predicate {
  /** Token range of the trigger words. */
  i: number;
  j: number;
  /** Index where the clause predicate sits (the light verb for a nominal trigger). */
  head: number;
  code?: string;
  control?: ControlKind;
  noun?: boolean;
  /** Subject receives from the "from" phrase. */
  reverse?: boolean;
  /** Code for a joint act. */
  joint?: string;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'where']);
const ADVERBIAL = new Set([
  'while',
  'because',
  'after',
  'before',
  'although',
  'though',
  'when',
  'since',
  'until',
  'despite',
  'following',
  'but',
  ';',
  'whereas',
]);
const TOPIC_PREPS = new Set(['on', 'about', 'over', 'regarding', 'concerning', 'despite', 'amid', 'like']);
const VERBAL = new Set(['VERB', 'AUX']);
const MAX_INNER_DISTANCE = 12;
const MAX_TARGET_DISTANCE = 10;
/** How far after a verb its object words are looked for. */
const OBJECT_WINDOW = 10;
const TIME_NOUNS = new Set([
  'today',
  'yesterday',
  'tonight',
  'week',
  'month',
  'year',
  'morning',
  'evening',
  'night',
  'weekend',
  'time',
]);

/** One coded event before it becomes a model Event. */
interface Raw {
  code: string;
  sources: ActorPhrase[];
  targets: ActorPhrase[];
  trigger: { start: number; end: number };
  negated?: boolean;
}

export function codeEvents(input: CoderInput): Event[] {
  const lex = lexicon(input.extraVerbs);
  const actorsById = new Map(input.actors.map((a) => [a.id, a]));
  const mentions = [...input.mentions].sort((a, b) => a.start - b.start);
  const out = new Map<string, Event>();
  let lastCountry: string | undefined;
  let lastSubject: ActorPhrase[] | undefined;
  let n = 0;
  let mentionAt = 0;
  for (const sentence of input.sentences) {
    if (!mayHoldEvent(input.text, sentence, lex)) continue;
    const toks = tagRange(input.text, sentence.start, sentence.end);
    if (toks.length === 0) continue;
    // Questions are not events.
    if (toks[toks.length - 1]!.text === '?' || toks[toks.length - 2]?.text === '?') continue;
    // Only this sentence's mentions (both lists are in text order): keeps the stage linear in length.
    while (mentionAt < mentions.length && mentions[mentionAt]!.end <= sentence.start) mentionAt++;
    let mentionEnd = mentionAt;
    while (mentionEnd < mentions.length && mentions[mentionEnd]!.start < sentence.end) mentionEnd++;
    const phrases = findActorPhrases(input.text, toks, mentions.slice(mentionAt, mentionEnd), actorsById);
    const countryAt = (p: ActorPhrase, role: 'source' | 'target'): string | undefined => {
      // A country-less agent ("President X") belongs to a country named before it in the sentence
      // (for a source the sentence's first, as the story's own country; for a target the nearest),
      // else after it, else the last country of the article so far.
      let best: string | undefined;
      for (const q of phrases) {
        if (q.i >= p.i || !(q.country || q.coded)) continue;
        best = q.country ?? q.coded?.slice(0, 3);
        if (role === 'source') break;
      }
      if (best) return best;
      for (const q of phrases) if (q.i > p.i && q.country) return q.country;
      // Across sentences only for a named office holder or a definite institution ("the government").
      const named = toks.slice(p.i, p.j).some((t) => t.pos === 'PROPN');
      const institution =
        toks[p.i - 1]?.lower === 'the' && ['GOV', 'MIL', 'COP', 'LEG', 'JUD'].includes(p.agent ?? '');
      return named || institution ? lastCountry : undefined;
    };
    const codeOf =
      (role: 'source' | 'target') =>
      (p: ActorPhrase): string | undefined =>
        phraseCode(p, countryAt(p, role), isCivilian(p, toks, role));
    const clauses = splitClauses(toks, phrases, lex);
    const inPhrase = new Uint8Array(toks.length);
    for (const p of phrases) for (let k = p.i; k < p.j; k++) inPhrase[k] = 1;
    let consumed = -1;
    for (let ci = 0; ci < clauses.length; ci++) {
      const clause = clauses[ci]!;
      if (ci === consumed) continue;
      const raws = codeClause(clause, toks, phrases, inPhrase, clauses, lex, lastSubject);
      // "agreed that their countries should cooperate": the complement belongs to the event just coded.
      const next = clauses[ci + 1];
      if (raws.length > 0 && next && next.kind === 'content' && (!next.frame || lex.control.has(next.frame)))
        consumed = ci + 1;
      for (const r of raws) {
        const srcs = expand(r.sources, codeOf('source'));
        if (srcs.length === 0) continue;
        let tgts = expand(r.targets, codeOf('target'));
        const srcGroup = groupOf(r.sources, phrases);
        // "X and Y agreed": the members of a compound source are not each other's target.
        if (srcGroup.length > 1 && /^(?:0[3-6]|12)/.test(r.code) && !hasWith(toks, r.targets)) tgts = [];
        // Protest is aimed at authority: with no stated target, the first government, legislature,
        // court, police or army named later in the sentence ("… to demand the resignation of President X").
        if (tgts.length === 0 && r.code.startsWith('14')) {
          const frameAt = clauses.find((c) => c.kind === 'frame')?.i ?? toks.length;
          const later = phrases.find(
            (p) =>
              p.start >= r.trigger.end &&
              p.i < frameAt &&
              !p.pronoun &&
              ['GOV', 'LEG', 'JUD', 'COP', 'MIL'].includes(agentOf(p)),
          );
          if (later) tgts = expand([later], codeOf('target'));
        }
        // Curfews, emergencies and bans a government imposes or lifts act on its own country.
        if (tgts.length === 0 && lex.domestic.has(r.code))
          tgts = srcs
            .filter((x) => /^[A-Z]{3}(?:GOV|MIL|COP|JUD|LEG)$/.test(x.code))
            .map((x) => ({ code: x.code.slice(0, 3), phrase: x.phrase }));
        for (const s of srcs) {
          const targetList = tgts.length > 0 ? tgts : [undefined];
          // A military source's violence is conventional force (CAMEO 19x), not unconventional (18x).
          const military = /^[A-Z]{3}MIL/.test(s.code) ? lex.raw.militarySourceCodes[r.code] : undefined;
          const rr = military ? { ...r, code: military } : r;
          for (const t of targetList) {
            if (t && t.code === s.code && t.phrase === s.phrase) continue;
            const facts = codeFacts(rr.code);
            if (!facts) continue;
            const ev = makeEvent(input, rr, s, t, facts, ++n);
            const key = `${ev.source?.code}|${ev.target?.code ?? ''}|${ev.cameo}`;
            const prior = out.get(key);
            if (prior) {
              // The same event stated twice is one event with two evidence spans.
              if (!prior.evidence.some((e) => e.start === ev.evidence[0]!.start))
                prior.evidence.push(ev.evidence[0]!);
            } else out.set(key, ev);
          }
        }
      }
    }
    for (const p of phrases) if (p.country) lastCountry = p.country;
    const main = clauses.find((c) => c.kind === 'main');
    const subj = main ? subjectOf(main, toks, phrases, main.j) : [];
    if (subj.length > 0 && !subj[0]!.pronoun) lastSubject = subj;
  }
  return [...out.values()].map((e, k) => ({ ...e, id: `ev${k + 1}` }));
}

/** A cheap word scan: only sentences with a predicate word are worth tagging. */
function mayHoldEvent(text: string, sentence: Sentence, lex: Lex): boolean {
  const words = text
    .slice(sentence.start, sentence.end)
    .toLowerCase()
    .match(/[\p{L}][\p{L}'’-]*/gu);
  return words !== null && words.some((w) => lex.cues.has(w));
}

interface Coded {
  code: string;
  phrase: ActorPhrase;
}
function expand(list: ActorPhrase[], codeOf: (p: ActorPhrase) => string | undefined): Coded[] {
  const out: Coded[] = [];
  const seen = new Set<string>();
  for (const p of list) {
    const c = codeOf(p);
    if (!c || seen.has(c)) continue;
    seen.add(c);
    out.push({ code: c, phrase: p });
  }
  return out;
}

/** The agent type of a phrase, from its words or its full code ("CHNGOV" → GOV). */
function agentOf(p: ActorPhrase): string {
  return p.agent ?? (p.coded && /^[A-Z]{6}/.test(p.coded) ? p.coded.slice(3, 6) : '');
}

function groupOf(list: ActorPhrase[], phrases: ActorPhrase[]): ActorPhrase[] {
  if (list.length === 0) return [];
  return phrases.filter((p) => p.group === list[0]!.group);
}

function hasWith(toks: readonly Tagged[], targets: ActorPhrase[]): boolean {
  const t = targets[0];
  if (!t) return false;
  for (let k = t.i - 1; k >= Math.max(0, t.i - 4); k--) if (toks[k]!.lower === 'with') return true;
  return false;
}

function makeEvent(
  input: CoderInput,
  r: Raw,
  s: Coded,
  t: Coded | undefined,
  facts: NonNullable<ReturnType<typeof codeFacts>>,
  n: number,
): Event {
  const ref = (c: Coded): EventActor => ({
    ...(c.phrase.actor ? { actor: c.phrase.actor } : {}),
    ...(c.phrase.mention ? { mention: c.phrase.mention } : {}),
    code: c.code,
    text: input.text.slice(c.phrase.start, c.phrase.end),
  });
  const start = Math.min(s.phrase.start, r.trigger.start, t?.phrase.start ?? Infinity);
  const end = Math.max(s.phrase.end, r.trigger.end, t?.phrase.end ?? 0);
  const evidence = textSpan(input.text, start, end);
  const attribution = input.attributions.find((a) => a.content.some((c) => contains(c, r.trigger)));
  return {
    id: `ev${n}`,
    source: ref(s),
    target: t ? ref(t) : null,
    cameo: r.code,
    plover: facts.plover,
    goldstein: facts.goldstein,
    quadClass: facts.quadClass,
    trigger: textSpan(input.text, r.trigger.start, r.trigger.end),
    evidence: [evidence],
    ...(attribution ? { attribution: attribution.id } : {}),
    ...(r.negated ? { negated: true } : {}),
  };
}

/** Cuts a sentence into clauses at reporting frames, complementisers, relative and adverbial words. */
function splitClauses(toks: readonly Tagged[], phrases: ActorPhrase[], lex: Lex): Clause[] {
  const cuts: { at: number; kind: ClauseKind; frame?: string; speakerEnd?: number }[] = [];
  const inPhrase = new Uint8Array(toks.length);
  for (const p of phrases) for (let k = p.i; k < p.j; k++) inPhrase[k] = 1;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (inPhrase[k]) continue;
    const isReport = lex.reporting.has(t.lemma) && VERBAL.has(t.pos);
    if (isReport || ((t.lemma === 'suggest' || t.lemma === 'insist') && toks[k + 1]?.lower === 'that')) {
      // Leading frame: "X said (that) CONTENT"; a trailing frame ("…, officials said") ends the content.
      // A trailing frame ("…, a senior official said on Monday.") ends the sentence after a comma.
      const after = toks.slice(k + 1).filter((x) => x.pos !== 'PUNCT').length;
      const trailing =
        after <= 4 && toks.slice(0, k).some((x) => x.text === ',' || x.text === '"' || x.text === '”');
      if (!trailing) {
        // "said on Tuesday that …": the content starts after a nearby "that".
        let next = k + 1;
        for (let x = k + 1; x < Math.min(toks.length, k + 6); x++) {
          if (toks[x]!.lower === 'that') {
            next = x + 1;
            break;
          }
          const y = toks[x]!;
          if (!(['ADP', 'PROPN', 'NUM', 'ADV', 'DET'].includes(y.pos) || TIME_NOUNS.has(y.lower))) break;
        }
        cuts.push({ at: next, kind: 'content', frame: t.lemma, speakerEnd: k });
      } else {
        let c = k;
        while (c > 0 && toks[c]!.text !== ',') c--;
        if (c > 0) cuts.push({ at: c, kind: 'frame' });
      }
      continue;
    }
    if (t.lower === 'according' && toks[k + 1]?.lower === 'to') {
      cuts.push({ at: k, kind: 'adverbial' });
      continue;
    }
    if (
      t.lower === 'that' &&
      (t.pos === 'SCONJ' || toks[k - 1]?.pos === 'NOUN' || toks[k - 1]?.pos === 'VERB')
    ) {
      cuts.push({ at: k + 1, kind: 'content' });
    } else if (RELATIVE.has(t.lower) && k > 0) cuts.push({ at: k + 1, kind: 'relative' });
    else if (lex.hypoMarkers.has(t.lower)) cuts.push({ at: k + 1, kind: 'conditional' });
    else if (ADVERBIAL.has(t.lower) && k > 0) cuts.push({ at: k + 1, kind: 'adverbial' });
    else if ((t.lower === 'and' || t.lower === 'but') && k > 0) {
      // "…, and Y rejected …": a new subject followed by a verb starts a new clause.
      const p = phrases.find((x) => x.i === k + 1);
      // Not inside a compound subject ("President Kagame and his party must …").
      const partner = p && phrases.some((x) => x.j === k && x.group === p.group);
      if (p && !partner && p.j < toks.length && VERBAL.has(toks[p.j]!.pos))
        cuts.push({ at: k + 1, kind: 'main' });
    }
  }
  cuts.sort((a, b) => a.at - b.at);
  // Clauses nested in a conditional ("If there are people who we should deport, …") are conditional
  // too, up to the comma that ends it.
  let inConditional = false;
  let lastAt = 0;
  for (const c of cuts) {
    if (inConditional && toks.slice(lastAt, c.at).some((t) => t.text === ',')) inConditional = false;
    if (
      inConditional &&
      (c.kind === 'relative' || c.kind === 'content' || c.kind === 'adverbial') &&
      !c.frame
    )
      c.kind = 'conditional';
    if (c.kind === 'conditional') inConditional = true;
    lastAt = c.at;
  }
  const clauses: Clause[] = [];
  let start = 0;
  let kind: ClauseKind = 'main';
  let frame: string | undefined;
  let speaker: ActorPhrase[] | undefined;
  const allMain: Clause[] = [];
  for (const c of cuts) {
    if (c.at <= start) {
      kind = c.kind;
      continue;
    }
    const cl: Clause = {
      i: start,
      j: c.at,
      kind,
      ...(frame ? { frame } : {}),
      ...(speaker ? { speaker } : {}),
    };
    clauses.push(cl);
    if (kind === 'main') allMain.push(cl);
    let nextSpeaker: ActorPhrase[] | undefined;
    if (c.kind === 'content' && c.speakerEnd !== undefined) {
      nextSpeaker = subjectOf(cl, toks, phrases, c.speakerEnd);
      if (nextSpeaker.length === 0) {
        // "…, said X" / "X's spokesman said": a speaker after the verb, or the enclosing one.
        nextSpeaker = speaker ?? [];
      } else if (nextSpeaker[0]!.pronoun && speaker) nextSpeaker = speaker;
    } else if (c.kind === 'content') {
      const subj = subjectOf(cl, toks, phrases, c.at);
      nextSpeaker = subj.length > 0 ? subj : speaker;
    }
    start = c.at;
    kind = c.kind;
    frame = c.frame;
    speaker = c.kind === 'content' ? nextSpeaker : c.kind === 'main' ? undefined : speaker;
  }
  clauses.push({
    i: start,
    j: toks.length,
    kind,
    ...(frame ? { frame } : {}),
    ...(speaker ? { speaker } : {}),
  });
  return clauses;
}

/** The subject: the clause's first actor phrase (with its compound partners) not inside a prepositional phrase. */
function subjectOf(
  clause: Clause,
  toks: readonly Tagged[],
  phrases: ActorPhrase[],
  before: number,
): ActorPhrase[] {
  for (const p of phrases) {
    if (p.i < clause.i || p.i >= before) continue;
    if (insidePP(toks, p, clause.i)) continue;
    return phrases.filter((q) => q.group === p.group && q.i < before);
  }
  return [];
}

function insidePP(toks: readonly Tagged[], p: ActorPhrase, floor: number): boolean {
  for (let k = p.i - 1; k >= floor; k--) {
    const t = toks[k]!;
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'ADV') continue;
    // "Up to 100 Albanians", "some 500 workers": quantifiers, not prepositions.
    if (t.lower === 'to' && toks[k - 1]?.lower === 'up') return false;
    return t.pos === 'ADP' && t.lower !== 'of';
  }
  return false;
}

function findPredicate(
  toks: readonly Tagged[],
  k: number,
  end: number,
  lex: Lex,
  inPhrase: Uint8Array,
): Predicate | undefined {
  const t = toks[k]!;
  if (inPhrase[k] && t.pos !== 'VERB') return undefined;
  // "Israeli-occupied", "US-led": a participle inside a modifier is no predicate.
  if (toks[k - 1]?.text === '-') return undefined;
  // A capitalised word inside a sentence is a name ("Loretta Lynch"), unless the sentence is a headline.
  if (
    k > 0 &&
    /^\p{Lu}/u.test(t.text) &&
    !/^[\p{Lu}\s\p{P}\d]+$/u.test(t.text) &&
    !isHeadline(toks) &&
    !QUOTE_OPEN.has(toks[k - 1]!.text)
  )
    return undefined;
  const verbish = t.pos === 'VERB' || (t.pos !== 'NOUN' && t.pos !== 'PROPN' && auxBefore(toks, k));
  // Control words: "threatened to", "willing to", "demanded that", "called on".
  const control = lex.control.get(t.lemma) ?? lex.control.get(t.lower) ?? lex.control.get(lemmaOf(t, lex));
  if (control) {
    const next = toks[k + 1]?.lower;
    const next2 = toks[k + 2]?.lower;
    const takesTo = next === 'to' || (next !== undefined && next2 === 'to' && toks[k + 1]!.pos !== 'PUNCT');
    const takesThat = (control === 'demand' || control === 'appeal') && next === 'that';
    const takesOn = control === 'appeal' && (next === 'on' || next === 'for' || next === 'upon');
    const objectTo = (control === 'appeal' || control === 'demand') && verbish;
    if (takesTo || takesThat || takesOn || objectTo) {
      const own = verbEntry(toks, k, end, lex);
      return { i: k, j: k + 1, head: k, control, ...(own ? { code: own.code } : {}) };
    }
  }
  if (verbish && !lex.reporting.has(t.lemma)) {
    const hit = verbEntry(toks, k, end, lex);
    if (hit) return { i: k, j: k + 1, head: k, ...hit };
  }
  if (
    (lex.nounFirst.has(t.lemma) || lex.nounFirst.has(t.lower)) &&
    (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'VERB')
  ) {
    // Event nouns need a light verb before them in the clause ("renewed negotiations").
    for (let w = lex.nounMaxWords; w >= 1; w--) {
      if (k + w > end) continue;
      const key = toks
        .slice(k, k + w)
        .map((x) => x.lemma)
        .join(' ');
      const keyLower = toks
        .slice(k, k + w)
        .map((x) => x.lower)
        .join(' ');
      for (const noun of lex.nouns.get(key) ?? lex.nouns.get(keyLower) ?? []) {
        const lights = noun.lightVerbs ? new Set(noun.lightVerbs) : lex.light;
        for (let b = k - 1; b >= Math.max(0, k - 5); b--) {
          const x = toks[b]!;
          if (x.text === ',' || x.lower === 'that') break;
          if (
            (lights.has(x.lemma) || lights.has(lemmaOf(x, lex))) &&
            (x.pos === 'VERB' || x.pos === 'AUX' || x.pos === 'ADJ' || x.pos === 'NOUN')
          ) {
            return {
              i: k,
              j: k + w,
              head: b,
              code: noun.code,
              noun: true,
              ...(noun.joint ? { joint: noun.joint } : {}),
            };
          }
        }
      }
    }
  }
  return undefined;
}

const QUOTE_OPEN = new Set(['"', '“', "'", '‘', ':', '(']);
/** Headlines capitalise every content word, so capitals there say nothing about names. */
const headlineCache = new WeakMap<readonly Tagged[], boolean>();
function isHeadline(toks: readonly Tagged[]): boolean {
  let hit = headlineCache.get(toks);
  if (hit === undefined) {
    const words = toks.filter((t) => /^\p{L}/u.test(t.text) && t.text.length > 3);
    hit = words.length >= 3 && words.every((t) => /^\p{Lu}/u.test(t.text));
    headlineCache.set(toks, hit);
  }
  return hit;
}

function auxBefore(toks: readonly Tagged[], k: number): boolean {
  const p = toks[k - 1]?.lower;
  return (
    p !== undefined &&
    ['has', 'have', 'had', 'will', 'would', 'to', 'did', 'not', "n't", 'also', 'again'].includes(p)
  );
}

/** The code of a verb at k, refined by an object word among the next words of the clause. */
function verbEntry(
  toks: readonly Tagged[],
  k: number,
  end: number,
  lex: Lex,
): { code: string; reverse?: boolean; joint?: string } | undefined {
  const t = toks[k]!;
  const entries = lex.verbs.get(t.lemma) ?? lex.verbs.get(t.lower) ?? lex.verbs.get(lemmaOf(t, lex));
  if (!entries) return undefined;
  const stop = Math.min(end, k + OBJECT_WINDOW);
  for (const e of entries) {
    if (e.particle) {
      const ok = toks.slice(k + 1, Math.min(end, k + 4)).some((x) => x.lower === e.particle);
      if (!ok) continue;
    }
    if (e.objects) {
      for (let o = k + 1; o < stop; o++) {
        const w = toks[o]!;
        const hit = e.objects[w.lemma] ?? e.objects[w.lower];
        if (hit) return { code: hit, ...(e.reverse ? { reverse: true } : {}) };
      }
      if (e.objectsOnly) continue;
    }
    return { code: e.code, ...(e.reverse ? { reverse: true } : {}), ...(e.joint ? { joint: e.joint } : {}) };
  }
  return undefined;
}

function codeClause(
  clause: Clause,
  toks: readonly Tagged[],
  phrases: ActorPhrase[],
  inPhrase: Uint8Array,
  clauses: Clause[],
  lex: Lex,
  lastSubject: ActorPhrase[] | undefined,
): Raw[] {
  if (clause.kind === 'conditional' || clause.kind === 'frame') return [];
  let pred: Predicate | undefined;
  let viaObligation = false;
  for (let k = clause.i; k < clause.j && !pred; k++) {
    if (clause.speaker && clause.speaker.length > 0 && lex.obligation.has(toks[k]!.lower)) {
      // "X said Y must V": the demand is coded whatever V is.
      let v = k + 1;
      while (v < clause.j && v < k + 3 && (toks[v]!.pos === 'ADV' || toks[v]!.pos === 'PART')) v++;
      if (
        v < clause.j &&
        (toks[v]!.pos === 'VERB' || toks[v]!.pos === 'AUX') &&
        !lex.obligationSkip.has(lemmaOf(toks[v]!, lex))
      ) {
        const own = findPredicate(toks, v, clause.j, lex, inPhrase);
        pred =
          own && own.i === v
            ? own
            : { i: v, j: v + 1, head: v, code: verbEntry(toks, v, clause.j, lex)?.code ?? '100' };
        viaObligation = true;
        break;
      }
    }
    pred = findPredicate(toks, k, clause.j, lex, inPhrase);
  }
  if (!pred) return [];
  // Modality of the head: auxiliaries and negators in the few words before it.
  let future = false;
  let hypothetical = false;
  let obligation = false;
  let negated = false;
  let passive = false;
  for (let b = pred.head - 1; b >= Math.max(clause.i, pred.head - 4); b--) {
    const w = toks[b]!.lower;
    if (lex.future.has(w) || (w === 'going' && toks[b + 1]?.lower === 'to')) future = true;
    else if (lex.hypothetical.has(w)) hypothetical = true;
    else if (lex.obligation.has(w)) obligation = true;
    else if (lex.negators.has(w) || (w === 'longer' && toks[b - 1]?.lower === 'no')) negated = true;
    else if (
      BE.has(w) &&
      b >= pred.head - 2 &&
      !pred.noun &&
      !pred.control &&
      toks[pred.head]!.pos === 'VERB' &&
      !/ing$/.test(toks[pred.head]!.lower)
    )
      passive = true;
    if (inPhrase[b]) break;
  }
  if (hypothetical) return [];
  // "vowed not to return", "agreed not to attack": the negation sits between control and act.
  if (pred.control && lex.negators.has(toks[pred.j]?.lower ?? '')) negated = true;
  let code = pred.code;
  const kind: ControlKind | undefined = pred.control;
  let innerEnd = pred.j;
  let innerSubject: ActorPhrase[] | undefined;
  if (kind) {
    // The wrapped predicate: after "to" in this clause, or the next clause for "demanded that …".
    let inner: Predicate | undefined;
    // A transparent verb ("decided to withdraw") wraps only the verb right after its "to".
    const limit = Math.min(clause.j, pred.j + (kind === 'transparent' ? 3 : MAX_INNER_DISTANCE));
    for (let k = pred.j; k < limit && !inner; k++) inner = findPredicate(toks, k, clause.j, lex, inPhrase);
    if (!inner && (kind === 'demand' || kind === 'appeal')) {
      const next = clauses.find((c) => c.kind === 'content' && c.i > pred!.j && c.i <= pred!.j + 3);
      if (next) {
        for (let k = next.i; k < Math.min(next.j, next.i + MAX_INNER_DISTANCE) && !inner; k++)
          inner = findPredicate(toks, k, next.j, lex, inPhrase);
        innerSubject = subjectOf(next, toks, phrases, inner ? inner.head : next.j);
      }
    }
    if (inner?.code) {
      innerEnd = inner.j;
      code = kind === 'transparent' ? inner.code : wrap(kind, inner.code, lex);
    } else if (!code) return [];
  }
  if (!code) return [];
  const root = code.slice(0, 2);
  if (future && !kind) {
    if (['04', '05', '06', '07', '08'].includes(root)) code = wrap('intent', code, lex);
    else if (+root >= 14) code = wrap('threat', code, lex);
  }
  if (negated) {
    // "did not attack" is no attack; withheld cooperation is a rejection.
    if (+root >= 9 && +root !== 12) return [];
    if (+root <= 8) code = wrap('refuse', code, lex);
    else return [];
  }
  // Sources and targets.
  let sources = subjectOf(clause, toks, phrases, pred.head);
  let targets: ActorPhrase[] = [];
  if (viaObligation || (obligation && !kind)) {
    // "X said Y must …": a demand (or an appeal, for "suggest"/"urge") by the speaker on Y.
    if (!clause.speaker || clause.speaker.length === 0) return [];
    const kindOf: ControlKind =
      clause.frame && lex.control.get(clause.frame) === 'appeal' ? 'appeal' : 'demand';
    targets = sources;
    sources = clause.speaker;
    code = wrap(kindOf, code, lex);
  } else {
    if (passive) {
      const by = phrases.find(
        (p) => p.i > pred!.j && p.i < clause.j && prepositionBefore(toks, p, pred!.j) === 'by',
      );
      if (!by) return [];
      targets = sources;
      sources = phrases.filter((q) => q.group === by.group);
    } else {
      const allowed = new Set(lex.raw.targetPrepositionsByRoot[code.slice(0, 2)] ?? []);
      targets = firstTarget(
        toks,
        phrases,
        Math.max(pred.j, kind === 'demand' || kind === 'appeal' ? pred.j : innerEnd, pred.j),
        clause.j,
        innerSubject,
        allowed,
      );
      if (kind && targets.length === 0)
        targets = firstTarget(toks, phrases, pred.j, clause.j, undefined, allowed);
    }
    if (sources.length === 0 && clause.kind === 'relative') {
      const before = phrases.filter((p) => p.j <= clause.i);
      const last = before[before.length - 1];
      if (last) sources = phrases.filter((q) => q.group === last.group);
    }
    if (sources.length === 0 && clause.speaker) sources = clause.speaker;
  }
  if (pred.reverse) {
    // "Y received weapons from X": X gives, Y receives.
    const from = phrases.find(
      (p) => p.i > pred!.j && p.i < clause.j && prepositionBefore(toks, p, pred!.j) === 'from',
    );
    if (!from) return [];
    targets = sources;
    sources = phrases.filter((q) => q.group === from.group);
  }
  if (pred.joint && code === pred.code) {
    const partners = sources.length > 0 ? phrases.filter((q) => q.group === sources[0]!.group) : [];
    if (partners.length > 1 || hasWith(toks, targets)) code = pred.joint;
  }
  // Pronoun subjects refer to the speaker of the frame, else the last subject of the article.
  if (sources.length > 0 && sources[0]!.pronoun) {
    const ref =
      clause.speaker && clause.speaker.length > 0 && !clause.speaker[0]!.pronoun
        ? clause.speaker
        : lastSubject;
    if (!ref) return [];
    // The event stays where the pronoun is (evidence within the sentence); the code comes from the referent.
    const pro = sources[0]!;
    sources = ref.map((r) => {
      const code = { coded: r.coded, org: r.org, country: r.country, agent: r.agent };
      if (pro.agent)
        Object.assign(code, {
          agent: pro.agent,
          coded: undefined,
          country: r.country ?? r.coded?.slice(0, 3),
        });
      const resolved: ActorPhrase = { i: pro.i, j: pro.j, start: pro.start, end: pro.end, group: pro.group };
      for (const [k, v] of Object.entries(code)) if (v !== undefined) Object.assign(resolved, { [k]: v });
      if (r.actor) resolved.actor = r.actor;
      return resolved;
    });
  }
  targets = targets.filter((t) => !t.pronoun);
  const trigger = { start: toks[Math.min(pred.head, pred.i)]!.start, end: toks[pred.j - 1]!.end };
  return [{ code, sources, targets, trigger, ...(negated ? { negated: true } : {}) }];
}

/** The word before a phrase, past its determiners, adjectives and numbers ("by the U.N." → "by"). */
function prepositionBefore(toks: readonly Tagged[], p: ActorPhrase, floor: number): string | undefined {
  let b = p.i - 1;
  while (b > floor && ['DET', 'ADJ', 'NUM'].includes(toks[b]!.pos)) b--;
  return toks[b]?.lower;
}

function firstTarget(
  toks: readonly Tagged[],
  phrases: ActorPhrase[],
  from: number,
  to: number,
  preferred: ActorPhrase[] | undefined,
  allowed: ReadonlySet<string> = new Set(),
): ActorPhrase[] {
  if (preferred && preferred.length > 0) return preferred;
  for (const p of phrases) {
    if (p.i < from || p.i >= to) continue;
    if (p.i - from > MAX_TARGET_DISTANCE) break;
    // Another predicate in between ("techniques used against …") opens a different event.
    let verbBetween = false;
    for (let x = from; x < p.i && !verbBetween; x++) {
      const t = toks[x]!;
      verbBetween =
        t.pos === 'VERB' &&
        !['DET', 'ADJ', 'PUNCT'].includes(toks[x - 1]?.pos ?? '') &&
        toks[x - 1]?.text !== '-' &&
        toks[x - 1]?.lower !== 'to';
    }
    if (verbBetween) break;
    const prev = toks[p.i - 1]?.lower ?? '';
    if ((TOPIC_PREPS.has(prev) && !allowed.has(prev)) || prev === 'by') continue;
    // Pronouns and bare common nouns ("its troops", "the wounded") are what is acted with, not on.
    if (p.pronoun) continue;
    if (!p.coded && !p.country && !p.org && !toks.slice(p.i, p.j).some((t) => t.pos === 'PROPN')) continue;
    return phrases.filter((q) => q.group === p.group && !q.pronoun);
  }
  return [];
}

/** A control kind applied to a wrapped code, via the modality tables ("" keeps the code). */
function wrap(kind: ControlKind, code: string, lex: Lex): string {
  if (kind === 'transparent') return code;
  // An intention to do harm is a threat ("plans to impose restrictions").
  if (kind === 'intent' && +code.slice(0, 2) >= 13) kind = 'threat';
  const table = lex.raw.modality[kind];
  const root = code.slice(0, 2);
  const mapped = table[root];
  if (mapped === '') return code;
  return mapped ?? table['default'] ?? code;
}
