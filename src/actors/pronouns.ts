import type { Gender } from './gender.js';
import { pronounGender } from './gender.js';
import type { TokenView } from './tokens.js';
import type { Work } from './scan/index.js';
import { PREPOSITIONS } from './words.js';

/*
 * Entity-centric resolution of he/she. Each person mentioned outside quotations is an entity
 * (a named person's cluster, or an unnamed description such as "the economist"); a pronoun takes
 * the entity its sentence or the nearest earlier sentence makes most salient, and agrees in gender:
 *  1. In its own sentence: the subject before it ("Smith said he …"), or the only compatible entity.
 *  2. Else, sentence by sentence backwards: the first sentence with a compatible entity decides —
 *     its subject when compatible, else its only compatible entity; two or more and no subject
 *     among them is ambiguous, and the pronoun stays unresolved rather than guessed.
 * A pronoun that refers to an unnamed description stays unresolved, but joins that entity's chain,
 * so a later "he" does not jump to the nearest named person instead.
 */

/** Sentences a pronoun looks back over. */
const MAX_SENTENCES_BACK = 3;
/** Tokens a pronoun looks back over, whatever the sentences. */
const MAX_TOKENS_BACK = 120;
/** Referents examined per pronoun, so a sentence of thousands of names stays linear. */
const MAX_REFERENTS = 48;

export interface Referent {
  w: Work;
  sentence: number;
  subject: boolean;
  /** Cluster index, or -1 - (index of the description) for an entity without a cluster. */
  entity: number;
  gender: Gender | undefined;
}

/** Marks, per sentence, the first mention outside quotations that is no object of a preposition. */
export function subjects(view: TokenView, works: readonly Work[]): Set<Work> {
  const out = new Set<Work>();
  const seen = new Set<number>();
  for (const w of works) {
    const s = view.sentence[w.t0];
    if (seen.has(s) || view.quoted[w.t0]) continue;
    const possessive = isPossessor(view, w) || isPossessivePronoun(view.keys[w.t0]);
    if (possessive || !opensClause(view, w.t0)) continue;
    seen.add(s);
    out.add(w);
  }
  return out;
}

/** Words that open a fronted adverbial clause, whose mentions are no subject of the sentence. */
const SUBORDINATORS = new Set([
  'when',
  'if',
  'after',
  'because',
  'while',
  'although',
  'though',
  'as',
  'since',
  'before',
  'unless',
  'until',
  'once',
  'whether',
]);

/**
 * True when only clause-opening material stands between the last comma (or the sentence start)
 * and token t: no preposition, subordinator or -ing verb ("By offering Kasich …, Trump would").
 */
function opensClause(view: TokenView, t: number): boolean {
  const s = view.sentence[t];
  for (let i = t - 1; i >= 0 && view.sentence[i] === s; i--) {
    const k = view.keys[i];
    if (k === ',' || k === ';' || k === ':' || k === '—') return true;
    if (PREPOSITIONS.has(k) || SUBORDINATORS.has(k) || (k.length > 4 && k.endsWith('ing'))) return false;
  }
  return true;
}

/** True for a mention followed by a possessive 's ("Roe's office"). */
function isPossessor(view: TokenView, w: Work): boolean {
  return view.keys[w.t1 - 1] === "'s" || view.keys[w.t1] === "'s";
}

function isPossessivePronoun(key: string): boolean {
  return key === 'his' || key === 'her' || key === 'their' || key === 'its';
}

/**
 * The referent a he/she pronoun takes among the person referents before it, or undefined.
 * `learned` holds the gender earlier pronouns gave entities whose names do not tell it.
 */
export function pronounReferent(
  view: TokenView,
  w: Work,
  history: readonly Referent[],
  learned?: ReadonlyMap<number, Gender>,
): Referent | undefined {
  const want = pronounGender(view.keys[w.t0]);
  const possessive = isPossessivePronoun(view.keys[w.t0]);
  const s = view.sentence[w.t0];
  // An entity's gender is what its name says, else what a pronoun already resolved to it says.
  const agrees = (r: Referent) => {
    const gender = r.gender ?? learned?.get(r.entity);
    return gender === undefined || want === undefined || gender === want;
  };
  let k = history.length - 1;
  const floor = Math.max(0, history.length - MAX_REFERENTS);
  while (k >= floor) {
    const sentence = history[k].sentence;
    if (sentence < s - MAX_SENTENCES_BACK || w.t0 - history[k].w.t1 > MAX_TOKENS_BACK) return undefined;
    const inSentence: Referent[] = [];
    while (k >= floor && history[k].sentence === sentence) inSentence.push(history[k--]);
    const compatible = inSentence.filter(agrees);
    if (compatible.length === 0) continue;
    const subject = compatible.find((r) => r.subject);
    // "Ryan criticised Trump's proposals, in particular his proposal for a ban": a possessive
    // pronoun before the noun a person's possessive took in its sentence is that person's.
    const parallel = possessive && sentence === s ? samePossessed(view, w, compatible) : undefined;
    if (parallel) return parallel;
    // In the pronoun's own sentence another compatible person after the subject makes it
    // ambiguous ("Smith told Jones he …", "Rutte will support Trump in his pursuit"); a possessor
    // ("a call to Roe's office, in which he said") is no rival of the subject's "he", but is one
    // of its "his" ("Roe's office, and his staff").
    if (
      subject &&
      sentence === s &&
      compatible.some(
        (r) =>
          r.entity !== subject.entity && r.w.t0 > subject.w.t0 && (possessive || !isPossessor(view, r.w)),
      )
    )
      return undefined;
    if (subject) return subject;
    if (new Set(compatible.map((r) => r.entity)).size !== 1) return undefined;
    // One compatible non-subject: still ambiguous when an earlier sentence in reach has another
    // compatible subject, the topic the text may be continuing ("Smith met Jones. …, he said").
    const older = history
      .slice(floor, k + 1)
      .filter((r) => r.subject && agrees(r) && r.sentence >= s - MAX_SENTENCES_BACK);
    if (older.some((r) => r.entity !== compatible[0].entity)) return undefined;
    return compatible[0];
  }
  return undefined;
}

/**
 * The possessor among `candidates` whose possessed noun is the one after the pronoun ("Trump's
 * proposals … his proposal"), when exactly one entity has it; else undefined.
 */
function samePossessed(view: TokenView, w: Work, candidates: readonly Referent[]): Referent | undefined {
  const noun = stemOf(view.keys[w.t0 + 1]);
  if (!noun) return undefined;
  const owners = candidates.filter((r) => {
    if (!isPossessor(view, r.w)) return false;
    const after = view.keys[r.w.t1 - 1] === "'s" ? r.w.t1 : r.w.t1 + 1;
    return stemOf(view.keys[after]) === noun;
  });
  return new Set(owners.map((r) => r.entity)).size === 1 ? owners[0] : undefined;
}

/** A word without a plural -s, for comparing nouns ("proposals", "proposal"). */
function stemOf(key: string | undefined): string | undefined {
  if (!key || !/^[a-z]/u.test(key)) return undefined;
  return key.length > 3 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
}
