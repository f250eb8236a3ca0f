import type { TeacherTag } from './align.js';

/*
 * A repair of the teacher's tags before the tagger learns them. wink reads a verb's third-person
 * form after a noun as a plural noun when a noun can be spelt so ("Russia plans to deploy", "The
 * government plans to cut": "plans" + "to" + verb is a NOUN after a noun or name all 73 times in the
 * training texts, a VERB after a pronoun 32 of 32 times), and the student copied it. The clause
 * around such a word then has no finite verb, which an English clause needs, so the word is its
 * verb: a word the teacher tags NOUN, that it reads as a VERB elsewhere, with a noun or name before
 * it that opens the clause and "to" + a verb after it, in a clause with no other finite verb, is
 * relabelled VERB. Where the clause has a verb of its own ("protesting government plans to build",
 * "plans to build a road were dropped") or the noun group is not its subject, the noun stands.
 */

/** One sentence of the teacher's tags on our tokens (the tagger's training sentence). */
export interface TeacherSentence {
  words: readonly string[];
  gold: Array<TeacherTag | undefined>;
}

/** Punctuation that may close a phrase before a clause's subject ("In August, Melville House plans"). */
const PHRASE_BREAKS = new Set([',', '"', '“', '”', "''", '``', '(', ')', '—', '–', '-']);
/** Tokens that open a clause: strong punctuation and the words that open a subordinate clause. */
const CLAUSE_OPENERS = new Set([
  ';',
  ':',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'while',
  'because',
  'if',
  'although',
  'though',
  'as',
  'since',
  'after',
  'before',
  'until',
  'unless',
]);

/** Tags of a finite verb's group (an infinitive after "to" is not one). */
const VERBAL = new Set(['VERB', 'AUX']);
/** Tags of the words of a subject noun group ("Gibraltar 's new government"). */
const NOUN_GROUP = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PART']);
const SUBJECT_HEAD = new Set(['NOUN', 'PROPN']);
/** Tags after which a verb form modifies or heads a noun group rather than a clause. */
const MODIFIED = new Set(['ADP', 'DET']);

/** The lower-cased words the teacher tags VERB at least once in the sentences. */
export function teacherVerbForms(sentences: readonly TeacherSentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences)
    s.gold.forEach((g, i) => g?.pos === 'VERB' && out.add(s.words[i]!.toLowerCase()));
  return out;
}

const lower = (s: TeacherSentence, k: number) => s.words[k]!.toLowerCase();

/**
 * Whether word k may be a finite verb: not an infinitive after "to", a verb in -ing, a capitalised
 * word inside the sentence (a name's: "the European Arrest Warrant"), a word right after a preposition
 * or determiner ("of exiled families"), nor a participle before "by" or "of" ("a blogger convicted of").
 */
function finiteAt(s: TeacherSentence, k: number): boolean {
  const word = s.words[k]!;
  if (!VERBAL.has(s.gold[k]?.pos ?? '') || /ing$/.test(word) || (k > 0 && /^\p{Lu}/u.test(word)))
    return false;
  if (k > 0 && MODIFIED.has(s.gold[k - 1]?.pos ?? '')) return false;
  if (/ed$/.test(word) && k + 1 < s.words.length && /^(?:by|of)$/.test(lower(s, k + 1))) return false;
  return !(k > 0 && lower(s, k - 1) === 'to' && !/ed$/.test(word));
}

/** Whether a finite verb stands in words [from, to), stopping (going left from `to`) at a clause opener. */
function verbBackTo(s: TeacherSentence, from: number, to: number): boolean {
  for (let k = to - 1; k >= from && !CLAUSE_OPENERS.has(lower(s, k)); k--) if (finiteAt(s, k)) return true;
  return false;
}

/**
 * Whether word i opens its clause's verb group: the noun group before it starts the clause (at the
 * sentence's start, after a clause opener, or after a phrase with no verb, "In August, ..."), and
 * no finite verb follows it before the next clause opener ("... plans to build a road were dropped").
 */
function onlyVerbOfClause(s: TeacherSentence, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && inNounGroup(s, k) && !CLAUSE_OPENERS.has(lower(s, k))) k--;
  if (k >= 0 && !CLAUSE_OPENERS.has(lower(s, k))) {
    if (!PHRASE_BREAKS.has(lower(s, k)) || verbBackTo(s, 0, k)) return false;
  }
  // A verb after a comma or "and" is another clause's (", officials said") or a second predicate.
  for (let r = i + 1; r < s.words.length && !CLAUSE_OPENERS.has(lower(s, r)); r++) {
    if (lower(s, r) === ',' || s.gold[r]?.pos === 'CCONJ') return true;
    if (finiteAt(s, r)) return false;
  }
  return true;
}

/** Whether word k belongs to a subject noun group ("The government of Papua New Guinea"). */
const inNounGroup = (s: TeacherSentence, k: number) =>
  NOUN_GROUP.has(s.gold[k]?.pos ?? '') || (lower(s, k) === 'of' && k > 0 && s.gold[k - 1]?.pos === 'NOUN');

/**
 * The sentences with the teacher's plural-noun reading of a clause's only finite verb before "to" +
 * verb relabelled VERB (see above); `verbForms` from `teacherVerbForms`. Returns how many it relabelled.
 */
export function repairTeacher(sentences: readonly TeacherSentence[], verbForms: ReadonlySet<string>): number {
  let repaired = 0;
  for (const s of sentences) {
    const { words, gold } = s;
    for (let i = 1; i + 2 < words.length; i++) {
      const g = gold[i];
      if (g?.pos !== 'NOUN' || !/s$/.test(words[i]!) || !verbForms.has(words[i]!.toLowerCase())) continue;
      if (!SUBJECT_HEAD.has(gold[i - 1]?.pos ?? '')) continue;
      if (words[i + 1]!.toLowerCase() !== 'to' || gold[i + 2]?.pos !== 'VERB') continue;
      if (!onlyVerbOfClause(s, i)) continue;
      gold[i] = { ...g, pos: 'VERB' };
      repaired++;
    }
  }
  return repaired;
}
