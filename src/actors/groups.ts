import { z } from 'zod';
import { loadData } from '../util/data.js';
import { CameoAgent } from './kb/schema.js';
import type { TokenView } from './tokens.js';

/*
 * Organisations referred to by a common noun: "the agency" (Customs and Border Protection), "the
 * brokerage" (Kotak Institutional Equities), "the doctors" (Doctors for Camp Closure), bare
 * "prosecutors" (the U.S. Attorney's Office). The referent must be compatible and salient, and
 * evidence that is weak or split between two organisations leaves the description unresolved:
 *  - literal: the organisation's name or a noun the text gives it ("the group Doctors for …",
 *    "Kotak, a brokerage,") holds the head noun or a synonym ("the physicians" ↔ "Doctors for …").
 *    The nearest such organisation before, anywhere in reach; none before, the one named in the
 *    next sentences ("The doctors, members of the group Doctors for …").
 *  - class: the head noun names a kind of organisation (data/actors/group-nouns.json) and the
 *    organisation's name words or knowledge-base kind are of that kind ("the agency" ↔ "… Border
 *    Protection"). Only the most recent organisation of that kind within a few sentences, and only
 *    when no other one of that kind, and no organisation of unknown kind, was mentioned after it
 *    or close before it; in one sentence the subject wins.
 *  - bare institutional plurals ("prosecutors said") take the one organisation of their kind the
 *    article names, wherever it is; two or none leave them unresolved.
 */

const GroupNounSchema = z.object({
  nouns: z.array(z.string().min(1)),
  agent: CameoAgent,
  nameWords: z.array(z.string()),
  kinds: z.array(z.string()),
  bare: z.boolean().optional(),
});
const GroupNounsSchema = z.object({
  groupNouns: z.array(GroupNounSchema),
  synonyms: z.array(z.array(z.string().min(1))),
});
type GroupNoun = z.infer<typeof GroupNounSchema>;

interface GroupLexicon {
  /** Referring noun key (as written, singular or plural) → its entry. */
  byNoun: Map<string, GroupNoun>;
  /** Singular noun → the singular nouns that name the same members. */
  synonyms: Map<string, string[]>;
  /** Name words that place an organisation in some class: an organisation without any is of unknown kind. */
  classWords: Set<string>;
}

let lexicon: GroupLexicon | undefined;

function groupLexicon(): GroupLexicon {
  if (lexicon) return lexicon;
  const data = loadData('actors/group-nouns.json', GroupNounsSchema);
  const byNoun = new Map<string, GroupNoun>();
  const classWords = new Set<string>();
  for (const e of data.groupNouns) {
    for (const n of e.nouns) byNoun.set(n.toLowerCase(), e);
    for (const w of e.nameWords) classWords.add(w);
  }
  const synonyms = new Map<string, string[]>();
  for (const set of data.synonyms) for (const w of set) synonyms.set(w, set);
  lexicon = { byNoun, synonyms, classWords };
  return lexicon;
}

/** Singular of a lower-case English noun, good enough to compare name words ("agencies" → "agency"). */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The agent a group noun gives a description ("the brokerage" → BUS), for nouns no role word covers. */
export function groupNounAgent(key: string): CameoAgent | undefined {
  return groupLexicon().byNoun.get(key)?.agent;
}

/** True for an institutional plural that refers without a determiner ("prosecutors said"). */
export function isBareGroupNoun(key: string): boolean {
  return groupLexicon().byNoun.get(key)?.bare === true && singular(key) !== key;
}

/** What the resolver knows of one organisation (a cluster of the actors stage). */
export interface OrganisationFacts {
  /** Singular lower-case words of its names. */
  words: ReadonlySet<string>;
  /** Nouns the text gives it ("the brokerage Kotak", "Kotak, a brokerage,"), as written. */
  stated: ReadonlySet<string>;
  /** Knowledge-base kind (BUS, NGO, MED, …), when the KB knows it. */
  kind?: string;
}

/** A mention of an organisation outside quotations, in text order. */
export interface OrganisationMention {
  t0: number;
  t1: number;
  sentence: number;
  entity: number;
  subject: boolean;
}

type Fit = 'literal' | 'class' | 'unknown' | 'none';

/** Sentences back a class match may reach; literal matches reach further. */
const CLASS_SENTENCES = 2;
const LITERAL_SENTENCES = 20;
/** Sentences forward a literal match may be named in, when none was named before. */
const FORWARD_SENTENCES = 2;
/** Organisations examined per description, so hostile input stays linear. */
const MAX_EXAMINED = 64;

export interface GroupQuery {
  /** Key of the head noun as written ("agency", "doctors", "prosecutors"). */
  head: string;
  t0: number;
  sentence: number;
  bare: boolean;
}

/**
 * The organisation a group description refers to, as an index into `facts`, or undefined.
 * `mentions` are sorted by t0.
 */
export function groupReferent(
  q: GroupQuery,
  mentions: readonly OrganisationMention[],
  facts: (entity: number) => OrganisationFacts,
): number | undefined {
  const lex = groupLexicon();
  const entry = lex.byNoun.get(q.head);
  const own = singular(q.head);
  const literalWords = new Set([own, ...(lex.synonyms.get(own) ?? [])]);
  const fitCache = new Map<number, Fit>();
  const fit = (entity: number): Fit => {
    let f = fitCache.get(entity);
    if (f === undefined) {
      f = fitOf(facts(entity), literalWords, entry, lex.classWords);
      fitCache.set(entity, f);
    }
    return f;
  };
  if (q.bare) {
    // An institution the whole article names once: two of its kind, or none, leave it open.
    const all = new Set<number>();
    for (const m of mentions) if (fit(m.entity) === 'literal' || fit(m.entity) === 'class') all.add(m.entity);
    return all.size === 1 ? [...all][0] : undefined;
  }
  // An organisation of unknown kind is a rival only when named again: a one-off may be NER's slip.
  const named = (m: OrganisationMention, times: number) => (timesNamed(mentions).get(m.entity) ?? 0) >= times;
  // Latest mention of each organisation before the description, most recent first.
  const latest: OrganisationMention[] = [];
  const seen = new Set<number>();
  for (let k = upperBound(mentions, q.t0) - 1; k >= 0 && latest.length < MAX_EXAMINED; k--) {
    const m = mentions[k];
    if (q.sentence - m.sentence > LITERAL_SENTENCES) break;
    if (seen.has(m.entity)) continue;
    seen.add(m.entity);
    latest.push(m);
  }
  const literal = latest.filter((m) => fit(m.entity) === 'literal');
  // An organisation of the noun's kind named since, and near, outranks an older literal one
  // ("the private equity firm Alden … McClatchy Co. reported a loss … the company also reported").
  const rival =
    literal.length > 0 &&
    latest.some((m) => isNearerRival(q, m, literal[0], fit) && (fit(m.entity) === 'class' || named(m, 2)));
  if (rival) return classReferent(q, latest, fit);
  if (literal.length > 0) return clearest(literal);
  const classed = classReferent(q, latest, fit);
  if (classed !== undefined || latest.some((m) => fit(m.entity) === 'class')) return classed;
  // Named just after ("The doctors, members of the group Doctors for …"), unless an organisation
  // was just named that it may stand for ("GateHouse laid off staff (the company would not say …)").
  if (latest.some((m) => q.sentence - m.sentence <= CLASS_SENTENCES && fit(m.entity) !== 'none'))
    return undefined;
  const ahead = new Set<number>();
  for (let k = upperBound(mentions, q.t0); k < mentions.length; k++) {
    const m = mentions[k];
    if (m.sentence - q.sentence > FORWARD_SENTENCES) break;
    if (fit(m.entity) === 'literal') ahead.add(m.entity);
  }
  return ahead.size === 1 ? [...ahead][0] : undefined;
}

/** How often each organisation is named, counted once per list of mentions. */
const namedCounts = new WeakMap<readonly OrganisationMention[], Map<number, number>>();
function timesNamed(mentions: readonly OrganisationMention[]): Map<number, number> {
  let counts = namedCounts.get(mentions);
  if (!counts) {
    counts = new Map();
    for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    namedCounts.set(mentions, counts);
  }
  return counts;
}

function isNearerRival(
  q: GroupQuery,
  m: OrganisationMention,
  literal: OrganisationMention,
  fit: (entity: number) => Fit,
): boolean {
  const kind = fit(m.entity);
  const near = m.sentence > literal.sentence && q.sentence - m.sentence <= CLASS_SENTENCES;
  return near && (kind === 'class' || kind === 'unknown');
}

function fitOf(
  f: OrganisationFacts,
  literalWords: ReadonlySet<string>,
  entry: GroupNoun | undefined,
  classWords: ReadonlySet<string>,
): Fit {
  for (const w of f.words) if (literalWords.has(w)) return 'literal';
  for (const n of f.stated) {
    // "the oil giant Exxon Mobil … the company": a noun of the same kind the text gave it.
    if (literalWords.has(singular(n)) || (entry && groupLexicon().byNoun.get(n) === entry)) return 'literal';
  }
  if (entry) {
    if (f.kind && entry.kinds.includes(f.kind)) return 'class';
    if (entry.nameWords.some((w) => f.words.has(w))) return 'class';
  }
  if (f.kind && f.kind !== 'OTHER') return 'none';
  for (const w of f.words) if (classWords.has(w)) return 'none';
  return 'unknown';
}

/** Of organisations that fit literally, most recent first: the first unless another is as recent. */
function clearest(candidates: readonly OrganisationMention[]): number | undefined {
  const [best, next] = candidates;
  if (!next || best.sentence - next.sentence >= 2) return best.entity;
  if (best.sentence === next.sentence && best.subject !== next.subject)
    return best.subject ? best.entity : next.entity;
  return undefined;
}

/**
 * The most recent organisation of the noun's kind within CLASS_SENTENCES, when no other of its
 * kind (or of unknown kind) is as recent: in one sentence naming several, its subject is the topic
 * ("CBP, part of Homeland Security, …"); one named in the sentence before is a rival.
 */
function classReferent(
  q: GroupQuery,
  latest: readonly OrganisationMention[],
  fit: (entity: number) => Fit,
): number | undefined {
  const near = latest.filter((m) => q.sentence - m.sentence <= CLASS_SENTENCES && fit(m.entity) !== 'none');
  const first = near.find((m) => fit(m.entity) === 'class');
  if (!first) return undefined;
  // An organisation of unknown kind named after the candidate could be the one meant.
  if (near.some((m) => fit(m.entity) === 'unknown' && m.sentence > first.sentence)) return undefined;
  const inSentence = near.filter((m) => m.sentence === first.sentence);
  const pick =
    inSentence.length === 1 ? first : inSentence.filter((m) => m.subject && fit(m.entity) === 'class');
  const chosen = Array.isArray(pick) ? (pick.length === 1 ? pick[0] : undefined) : pick;
  if (!chosen) return undefined;
  if (near.some((m) => m.sentence === first.sentence - 1)) return undefined;
  return chosen.entity;
}

function upperBound(mentions: readonly OrganisationMention[], t0: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].t0 < t0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Nouns the text gives an organisation next to its name: the word before it ("the group Doctors
 * for …", "retailer Costco") and the head of an appositive after it ("Kotak, a brokerage,").
 */
export function statedNouns(view: TokenView, t0: number, t1: number): string[] {
  const { keys, tokens, capitalised } = view;
  const lex = groupLexicon();
  const out: string[] = [];
  const isNoun = (k: string) => lex.byNoun.has(k) || lex.synonyms.has(singular(k));
  if (t0 > 0 && !capitalised[t0 - 1] && isNoun(keys[t0 - 1])) out.push(keys[t0 - 1]);
  if (t1 + 1 < tokens.length && keys[t1] === ',' && /^(a|an|the)$/.test(keys[t1 + 1])) {
    for (let k = t1 + 2; k < Math.min(tokens.length, t1 + 6); k++) {
      if (keys[k] === ',' || capitalised[k]) break;
      if (isNoun(keys[k])) {
        out.push(keys[k]);
        break;
      }
    }
  }
  return out;
}
