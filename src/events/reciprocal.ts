import { z } from 'zod';
import { loadData } from '../util/data.js';
import { actorWords, afterSpacedDash, clauseEnd, destination, thingWords } from './arguments.js';
import { isCivilian, phraseCode, type ActorPhrase } from './actors.js';
import type { Decoded } from './decode.js';
import type { PreparedSentence } from './sentence.js';

/*
 * Reciprocal acts. "Israel and Lebanon held talks", "Russian and Ukrainian forces clashed", "China and
 * Japan accused each other": the conjoined actors act on each other, none is the other's target. The
 * tagger marks one source and one target, so it often splits such a subject ("The United States" >
 * "Jordan"); here the conjoined words are joined again, and the act is reciprocal when its predicate
 * is (data/events/reciprocal.json) or its object is "each other". "A met with B" is not: B is joined
 * by a preposition, not a conjunction, and stays the target.
 */

const ReciprocalSchema = z.object({
  about: z.string(),
  /** CAMEO codes whose act is between its parties, with the codebook's name. */
  codes: z.record(z.string(), z.string()),
  /** Lemmas of reciprocal predicates, with the codebook definition each comes from. */
  words: z.record(z.string(), z.string()),
  /** Nouns of mutual things: an act on one is mutual ("signed a pact", "reached a deal"). */
  objects: z.record(z.string(), z.string()),
  eachOther: z.array(z.string()),
  between: z.array(z.string()),
  joiners: z.array(z.string()),
  /** Prepositions of an act's place or time, whose words are no target of it ("talks in Geneva"). */
  circumstance: z.array(z.string()),
});

interface ReciprocalKnowledge {
  codes: ReadonlySet<string>;
  words: ReadonlySet<string>;
  objects: ReadonlySet<string>;
  eachOther: readonly (readonly string[])[];
  between: ReadonlySet<string>;
  joiners: ReadonlySet<string>;
  circumstance: ReadonlySet<string>;
}

let cache: ReciprocalKnowledge | undefined;

/** The reciprocal predicates and function words (data/events/reciprocal.json), loaded once. */
export function reciprocalKnowledge(): ReciprocalKnowledge {
  if (cache) return cache;
  const raw = loadData('events/reciprocal.json', ReciprocalSchema);
  cache = {
    codes: new Set(Object.keys(raw.codes)),
    words: new Set(Object.keys(raw.words)),
    objects: new Set(Object.keys(raw.objects)),
    eachOther: raw.eachOther.map((p) => p.split(' ')),
    between: new Set(raw.between),
    joiners: new Set(raw.joiners),
    circumstance: new Set(raw.circumstance),
  };
  return cache;
}

/**
 * Whether the act's predicate is reciprocal: its CAMEO code, its lemma, the verb its noun derives
 * from, or the verb a noun trigger is the object of ("traded fire", "exchanged blows").
 */
export function reciprocalPredicate(s: PreparedSentence, d: Decoded, code: string): boolean {
  const k = reciprocalKnowledge();
  if (k.codes.has(code)) return true;
  const derived = s.info[d.c.i]?.derived;
  const before = s.toks[d.c.i - 1];
  const governing = s.toks[d.c.i]?.pos === 'NOUN' && before?.pos === 'VERB' ? before.lemma : '';
  return [d.c.lemma, derived, governing].some((w) => !!w && k.words.has(w)) || mutualObjectNoun(s, d.c.i);
}

/**
 * Whether the head of trigger i's object, the last noun of its first run of nouns, names a mutual thing
 * ("reached a staff level agreement", "signed a pact").
 */
function mutualObjectNoun(s: PreparedSentence, i: number): boolean {
  const k = reciprocalKnowledge();
  const end = clauseEnd(s, i);
  let x = i + 1;
  while (x < end && s.toks[x]!.pos !== 'NOUN') x++;
  if (x >= end) return false;
  while (x + 1 < end && s.toks[x + 1]!.pos === 'NOUN') x++;
  const head = s.toks[x]!.lemma;
  const derived = s.info[x]?.derived;
  return k.objects.has(head) || k.words.has(head) || (!!derived && k.words.has(derived));
}

/** The first actor phrase in a word range, or -1. */
function phraseIn(s: PreparedSentence, words: [number, number]): number {
  for (let x = words[0]; x < words[1]; x++) if (s.phraseAt[x]! >= 0) return s.phraseAt[x]!;
  return -1;
}

/** The compound group of the first actor phrase in a word range ("Hungarian and Romanian officials"), or -1. */
function groupIn(s: PreparedSentence, words: [number, number]): number {
  const p = phraseIn(s, words);
  return p < 0 ? -1 : s.phrases[p]!.group;
}

/** The words of a source widened over its compound group: every conjunct ("Bahrain, Kuwait and the UAE"). */
export function conjuncts(s: PreparedSentence, source: [number, number]): [number, number] {
  const group = groupIn(s, source);
  const members = group < 0 ? [] : s.phrases.filter((p) => p.group === group);
  // A group of one phrase is no conjunction: the source's words stay as tagged.
  if (members.length < 2) return source;
  let [a, b] = source;
  for (const p of members) {
    a = Math.min(a, p.i);
    b = Math.max(b, p.j);
  }
  // A member phrase may run over a heading's spaced dash ("Israel - Egypt"): the conjuncts start after it.
  return afterSpacedDash(s, [a, b]);
}

/**
 * Whether a tagged target is conjoined with the source: one compound group holds both, or only
 * joiners ("and", a comma) lie between them, or the source follows "between" ("talks between Egypt
 * and Ethiopia").
 */
export function conjoined(s: PreparedSentence, source: [number, number], target: [number, number]): boolean {
  if (target[0] < source[1]) return false;
  // Two phrases of one compound group (one phrase holding both is a tagging of one phrase, not a conjunction).
  const [p, q] = [phraseIn(s, source), phraseIn(s, target)];
  if (p >= 0 && q >= 0 && p !== q && s.phrases[p]!.group === s.phrases[q]!.group) return true;
  const gap = s.toks.slice(source[1], target[0]);
  const k = reciprocalKnowledge();
  if (gap.length === 0 || !gap.every((t) => k.joiners.has(t.lower))) return false;
  return gap.some((t) => t.lower !== ',') || k.between.has(s.toks[source[0] - 1]?.lower ?? '');
}

/** The "each other" / "one another" object right after trigger i, or after its preposition ("fought with each other"). */
export function eachOtherObject(s: PreparedSentence, i: number): boolean {
  const words = (from: number, n: number) =>
    s.toks
      .slice(from, from + n)
      .map((t) => t.lower)
      .join(' ');
  return reciprocalKnowledge().eachOther.some((p) => {
    const phrase = p.join(' ');
    return (
      words(i + 1, p.length) === phrase || (s.toks[i + 1]?.pos === 'ADP' && words(i + 2, p.length) === phrase)
    );
  });
}

/** How the act's actors take part: the source words (all participants), its own object, and whether it is mutual. */
export interface Participation {
  source: [number, number];
  target?: [number, number];
  /** The predicate is reciprocal, the object is "each other", or the participants follow "between". */
  mutual: boolean;
  /** The target words are the act's circumstance, not its patient ("held talks in Geneva"). */
  circumstance: boolean;
}

/**
 * The participants of an act from its tagged source and target words: a target conjoined with the
 * source joins it, and the act's own object after the trigger (past the participants) becomes the
 * target; "each other" is no target. The caller makes the act reciprocal when it is `mutual`, it has
 * two coded participants and no coded target other than a circumstance.
 */
export function participation(
  s: PreparedSentence,
  d: Decoded,
  code: string,
  source: [number, number],
  target: [number, number] | undefined,
): Participation {
  const k = reciprocalKnowledge();
  const mutualObject = eachOtherObject(s, d.c.i);
  const all = conjuncts(s, source);
  // A target among the source's other conjuncts, or joined to them, is one of them (words the tagger
  // gave to both roles are left as they are: that is no conjunction).
  const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && a[1] > b[0];
  const joined =
    target !== undefined && !overlaps(target, source) && (overlaps(target, all) || conjoined(s, all, target));
  let words = all;
  let own = target;
  if (joined) {
    words = conjuncts(s, [all[0], Math.max(all[1], target[1])]);
    own = ownObject(s, d.c.i, words);
  }
  if (mutualObject) own = undefined;
  const between = k.between.has(s.toks[words[0] - 1]?.lower ?? '');
  const mutual = mutualObject || between || reciprocalPredicate(s, d, code);
  const circumstance = own !== undefined && k.circumstance.has(s.toks[own[0] - 1]?.lower ?? '');
  return { source: words, ...(own ? { target: own } : {}), mutual, circumstance };
}

/** The act's own object: the actor or thing after trigger i in its clause, past the participants' words. */
function ownObject(
  s: PreparedSentence,
  i: number,
  participants: [number, number],
): [number, number] | undefined {
  const from = participants[0] > i ? Math.max(i + 1, participants[1]) : i + 1;
  const end = clauseEnd(s, i);
  if (from >= end) return undefined;
  const actor = actorWords(s, [from, end]);
  return actor ? (destination(s, actor, end) ?? actor) : thingWords(s, [from, end]);
}

/** An actor of an act as the coder codes it: its code ("" when none), its phrase and its words. */
export interface Participant {
  code: string;
  phrase?: ActorPhrase;
  start: number;
  end: number;
}

/**
 * The participants named in a word range: each phrase of its first compound group (the head of "the
 * leader of the rebels" comes first), coded or not ("Trump and Putin" are two even when one has no
 * code), one per code, on the phrase's own words.
 */
export function participantsIn(
  s: PreparedSentence,
  span: [number, number],
  country: (p: ActorPhrase) => string | undefined,
  role: 'source' | 'target' = 'source',
): Participant[] {
  const inside = s.phrases.filter((p) => p.i < span[1] && p.j > span[0]);
  const group = inside[0]?.group;
  const seen = new Set<string>();
  const out: Participant[] = [];
  for (const p of inside) {
    if (p.group !== group) continue;
    const code = phraseCode(p, country(p), isCivilian(p, s.toks, role)) ?? '';
    if (code && seen.has(code)) continue;
    seen.add(code);
    out.push({ code, phrase: p, start: p.start, end: p.end });
  }
  return out;
}

/**
 * Whether an act with these participants is mutual: it is by its words (`participation`), two or more
 * take part, and its target is no third party: none, a place ("talks in Paris"), or words whose code
 * is a participant's country ("Jordan and Britain agreed to joint military exercises").
 */
export function mutualAct(
  part: Participation,
  participants: readonly Participant[],
  targets: readonly Participant[],
): boolean {
  if (!part.mutual || participants.length < 2) return false;
  if (part.circumstance) return true;
  const own = new Set(participants.map((c) => c.code.slice(0, 3)).filter(Boolean));
  return !targets.some((c) => c.code && !own.has(c.code.slice(0, 3)));
}
